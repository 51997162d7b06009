import {
  DatacenterEntity,
  DatacenterPlacement,
  MAESTRO_API_VERSION,
} from '@maestro/plugin-maestro-common';
import { ImportContext } from './context';
import { DocumentReader, compact, documentsOf } from './documents';

const FILE = 'datacenters.json';

/** What server placement needs to know of a datacenter. */
export interface DatacenterSite {
  ref: string;
  provider: string;
  regions: string[];
  zones: string[];
}

/**
 * datacenters.json -> Datacenter entities. `metas.ownProvider` becomes
 * `spec.ownProvider`; `sucessed` (sic) only said whether 0.6's connection
 * check passed and is dropped.
 */
export function translateDatacenters(
  ctx: ImportContext,
  files: Record<string, unknown>,
): DatacenterSite[] {
  const sites: DatacenterSite[] = [];
  for (const { doc, index } of documentsOf(ctx, files, FILE) ?? []) {
    const r = new DocumentReader(ctx, FILE, index, doc);
    const title = r.string('name', true);
    const provider = r.string('provider', true);
    const regions = r.stringList('regions');
    const zones = r.stringList('zones');
    const metas = r.object('metas');
    // A document missing a required field is reported and not translated,
    // so the schema check does not report the same field a second time.
    if (!title || !provider) continue;
    const ownProvider = metas?.ownProvider;
    const entity: DatacenterEntity = {
      apiVersion: MAESTRO_API_VERSION,
      kind: 'Datacenter',
      metadata: { name: ctx.names.claim('Datacenter', title), title },
      spec: compact({
        provider,
        regions,
        zones,
        ownProvider: typeof ownProvider === 'boolean' ? ownProvider : undefined,
        tags: r.tags(),
      }),
    };
    const ref = ctx.emit(entity, FILE, index);
    ctx.names.register('datacenters', title, ref);
    sites.push({ ref, provider, regions: regions ?? [], zones: zones ?? [] });
  }
  return sites;
}

/**
 * `spec.datacenter` of a record that names its datacenter
 * (`"datacenters": "#name::AWS - US East/West"`).
 */
export function placementIn(
  ctx: ImportContext,
  ref: string | undefined,
  extra: Partial<DatacenterPlacement> = {},
): DatacenterPlacement | undefined {
  if (!ref) return undefined;
  const provider = ctx.specOf(ref)?.provider;
  return compact({
    ref,
    provider: typeof provider === 'string' ? provider : undefined,
    ...extra,
  });
}
