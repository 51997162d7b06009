import {
  ANNOTATION_LOCATION,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { findFamily, findMaestroKind } from '@maestro/plugin-maestro-common';
import { promotedColumns } from '../store/promotedFields';
import { checksum } from '../writePath/canonical';

/** Where the catalog's copies of Maestro records say they come from. */
const MAESTRO_LOCATION_PREFIX = 'maestro:';

/** A catalog entity as the copy table holds it (without id and dates). */
export interface CatalogEntityRow {
  kind: string;
  namespace: string;
  name: string;
  entity_ref: string;
  title: string | null;
  unique_id: string | null;
  datacenter: string | null;
  ipv4_private: string | null;
  hostname: string | null;
  environment: string | null;
  family: string | null;
  owner: string | null;
  active: boolean;
  entity: string;
  etag: string;
  location: string | null;
}

/**
 * Whether an entity is the catalog's copy of a Maestro record: those are
 * already in the store, and copying them back would make two of one record.
 */
export function isMaestroPublished(entity: Entity): boolean {
  const location = entity.metadata?.annotations?.[ANNOTATION_LOCATION];
  return (
    typeof location === 'string' && location.startsWith(MAESTRO_LOCATION_PREFIX)
  );
}

/**
 * The owner as the access rules compare it: the catalog's resolved
 * `ownedBy` relation, else `spec.owner` read as the catalog reads it
 * (a group, in the entity's namespace unless it names one).
 */
function ownerOf(entity: Entity): string | null {
  const owned = entity.relations?.find(r => r.type === 'ownedBy')?.targetRef;
  const owner = owned ?? (entity.spec as any)?.owner;
  if (typeof owner !== 'string' || !owner.trim()) return null;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    )
      .toLowerCase()
      .slice(0, 255);
  } catch {
    return null;
  }
}

/**
 * Maestro's family of a Component or Resource: its own `spec.family`, else
 * the family whose Backstage type it has (a `database` Resource is one of
 * Maestro's Databases), so family reports include it.
 */
function familyOf(entity: Entity): string | null {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  if (typeof spec.family === 'string' && spec.family) return spec.family;
  if (!['Component', 'Resource'].includes(entity.kind)) return null;
  if (typeof spec.type !== 'string') return null;
  return findFamily(spec.type)?.family ?? null;
}

/**
 * A catalog entity -> its row, or why it is not copied: only entities of
 * the kinds Maestro reports on, and never Maestro's own published records.
 */
export function toCatalogEntityRow(
  input: unknown,
): CatalogEntityRow | { refused: string } {
  const entity = input as Entity;
  const name = entity?.metadata?.name;
  if (
    !entity ||
    typeof entity !== 'object' ||
    typeof entity.kind !== 'string' ||
    typeof name !== 'string' ||
    !name
  ) {
    return { refused: 'is not an entity (kind and metadata.name needed)' };
  }
  const info = findMaestroKind(entity.kind);
  if (!info || info.kind !== entity.kind) {
    return { refused: `kind '${entity.kind}' is not one Maestro reports on` };
  }
  if (isMaestroPublished(entity)) {
    return { refused: 'is the catalog copy of a Maestro record' };
  }
  const namespace = entity.metadata.namespace ?? 'default';
  if (name.length > 63 || namespace.length > 63) {
    return { refused: 'has a name or namespace longer than 63 characters' };
  }
  // Relations and status are the catalog's view of the moment, not the
  // entity's declaration; reports read declared fields.
  const {
    relations: _relations,
    status: _status,
    ...declared
  } = entity as Entity & { status?: unknown };
  const promoted = promotedColumns(declared);
  const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  return {
    kind: entity.kind,
    namespace,
    name,
    entity_ref: stringifyEntityRef(entity),
    title: promoted.title,
    unique_id: promoted.unique_id,
    datacenter: promoted.datacenter,
    ipv4_private: promoted.ipv4_private,
    hostname: promoted.hostname,
    environment: promoted.environment,
    family: familyOf(entity),
    owner: ownerOf(entity),
    active: (entity.spec as any)?.active !== false,
    entity: JSON.stringify(declared),
    etag: String(entity.metadata.etag ?? checksum(declared)).slice(0, 255),
    location: typeof location === 'string' ? location : null,
  };
}
