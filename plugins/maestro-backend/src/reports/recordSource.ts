import { Knex } from 'knex';
import { CATALOG_ENTITIES } from '../catalogMirror';

export const RECORDS = 'maestro_records';

/**
 * The columns a report query reads of a record: identity, the promoted
 * fields its filters and sorts use, the owner the access rules compare, the
 * document and the dates. Both tables have them, with the same types: only
 * then do SQLite and PostgreSQL read the union as one table, with indexes.
 */
const COLUMNS = [
  'id',
  'kind',
  'namespace',
  'name',
  'entity_ref',
  'title',
  'unique_id',
  'datacenter',
  'ipv4_private',
  'hostname',
  'environment',
  'family',
  'owner',
  'active',
  'deleted',
  'entity',
  'created_at',
  'updated_at',
];

/** Whether a level of these kinds reads the catalog copy too. */
export function readsCatalogCopy(
  kinds: string[],
  catalogKinds: ReadonlySet<string>,
): boolean {
  return kinds.some(k => catalogKinds.has(k));
}

/**
 * What a report level reads its records from: the store alone, or, when
 * the catalog copy holds entities of the level's kinds, the store and the
 * copy as one table. A copied entity is never deleted (its removal drops
 * it) and has no access entries, so the default rule or its owner decides
 * who reads it, as for a record without entries.
 */
export function recordSource(
  knex: Knex,
  kinds: string[],
  catalogKinds: ReadonlySet<string>,
): string | Knex.QueryBuilder {
  if (!readsCatalogCopy(kinds, catalogKinds)) return RECORDS;
  // A plain UNION ALL of two tables: both engines read it as one relation
  // and still use each table's indexes for the joins and filters around it.
  return knex.select(COLUMNS).from(RECORDS).unionAll(
    knex.select(COLUMNS).from(CATALOG_ENTITIES),
    // Unwrapped: SQLite refuses a parenthesised member of a compound.
    false,
  );
}
