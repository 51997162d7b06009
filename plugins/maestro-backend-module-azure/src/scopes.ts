import { DiscoveryConnection } from '@maestro/plugin-maestro-node';
import { parseArmId } from './translate/common';

/** `East US` and `eastus` are one location; ARM answers with the latter. */
export const normalizeLocation = (location: string) =>
  location.toLowerCase().replace(/\s+/g, '');

export const splitList = (value: string | undefined) =>
  (value ?? '')
    .split(/[,;\n]+/)
    .map(v => v.trim())
    .filter(Boolean);

/**
 * The scopes of a connection's scan. Every listing is subscription-wide
 * (one paged walk per resource type, as ARM pages them), so no scope is
 * known complete before the last page of the last listing came: then all
 * of them are. A scope is one cell of the connection's filters: the
 * subscription, or each resource group and/or location the connection
 * names. Resources outside the filters are left out of every scope, and a
 * changed filter starts new scopes instead of taking the resources it no
 * longer covers for gone.
 */
export class SubscriptionScopes {
  private readonly groups: string[];
  private readonly locations: string[];

  constructor(
    private readonly subscriptionId: string,
    resourceGroups: string[],
    locations: string[],
  ) {
    this.groups = [...new Set(resourceGroups.map(g => g.toLowerCase()))];
    this.locations = [...new Set(locations.map(normalizeLocation))];
  }

  static of(connection: DiscoveryConnection) {
    const { settings } = connection;
    return new SubscriptionScopes(
      settings.subscriptionId.toLowerCase(),
      splitList(settings.resourceGroups),
      splitList(settings.locations),
    );
  }

  /** Every scope of the scan, completed together. */
  all(): string[] {
    const groups = this.groups.length ? this.groups : [undefined];
    const locations = this.locations.length ? this.locations : [undefined];
    return groups.flatMap(g => locations.map(l => this.key(g, l)));
  }

  /** The scope of a resource, or undefined when the filters leave it out. */
  of(resourceId: string, location: string | undefined): string | undefined {
    const group = parseArmId(resourceId).resourceGroup?.toLowerCase();
    const where = location ? normalizeLocation(location) : undefined;
    if (this.groups.length && (!group || !this.groups.includes(group))) {
      return undefined;
    }
    if (this.locations.length && (!where || !this.locations.includes(where))) {
      return undefined;
    }
    return this.key(
      this.groups.length ? group : undefined,
      this.locations.length ? where : undefined,
    );
  }

  private key(group: string | undefined, location: string | undefined) {
    return [this.subscriptionId, group, location].filter(Boolean).join('/');
  }
}
