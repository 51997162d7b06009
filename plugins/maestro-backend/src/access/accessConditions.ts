import { Knex } from 'knex';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { RecordAccessQuery } from '@maestro/plugin-maestro-node';
import { rolesIncluding } from './AccessStore';

/**
 * Adds a permission decision's conditions to a query on the records
 * (aliased `table`) as SQL: the owner column and EXISTS on the indexed
 * access table, so a list of 100,000 records is filtered by the database.
 */
export function applyAccessCriteria(
  knex: Knex,
  builder: Knex.QueryBuilder,
  criteria: PermissionCriteria<RecordAccessQuery>,
  table: string,
) {
  builder.where(q => addCriteria(knex, q, criteria, table));
}

function addCriteria(
  knex: Knex,
  q: Knex.QueryBuilder,
  criteria: PermissionCriteria<RecordAccessQuery>,
  table: string,
) {
  if (isAndCriteria(criteria)) {
    for (const c of criteria.allOf)
      q.where(i => addCriteria(knex, i, c, table));
  } else if (isOrCriteria(criteria)) {
    for (const c of criteria.anyOf)
      q.orWhere(i => addCriteria(knex, i, c, table));
  } else if (isNotCriteria(criteria)) {
    q.whereNot(i => addCriteria(knex, i, criteria.not, table));
  } else {
    addQuery(knex, q, criteria, table);
  }
}

function entriesOf(knex: Knex, table: string) {
  return knex('maestro_record_access as access')
    .select(knex.raw('1'))
    .whereRaw('?? = ??', ['access.record_id', `${table}.id`]);
}

function addQuery(
  knex: Knex,
  q: Knex.QueryBuilder,
  query: RecordAccessQuery,
  table: string,
) {
  if (query.type === 'unrestricted') {
    q.whereNotExists(entriesOf(knex, table));
    return;
  }
  const claims = query.claims.map(c => c.toLowerCase());
  if (!claims.length) {
    q.whereRaw('1 = 0');
    return;
  }
  q.whereIn(`${table}.owner`, claims).orWhereExists(
    entriesOf(knex, table)
      .whereIn('access.principal', claims)
      .whereIn('access.role', rolesIncluding(query.role)),
  );
}
