import { Knex } from 'knex';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { RecordAccessQuery } from '@maestro/plugin-maestro-node';
import { MaestroAccessRole } from '@maestro/plugin-maestro-common';
import { rolesIncluding } from './AccessStore';
import { ACCESS_TABLE } from '../store/accessRows';

/**
 * Adds a permission decision's conditions to a query on the records
 * (aliased `table`) as SQL: the owner column and a subquery on the indexed
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

/**
 * Records with access entries (of these principals and roles): an
 * uncorrelated `id IN (subquery)`, which the databases evaluate once (a
 * hashed subplan in PostgreSQL) even inside an OR, rather than once per row.
 */
function recordsWithEntries(
  knex: Knex,
  filter?: { claims: string[]; role: MaestroAccessRole },
) {
  const query = knex(ACCESS_TABLE).select('record_id');
  if (filter) {
    query.whereIn('principal', filter.claims);
    // Every role includes read: no role condition, so the
    // (principal, record_id) index answers alone.
    if (filter.role !== 'read') {
      query.whereIn('role', rolesIncluding(filter.role));
    }
  }
  return query;
}

function addQuery(
  knex: Knex,
  q: Knex.QueryBuilder,
  query: RecordAccessQuery,
  table: string,
) {
  if (query.type === 'unrestricted') {
    q.whereNotIn(`${table}.id`, recordsWithEntries(knex));
    return;
  }
  const claims = query.claims.map(c => c.toLowerCase());
  if (!claims.length) {
    q.whereRaw('1 = 0');
    return;
  }
  q.whereIn(`${table}.owner`, claims).orWhereIn(
    `${table}.id`,
    recordsWithEntries(knex, { claims, role: query.role }),
  );
}
