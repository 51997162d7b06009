import { Entity } from '@backstage/catalog-model';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { PermissionRule } from '@backstage/plugin-permission-node';
import { MaestroAccessEntry } from '@maestro/plugin-maestro-common';
import { z } from 'zod';

/** Marks the catalog's copies of Maestro records, which carry `spec.access`. */
export const MAESTRO_ACCESS_ANNOTATION = 'maestroserver.io/access-controlled';
export const MAESTRO_CATALOG_READ_RULE = 'MAESTRO_RECORD_READABLE';

/** The catalog's search filter shape (`EntitiesSearchFilter`). */
interface CatalogSearchFilter {
  key: string;
  values?: string[];
}

const ownedBy = (entity: Entity) =>
  (entity.relations ?? [])
    .filter(r => r.type === 'ownedBy')
    .map(r => r.targetRef.toLowerCase());

/**
 * A catalog rule for the records Maestro publishes: readable by owner and
 * access entries (and, when the default is open, by everyone while a
 * record has no entries). Entities that are not Maestro records pass.
 */
export const maestroCatalogReadRule: PermissionRule<
  Entity,
  CatalogSearchFilter,
  'catalog-entity',
  { claims: string[]; includeUnrestricted: boolean }
> = {
  name: MAESTRO_CATALOG_READ_RULE,
  description:
    'Allow entities that are not Maestro records, and Maestro records the claims may read',
  resourceType: 'catalog-entity',
  paramsSchema: z.object({
    claims: z.array(z.string()),
    includeUnrestricted: z.boolean(),
  }),
  apply(entity, { claims, includeUnrestricted }) {
    if (!entity.metadata.annotations?.[MAESTRO_ACCESS_ANNOTATION]) return true;
    const held = new Set(claims.map(c => c.toLowerCase()));
    const entries = ((entity.spec as any)?.access ??
      []) as MaestroAccessEntry[];
    if (ownedBy(entity).some(ref => held.has(ref))) return true;
    if (entries.some(e => held.has(e.principal))) return true;
    return includeUnrestricted && entries.length === 0;
  },
  toQuery({
    claims,
    includeUnrestricted,
  }): PermissionCriteria<CatalogSearchFilter> {
    const values = claims.map(c => c.toLowerCase());
    const anyOf: PermissionCriteria<CatalogSearchFilter>[] = [
      { not: { key: `metadata.annotations.${MAESTRO_ACCESS_ANNOTATION}` } },
      { key: 'relations.ownedBy', values },
      { key: 'spec.access.principal', values },
    ];
    if (includeUnrestricted) {
      anyOf.push({ not: { key: 'spec.access.principal' } });
    }
    return { anyOf: anyOf as any };
  },
};
