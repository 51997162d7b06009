import { Knex } from 'knex';
import {
  ReportCondition,
  ReportField,
  ReportFilter,
  findReportField,
  isOrGroup,
} from '@maestro/plugin-maestro-common';
import {
  escapeLike,
  fieldExpression,
  isPostgres,
  parseFieldPath,
} from '../store/listQuery';

/** A boolean SQL condition with its bound values. */
type Sql = { sql: string; bindings: Knex.RawBinding[] };

const RECORD_COLUMNS: Record<string, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const DAY = 24 * 60 * 60 * 1000;

/** Text value of a field of the records aliased `table`. */
export function textExpression(knex: Knex, table: string, path: string) {
  const column = RECORD_COLUMNS[path];
  if (column) return knex.raw('??', [`${table}.${column}`]);
  return fieldExpression(knex, path, table);
}

function jsonPath(knex: Knex, path: string) {
  const segments = parseFieldPath(path);
  return isPostgres(knex)
    ? `{${segments.join(',')}}`
    : `$.${segments.join('.')}`;
}

/**
 * Numeric value of a JSON field, NULL unless the stored value is a JSON
 * number: both engines then compare the same values the same way.
 */
function numberExpression(knex: Knex, table: string, path: string) {
  const entity = knex.raw('??', [`${table}.entity`]);
  const p = jsonPath(knex, path);
  if (isPostgres(knex)) {
    return knex.raw(
      `(CASE WHEN jsonb_typeof(?::jsonb #> ?::text[]) = 'number' THEN (?::jsonb #>> ?::text[])::numeric END)`,
      [entity, p, entity, p],
    );
  }
  return knex.raw(
    `(CASE WHEN json_type(?, ?) IN ('integer', 'real') THEN json_extract(?, ?) END)`,
    [entity, p, entity, p],
  );
}

function utcDay(value: string): number {
  const d = new Date(value);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function iso(ms: number) {
  return new Date(ms).toISOString();
}

/** [from, to) of a date condition as ISO strings, either end optional. */
function dateRange(
  c: ReportCondition,
  now: Date,
): { from?: string; to?: string } {
  switch (c.operator) {
    case 'before':
      return { to: iso(utcDay(String(c.value))) };
    case 'after':
      return { from: iso(utcDay(String(c.value)) + DAY) };
    case 'on': {
      const day = utcDay(String(c.value));
      return { from: iso(day), to: iso(day + DAY) };
    }
    case 'thisMonth':
      return {
        from: iso(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
        to: iso(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
      };
    case 'lastDays':
      return {
        from: iso(now.getTime() - Number(c.value) * DAY),
        to: iso(now.getTime() + 1),
      };
    default:
      throw new Error(`Unknown date operator ${c.operator}`);
  }
}

function stringCondition(expr: Knex.Raw, c: ReportCondition): Sql {
  const value = String(c.value);
  const like = `%${escapeLike(value.toLowerCase())}%`;
  switch (c.operator) {
    case 'equal':
      return { sql: '? = ?', bindings: [expr, value] };
    case 'notEqual':
      // A record without the field is "not equal" too, as in Maestro 0.6.
      return { sql: '(? IS NULL OR ? <> ?)', bindings: [expr, expr, value] };
    case 'contains':
      return { sql: `LOWER(?) LIKE ? ESCAPE '\\'`, bindings: [expr, like] };
    case 'notContains':
      return {
        sql: `(? IS NULL OR LOWER(?) NOT LIKE ? ESCAPE '\\')`,
        bindings: [expr, expr, like],
      };
    default:
      throw new Error(`Unknown string operator ${c.operator}`);
  }
}

const NUMBER_SQL: Record<string, string> = {
  eq: '=',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
};

function scalarText(value: unknown) {
  return typeof value === 'boolean' ? String(value) : String(value);
}

/** An element of a JSON array (or its subfield) equals a value. */
function arrayCondition(
  knex: Knex,
  table: string,
  field: ReportField,
  c: ReportCondition,
): Sql {
  const entity = knex.raw('??', [`${table}.entity`]);
  const p = jsonPath(knex, field.path);
  const value = scalarText(c.value);
  if (isPostgres(knex)) {
    const element = c.subfield
      ? knex.raw('(el.value #>> ?::text[])', [`{${c.subfield}}`])
      : knex.raw(`(el.value #>> '{}')`);
    return {
      sql: `EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(?::jsonb #> ?::text[]) = 'array' THEN ?::jsonb #> ?::text[] END) AS el(value) WHERE ? = ?)`,
      bindings: [entity, p, entity, p, element, value],
    };
  }
  // json_each yields JSON booleans as 1/0: compare their JSON text instead.
  const element = c.subfield
    ? knex.raw(
        `(CASE json_type(el.value, ?) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(json_extract(el.value, ?) AS TEXT) END)`,
        [`$.${c.subfield}`, `$.${c.subfield}`],
      )
    : knex.raw(
        `(CASE el.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(el.value AS TEXT) END)`,
      );
  return {
    sql: `EXISTS (SELECT 1 FROM json_each(?, ?) AS el WHERE json_type(?, ?) = 'array' AND ? = ?)`,
    bindings: [entity, p, entity, p, element, value],
  };
}

function booleanCondition(
  knex: Knex,
  table: string,
  field: ReportField,
  value: boolean,
): Sql {
  if (field.path === 'spec.active') {
    return { sql: '?? = ?', bindings: [`${table}.active`, value] };
  }
  const entity = knex.raw('??', [`${table}.entity`]);
  const p = jsonPath(knex, field.path);
  if (isPostgres(knex)) {
    return {
      sql: `(?::jsonb #> ?::text[]) = ?::jsonb`,
      bindings: [entity, p, String(value)],
    };
  }
  return { sql: 'json_type(?, ?) = ?', bindings: [entity, p, String(value)] };
}

function conditionSql(
  knex: Knex,
  kind: string,
  table: string,
  c: ReportCondition,
  now: Date,
): Sql {
  // Validated before: the field exists in the kind's schema.
  const field = findReportField(kind, c.field)!;
  switch (field.type) {
    case 'string':
      return stringCondition(textExpression(knex, table, field.path), c);
    case 'number':
      return {
        sql: `? ${NUMBER_SQL[c.operator]} ?`,
        bindings: [numberExpression(knex, table, field.path), Number(c.value)],
      };
    case 'boolean':
      return booleanCondition(knex, table, field, c.value === true);
    case 'date': {
      const expr = textExpression(knex, table, field.path);
      const { from, to } = dateRange(c, now);
      const parts: Sql[] = [];
      if (from) parts.push({ sql: '? >= ?', bindings: [expr, from] });
      if (to) parts.push({ sql: '? < ?', bindings: [expr, to] });
      return {
        sql: parts.map(x => x.sql).join(' AND '),
        bindings: parts.flatMap(x => x.bindings),
      };
    }
    case 'select': {
      const values = c.value as string[];
      return {
        sql: `? IN (${values.map(() => '?').join(', ')})`,
        bindings: [textExpression(knex, table, field.path), ...values],
      };
    }
    case 'array':
      return arrayCondition(knex, table, field, c);
    case 'object': {
      const expr = textExpression(knex, table, `${field.path}.${c.subfield}`);
      return stringCondition(expr, {
        ...c,
        operator: c.operator === 'contains' ? 'contains' : 'equal',
        value: scalarText(c.value),
      });
    }
    default:
      throw new Error(`Unknown field type ${field.type}`);
  }
}

/**
 * Adds a report's filters to a query on records aliased `table`: filters
 * AND together, an `anyOf` group ORs its conditions. Every value is bound;
 * field paths were checked against the kind's schema before.
 */
export function applyReportFilters(
  knex: Knex,
  builder: Knex.QueryBuilder,
  kind: string,
  table: string,
  filters: ReportFilter[],
  now: Date,
) {
  for (const filter of filters) {
    const conditions = isOrGroup(filter) ? filter.anyOf : [filter];
    const parts = conditions.map(c => conditionSql(knex, kind, table, c, now));
    builder.whereRaw(
      `(${parts.map(p => `(${p.sql})`).join(' OR ')})`,
      parts.flatMap(p => p.bindings),
    );
  }
  return builder;
}
