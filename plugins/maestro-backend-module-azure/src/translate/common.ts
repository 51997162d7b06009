import { createHash } from 'crypto';
import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { MaestroTag, slugify } from '@maestro/plugin-maestro-common';

export const API_VERSION = 'maestroserver.io/v1alpha1';
export const PROVIDER = 'Azure';

export type AzureTags = Record<string, string> | undefined;

/** The parts of an ARM resource id. */
export interface ArmResourceId {
  subscriptionId?: string;
  resourceGroup?: string;
  /** e.g. `Microsoft.Compute/virtualMachines`, or `.../virtualNetworks/subnets`. */
  type?: string;
  name: string;
}

/** Splits `/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{child}/{name}]`. */
export function parseArmId(id: string): ArmResourceId {
  const parts = id.split('/').filter(Boolean);
  const at = (key: string) => {
    const i = parts.findIndex(p => p.toLowerCase() === key);
    return i >= 0 ? i : undefined;
  };
  const sub = at('subscriptions');
  const group = at('resourcegroups');
  const providers = at('providers');
  const types =
    providers === undefined
      ? []
      : parts.slice(providers + 2).filter((_, i) => i % 2 === 0);
  return {
    subscriptionId: sub === undefined ? undefined : parts[sub + 1],
    resourceGroup: group === undefined ? undefined : parts[group + 1],
    type:
      providers === undefined
        ? undefined
        : [parts[providers + 1], ...types].join('/'),
    name: parts[parts.length - 1] ?? id,
  };
}

/** True when the id is of that resource type (ARM compares case-insensitively). */
export function isArmType(id: string | undefined, type: string): boolean {
  return (
    Boolean(id) && parseArmId(id!).type?.toLowerCase() === type.toLowerCase()
  );
}

const HASH_LENGTH = 10;

/**
 * The `metadata.name` of an ARM resource: its name as a slug plus a short
 * hash of its id. ARM ids are unique but too long for names (63
 * characters) and case-insensitive (a disk's `managedBy` may spell the
 * resource group in upper case), so the hash is taken of the id in lower
 * case: every reference to a resource gives the same name.
 */
export function armName(id: string): string {
  const hash = createHash('sha256')
    .update(id.toLowerCase())
    .digest('hex')
    .slice(0, HASH_LENGTH);
  return `${slugify(parseArmId(id).name, 63 - HASH_LENGTH - 1)}-${hash}`;
}

export const ref = (kind: string, armId: string) =>
  `${kind}:default/${armName(armId)}`;

export function maestroTags(tags: AzureTags): MaestroTag[] | undefined {
  const out = Object.entries(tags ?? {}).map(([key, value]) => ({
    key,
    value: value ?? '',
  }));
  return out.length ? out : undefined;
}

const LABEL_PART = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

/** Tags as catalog labels; those that do not fit label syntax stay in `spec.tags` only. */
export function tagLabels(tags: AzureTags) {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags ?? {})) {
    if (!LABEL_PART.test(key)) continue;
    if (value && !LABEL_PART.test(value)) continue;
    labels[key] = value ?? '';
  }
  return Object.keys(labels).length ? labels : undefined;
}

/** Drops undefined fields, so checksums do not see them. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/** A non-empty list, or nothing. */
export const nonEmpty = <T>(items: T[]): T[] | undefined =>
  items.length ? items : undefined;

/** Where an ARM resource sits: location, zone, subscription and resource group. */
export function placement(
  id: string,
  location: string | undefined,
  zones?: string[],
  extra: Record<string, string | undefined> = {},
) {
  const { subscriptionId, resourceGroup } = parseArmId(id);
  return compact({
    provider: PROVIDER,
    region: location,
    zone: zones?.[0],
    ...extra,
    subscriptionId,
    resourceGroup,
  });
}

/** ARM's provisioning state as Maestro's status (`Succeeded` is Active). */
export function provisioningStatus(state: string | undefined) {
  if (!state) return undefined;
  if (state === 'Succeeded') return 'Active';
  return state === 'Failed' ? 'Error' : state;
}

export const isoDate = (value: Date | string | undefined) =>
  value === undefined ? undefined : new Date(value).toISOString();

/** A Maestro entity of an ARM resource, named by its id. */
export function entity(
  kind: string,
  resource: { id?: string; name?: string; tags?: AzureTags },
  spec: Record<string, unknown>,
): DiscoveredEntity {
  const id = resource.id!;
  return {
    apiVersion: API_VERSION,
    kind,
    metadata: compact({
      name: armName(id),
      title: resource.name ?? parseArmId(id).name,
      labels: tagLabels(resource.tags),
    }) as DiscoveredEntity['metadata'],
    spec: compact({ uniqueId: id, ...spec, tags: maestroTags(resource.tags) }),
  };
}
