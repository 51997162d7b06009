import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { RecordQuery } from '@maestro/plugin-maestro-common';
import { NUMERIC_SORT_FIELDS, PROMOTED_FIELDS } from './promotedFields';

const SEGMENT = /^[A-Za-z0-9_]+$/;
export const MAX_PAGE_SIZE = 1000;

/** Splits and checks a field path; anything else is refused, never interpolated. */
export function parseFieldPath(path: string): string[] {
  const segments = path.split('.');
  if (
    segments.length < 2 ||
    !['metadata', 'spec'].includes(segments[0]) ||
    !segments.every(s => SEGMENT.test(s))
  ) {
    throw new InputError(
      `Invalid field path '${path}': expected metadata.<field> or spec.<field>[.<subfield>]`,
    );
  }
  return segments;
}

export function isPostgres(knex: Knex) {
  return knex.client.config.client === 'pg';
}

/**
 * SQL text value of a field: a promoted column, or a JSON lookup with bound
 * path. `table` qualifies the columns when a query joins records (reports).
 */
export function fieldExpression(
  knex: Knex,
  path: string,
  table?: string,
): Knex.Raw {
  const promoted = (PROMOTED_FIELDS as Record<string, string>)[path];
  if (promoted) {
    return knex.raw('??', [table ? `${table}.${promoted}` : promoted]);
  }
  const segments = parseFieldPath(path);
  const entity = knex.raw('??', [table ? `${table}.entity` : 'entity']);
  if (isPostgres(knex)) {
    return knex.raw('(?::jsonb #>> ?::text[])', [
      entity,
      `{${segments.join(',')}}`,
    ]);
  }
  return knex.raw(`CAST(json_extract(?, ?) AS TEXT)`, [
    entity,
    `$.${segments.join('.')}`,
  ]);
}

export function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, c => `\\${c}`);
}

function booleanText(knex: Knex, value: boolean) {
  // json_extract yields 1/0 for JSON booleans on SQLite; jsonb yields true/false.
  if (isPostgres(knex)) return String(value);
  return value ? '1' : '0';
}

/** Applies a record query's filters and search to a query on maestro_records. */
export function applyFilters(
  knex: Knex,
  builder: Knex.QueryBuilder,
  query: RecordQuery,
): Knex.QueryBuilder {
  if (query.includeInactive === false) builder.where('active', true);
  for (const [path, raw] of Object.entries(query.filter ?? {})) {
    if (path === 'spec.active') {
      builder.where('active', raw === 'true');
      continue;
    }
    const expr = fieldExpression(knex, path);
    if (raw.startsWith('~')) {
      builder.whereRaw(`LOWER(?) LIKE ? ESCAPE '\\'`, [
        expr,
        `%${escapeLike(raw.slice(1).toLowerCase())}%`,
      ]);
    } else if (raw === 'true' || raw === 'false') {
      const promoted = (PROMOTED_FIELDS as Record<string, string>)[path];
      builder.whereRaw('? = ?', [
        expr,
        promoted ? raw : booleanText(knex, raw === 'true'),
      ]);
    } else {
      builder.whereRaw('? = ?', [expr, raw]);
    }
  }
  if (query.search) {
    const like = `%${escapeLike(query.search.toLowerCase())}%`;
    builder.where(q =>
      q
        .whereRaw(`LOWER(title) LIKE ? ESCAPE '\\'`, [like])
        .orWhereRaw(`LOWER(name) LIKE ? ESCAPE '\\'`, [like]),
    );
  }
  return builder;
}

/** Applies sort and paging; sorting by any field path, ties broken by name. */
export function applySortAndPage(
  knex: Knex,
  builder: Knex.QueryBuilder,
  query: RecordQuery,
): { offset: number; limit: number } {
  const order = query.order === 'desc' ? 'desc' : 'asc';
  const sort = query.sort ?? 'metadata.title';
  const numeric = (NUMERIC_SORT_FIELDS as Record<string, string>)[sort];
  if (sort === 'updatedAt' || sort === 'createdAt') {
    builder.orderBy(sort === 'updatedAt' ? 'updated_at' : 'created_at', order);
  } else if (numeric) {
    // The column alone, so that its index gives the order. Where records
    // without the field go is the database's choice, as for JSON fields.
    builder.orderBy(numeric, order);
  } else {
    builder.orderByRaw(`? ${order}`, [fieldExpression(knex, sort)]);
  }
  builder.orderBy('name', order);
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const limit = Math.min(
    MAX_PAGE_SIZE,
    Math.max(1, Math.floor(query.limit ?? 50)),
  );
  builder.offset(offset).limit(limit);
  return { offset, limit };
}
