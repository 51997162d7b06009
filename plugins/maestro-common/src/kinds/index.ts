import { MAESTRO_API_VERSION } from './common';
import { datacenterSchema } from './datacenter';
import { serverSchema } from './server';
import {
  clientSchema,
  flavorSchema,
  imageSchema,
  networkSchema,
  snapshotSchema,
  volumeSchema,
} from './cloudResources';
import {
  componentSchema,
  resourceSchema,
  systemSchema,
} from './backstageKinds';
import { groupSchema } from './group';

export * from './common';
export * from './datacenter';
export * from './server';
export * from './cloudResources';
export * from './backstageKinds';
export { groupSchema } from './group';

/** What Maestro knows about each kind it stores. */
export type MaestroKindInfo = {
  kind: string;
  apiVersion: string;
  /** Plural, URL-safe name used in API paths and routes (`servers`). */
  plural: string;
  title: string;
  /** True for Backstage's own kinds that Maestro extends. */
  backstageKind: boolean;
  schema: Record<string, unknown>;
};

const BACKSTAGE = 'backstage.io/v1alpha1';

export const MAESTRO_KINDS: readonly MaestroKindInfo[] = [
  k('Datacenter', 'datacenters', 'Datacenters', datacenterSchema),
  k('Server', 'servers', 'Servers', serverSchema),
  k('Volume', 'volumes', 'Volumes', volumeSchema),
  k('Snapshot', 'snapshots', 'Snapshots', snapshotSchema),
  k('Image', 'images', 'Images', imageSchema),
  k('Network', 'networks', 'Networks', networkSchema),
  k('Flavor', 'flavors', 'Flavors', flavorSchema),
  k('Client', 'clients', 'Clients', clientSchema),
  k('Component', 'applications', 'Applications', componentSchema, BACKSTAGE),
  k('Resource', 'resources', 'Resources', resourceSchema, BACKSTAGE),
  k('System', 'systems', 'Systems', systemSchema, BACKSTAGE),
  k('Group', 'teams', 'Teams', groupSchema, BACKSTAGE),
];

function k(
  kind: string,
  plural: string,
  title: string,
  schema: Record<string, unknown>,
  apiVersion = MAESTRO_API_VERSION,
): MaestroKindInfo {
  return {
    kind,
    apiVersion,
    plural,
    title,
    backstageKind: apiVersion !== MAESTRO_API_VERSION,
    schema,
  };
}

const byName = new Map<string, MaestroKindInfo>();
for (const info of MAESTRO_KINDS) {
  byName.set(info.kind.toLowerCase(), info);
  byName.set(info.plural, info);
}

/** Finds a kind by its name (any case) or its plural (`servers`). */
export function findMaestroKind(
  kindOrPlural: string,
): MaestroKindInfo | undefined {
  return byName.get(kindOrPlural.toLowerCase());
}

/** Maestro's own kinds (apiVersion maestroserver.io/v1alpha1). */
export const MAESTRO_OWN_KINDS = MAESTRO_KINDS.filter(
  i => !i.backstageKind,
).map(i => i.kind);
