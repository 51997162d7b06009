import { DatacenterPlacement } from '@maestro/plugin-maestro-common';
import { ImportContext } from './context';
import { DatacenterSite } from './datacenters';
import { Doc, camelCaseKeys, compact, isPlainObject } from './documents';
import { Random } from './random';

const ZONES_FILE = 'zones.json';
const BLUEPRINTS_FILE = 'datacenter_blueprints.json';

/** Which entry of datacenter_blueprints.json belongs to which provider. */
const BLUEPRINT_INDEX_BY_PROVIDER: Record<string, number> = {
  aws: 0,
  azure: 1,
  openstack: 2,
};

/** Region -> zones, per provider (zones.json). */
type ZonesByProvider = Record<string, Record<string, string[]>>;

/**
 * Maestro 0.6's servers.json does not say where a server runs: its demo
 * loader put each server in a random datacenter, region and zone, and copied
 * the provider's sub-document of datacenter_blueprints.json into it. This
 * draws the same way, from the server's own random stream.
 */
export class ServerPlacer {
  private readonly zones: ZonesByProvider;
  private readonly blueprints: Doc[];

  constructor(
    ctx: ImportContext,
    files: Record<string, unknown>,
    private readonly sites: DatacenterSite[],
  ) {
    this.zones = readZones(ctx, files[ZONES_FILE]);
    this.blueprints = readBlueprints(ctx, files[BLUEPRINTS_FILE]);
  }

  /**
   * A placement for a server, or undefined when there is no datacenter.
   * Also returns the server type (`Virtual`) the blueprints carry.
   */
  place(
    rng: Random,
    instanceId: string | undefined,
  ): { placement: DatacenterPlacement; serverType?: string } | undefined {
    if (!this.sites.length) return undefined;
    const site = rng.pick(this.sites);
    const providerZones = findIgnoringCase(this.zones, site.provider);
    let region: string | undefined;
    let zone: string | undefined;
    if (providerZones && Object.keys(providerZones).length) {
      // Prefer the datacenter's own regions that zones.json knows.
      const known = site.regions.filter(r => providerZones[r]?.length);
      region = rng.pick(known.length ? known : Object.keys(providerZones));
      const zones = providerZones[region] ?? [];
      zone = zones.length ? rng.pick(zones) : undefined;
    } else {
      region = site.regions.length ? rng.pick(site.regions) : undefined;
      zone = site.zones.length ? rng.pick(site.zones) : undefined;
    }
    const { serverType, ...fromBlueprint } = this.blueprintFor(
      site.provider,
      instanceId,
    );
    return {
      placement: compact({
        ref: site.ref,
        provider: site.provider,
        region,
        zone,
        ...fromBlueprint,
      }),
      serverType,
    };
  }

  /**
   * The provider's blueprint with camelCase keys: `instance` is the instance
   * type; on AWS the instance id is the server's own `unique_id` (the
   * blueprint's is a sample), elsewhere the blueprint's is all there is.
   */
  private blueprintFor(provider: string, instanceId: string | undefined) {
    const index = BLUEPRINT_INDEX_BY_PROVIDER[provider.toLowerCase()];
    const blueprint = index === undefined ? undefined : this.blueprints[index];
    if (!blueprint)
      return {} as Record<string, unknown> & { serverType?: string };
    const { instance, instance_id, type, ...rest } = blueprint;
    const isAws = provider.toLowerCase() === 'aws';
    return compact({
      instanceType: typeof instance === 'string' ? instance : undefined,
      instanceId:
        isAws && instanceId ? instanceId : (instance_id as string | undefined),
      ...camelCaseKeys(rest),
      serverType: typeof type === 'string' ? type : undefined,
    });
  }
}

function readZones(ctx: ImportContext, content: unknown): ZonesByProvider {
  if (content === undefined) return {};
  const zones: ZonesByProvider = {};
  if (!isPlainObject(content)) {
    ctx.error(
      ZONES_FILE,
      undefined,
      undefined,
      'must be an object of provider -> region -> zones',
    );
    return zones;
  }
  for (const [provider, regions] of Object.entries(content)) {
    if (!isPlainObject(regions)) {
      ctx.error(
        ZONES_FILE,
        undefined,
        provider,
        'must be an object of region -> zones',
      );
      continue;
    }
    zones[provider] = {};
    for (const [region, list] of Object.entries(regions)) {
      if (Array.isArray(list) && list.every(z => typeof z === 'string')) {
        zones[provider][region] = list as string[];
      } else {
        ctx.error(
          ZONES_FILE,
          undefined,
          `${provider}.${region}`,
          'must be a list of zone names',
        );
      }
    }
  }
  return zones;
}

function readBlueprints(ctx: ImportContext, content: unknown): Doc[] {
  if (content === undefined) return [];
  if (!Array.isArray(content)) {
    ctx.error(
      BLUEPRINTS_FILE,
      undefined,
      undefined,
      'must be a JSON array of documents',
    );
    return [];
  }
  return content.map((blueprint, index) => {
    if (isPlainObject(blueprint)) return blueprint;
    ctx.error(BLUEPRINTS_FILE, index, undefined, 'must be a JSON object');
    return {};
  });
}

function findIgnoringCase<T>(
  record: Record<string, T>,
  key: string,
): T | undefined {
  const found = Object.keys(record).find(
    k => k.toLowerCase() === key.toLowerCase(),
  );
  return found === undefined ? undefined : record[found];
}
