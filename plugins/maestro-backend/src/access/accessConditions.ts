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
  shape: AccessQueryShape = 'many',
) {
  builder.where(q => addCriteria({ knex, table, shape }, q, criteria));
}

/**
 * `many` (lists, counts, reports) reads the reader's entries once into a
 * hash; `few` (one record, or a few hundred by id) looks each record's
 * entries up by its id, where building that hash (tens of thousands of
 * entries for a large team) would cost more than the query itself.
 */
export type AccessQueryShape = 'many' | 'few';

interface AccessContext {
  knex: Knex;
  table: string;
  shape: AccessQueryShape;
}

function addCriteria(
  ctx: AccessContext,
  q: Knex.QueryBuilder,
  criteria: PermissionCriteria<RecordAccessQuery>,
) {
  if (isAndCriteria(criteria)) {
    for (const c of criteria.allOf) q.where(i => addCriteria(ctx, i, c));
  } else if (isOrCriteria(criteria)) {
    for (const c of criteria.anyOf) q.orWhere(i => addCriteria(ctx, i, c));
  } else if (isNotCriteria(criteria)) {
    q.whereNot(i => addCriteria(ctx, i, criteria.not));
  } else {
    addQuery(ctx, q, criteria);
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

/** The same, per record: `EXISTS` on the entries of the row's id. */
function entriesOfRow(
  { knex, table }: AccessContext,
  filter?: { claims: string[]; role: MaestroAccessRole },
) {
  const query = recordsWithEntries(knex, filter);
  query.whereRaw('?? = ??', [`${ACCESS_TABLE}.record_id`, `${table}.id`]);
  return query;
}

function addQuery(
  ctx: AccessContext,
  q: Knex.QueryBuilder,
  query: RecordAccessQuery,
) {
  const { knex, table, shape } = ctx;
  if (query.type === 'unrestricted') {
    if (shape === 'few') q.whereNotExists(entriesOfRow(ctx));
    else q.whereNotIn(`${table}.id`, recordsWithEntries(knex));
    return;
  }
  const claims = query.claims.map(c => c.toLowerCase());
  if (!claims.length) {
    q.whereRaw('1 = 0');
    return;
  }
  const filter = { claims, role: query.role };
  q.whereIn(`${table}.owner`, claims);
  if (shape === 'few') q.orWhereExists(entriesOfRow(ctx, filter));
  else q.orWhereIn(`${table}.id`, recordsWithEntries(knex, filter));
}
