import { Entity } from '@backstage/catalog-model';
import { normalizePrincipal } from '@maestro/plugin-maestro-common';

/**
 * Fields copied from the entity into their own columns, so identification
 * and the most used list filters and sorts run on indexes rather than on the
 * JSON document.
 */
export const PROMOTED_FIELDS = {
  'metadata.title': 'title',
  'spec.uniqueId': 'unique_id',
  'spec.datacenter.ref': 'datacenter',
  'spec.ipv4Private': 'ipv4_private',
  'spec.hostname': 'hostname',
  'spec.environment': 'environment',
  'spec.family': 'family',
  'spec.active': 'active',
} as const;

/**
 * Numeric fields the servers list sorts by, copied into number columns:
 * sorted from an index and in numeric order (2, 9, 10), where sorting the
 * JSON text would read every row and put 10 before 2. Filters and reports
 * still read these fields from the JSON document.
 */
export const NUMERIC_SORT_FIELDS = {
  'spec.cpu': 'cpu',
  'spec.memory': 'memory',
} as const;

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The numeric sort column values of an entity. */
export function numericSortColumns(
  entity: Entity,
): Record<string, number | null> {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  return { cpu: num(spec.cpu), memory: num(spec.memory) };
}

function str(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  return String(value).slice(0, 255);
}

/** The owner as the access rules compare it: a full, lower-case ref. */
export function ownerColumn(entity: Entity): string | null {
  const owner = (entity.spec as Record<string, unknown> | undefined)?.owner;
  if (typeof owner !== 'string' || !owner.trim()) return null;
  try {
    return normalizePrincipal(owner).slice(0, 255);
  } catch {
    return null;
  }
}

/** The promoted column values of an entity. */
export function promotedColumns(entity: Entity): Record<string, string | null> {
  const spec = (entity.spec ?? {}) as Record<string, any>;
  return {
    title: str(entity.metadata.title),
    unique_id: str(spec.uniqueId),
    datacenter: str(spec.datacenter?.ref),
    ipv4_private: str(spec.ipv4Private),
    hostname: str(spec.hostname),
    environment: str(spec.environment),
    family: str(spec.family),
    owner: ownerColumn(entity),
  };
}
