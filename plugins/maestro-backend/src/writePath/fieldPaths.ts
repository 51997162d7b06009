import { Entity } from '@backstage/catalog-model';

/**
 * The unit of merging and of source tracking: each top-level field of
 * metadata (but the identity fields) and of spec, e.g. `spec.cpu`.
 */
const IDENTITY = new Set(['name', 'namespace', 'uid', 'etag']);

export function entityFields(entity: Entity): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const [key, value] of Object.entries(entity.metadata ?? {})) {
    if (!IDENTITY.has(key) && value !== undefined)
      fields.set(`metadata.${key}`, value);
  }
  for (const [key, value] of Object.entries(entity.spec ?? {})) {
    if (value !== undefined) fields.set(`spec.${key}`, value);
  }
  return fields;
}

/** Rebuilds an entity from its identity and a field map. */
export function entityFromFields(
  identity: Pick<Entity, 'apiVersion' | 'kind'> & {
    namespace: string;
    name: string;
  },
  fields: Map<string, unknown>,
): Entity {
  const metadata: Record<string, unknown> = {
    name: identity.name,
    namespace: identity.namespace,
  };
  const spec: Record<string, unknown> = {};
  for (const path of [...fields.keys()].sort()) {
    const [root, key] = [
      path.slice(0, path.indexOf('.')),
      path.slice(path.indexOf('.') + 1),
    ];
    (root === 'metadata' ? metadata : spec)[key] = fields.get(path);
  }
  return {
    apiVersion: identity.apiVersion,
    kind: identity.kind,
    metadata: metadata as Entity['metadata'],
    spec: spec as Entity['spec'],
  };
}
