import { findMaestroKind } from '../kinds';
import { findFamily } from '../families';
import { findReportField, PIVOT_LEVEL_KINDS, ReportField } from './fields';
import {
  PIVOT_CHAIN,
  REPORT_OPERATORS,
  ReportCondition,
  ReportFilter,
  ReportQuery,
  isOrGroup,
} from './query';

/** A problem with a report query, naming where it is (`filters[1].value`). */
export interface ReportQueryError {
  field: string;
  message: string;
}

const SUBFIELD = /^[A-Za-z0-9_]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Kinds a general report may select. */
export const REPORTABLE_KINDS = [
  'servers',
  'applications',
  'resources',
  'systems',
  'clients',
  'datacenters',
  'volumes',
  'snapshots',
  'images',
  'networks',
  'flavors',
  'teams',
];

function checkValue(
  field: ReportField,
  c: ReportCondition,
  at: string,
  errors: ReportQueryError[],
) {
  const v = c.value;
  const fail = (message: string) =>
    errors.push({ field: `${at}.value`, message });
  switch (field.type) {
    case 'string':
      if (typeof v !== 'string') fail('must be a string');
      break;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v))
        fail('must be a number');
      break;
    case 'boolean':
      if (typeof v !== 'boolean') fail('must be true or false');
      break;
    case 'date':
      if (c.operator === 'thisMonth') break;
      if (c.operator === 'lastDays') {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
          fail('must be a whole number of days');
      } else if (
        typeof v !== 'string' ||
        !DATE.test(v) ||
        Number.isNaN(Date.parse(v))
      ) {
        fail('must be a date (YYYY-MM-DD)');
      }
      break;
    case 'select':
      if (
        !Array.isArray(v) ||
        !v.length ||
        !v.every(x => typeof x === 'string')
      )
        fail('must be a non-empty list of strings');
      break;
    case 'array':
    case 'object':
      if (!['string', 'number', 'boolean'].includes(typeof v))
        fail('must be a string, number or boolean');
      break;
    default:
  }
}

function checkSubfield(
  field: ReportField,
  c: ReportCondition,
  at: string,
  errors: ReportQueryError[],
) {
  const needs =
    field.type === 'object' ||
    (field.type === 'array' && field.subfields?.length !== 0);
  if (!needs) {
    if (c.subfield !== undefined)
      errors.push({
        field: `${at}.subfield`,
        message: `${field.path} has no subfields`,
      });
    return;
  }
  if (typeof c.subfield !== 'string' || !SUBFIELD.test(c.subfield)) {
    errors.push({ field: `${at}.subfield`, message: 'is required' });
  } else if (field.subfields && !field.subfields.includes(c.subfield)) {
    errors.push({
      field: `${at}.subfield`,
      message: `${field.path} has no subfield '${
        c.subfield
      }' (has ${field.subfields.join(', ')})`,
    });
  }
}

function checkCondition(
  kind: string,
  c: ReportCondition,
  at: string,
  errors: ReportQueryError[],
) {
  if (!c || typeof c !== 'object') {
    errors.push({ field: at, message: 'must be a condition' });
    return;
  }
  const field =
    typeof c.field === 'string' ? findReportField(kind, c.field) : undefined;
  if (!field) {
    errors.push({
      field: `${at}.field`,
      message: `'${String(c.field)}' is not a field of ${kind}`,
    });
    return;
  }
  const operators = REPORT_OPERATORS[field.type] as readonly string[];
  if (!operators.includes(c.operator)) {
    errors.push({
      field: `${at}.operator`,
      message: `must be one of ${operators.join(', ')} for ${
        field.type
      } field ${field.path}`,
    });
    return;
  }
  checkSubfield(field, c, at, errors);
  checkValue(field, c, at, errors);
}

function checkFilters(
  kind: string,
  filters: unknown,
  at: string,
  errors: ReportQueryError[],
) {
  if (filters === undefined) return;
  if (!Array.isArray(filters)) {
    errors.push({ field: at, message: 'must be a list' });
    return;
  }
  (filters as ReportFilter[]).forEach((f, i) => {
    if (f && isOrGroup(f)) {
      if (!f.anyOf.length)
        errors.push({ field: `${at}[${i}].anyOf`, message: 'is empty' });
      f.anyOf.forEach((c, j) =>
        checkCondition(kind, c, `${at}[${i}].anyOf[${j}]`, errors),
      );
    } else {
      checkCondition(kind, f as ReportCondition, `${at}[${i}]`, errors);
    }
  });
}

function checkColumns(
  kind: string,
  columns: unknown,
  at: string,
  errors: ReportQueryError[],
) {
  if (columns === undefined) return;
  if (!Array.isArray(columns)) {
    errors.push({ field: at, message: 'must be a list of field paths' });
    return;
  }
  columns.forEach((c, i) => {
    if (typeof c !== 'string' || !findReportField(kind, c))
      errors.push({
        field: `${at}[${i}]`,
        message: `'${String(c)}' is not a field of ${kind}`,
      });
  });
}

/**
 * Checks a report query against the kinds' schemas. Fields, operators,
 * subfields and values are all checked: only what passes ever reaches SQL,
 * and then only as bound values.
 */
export function validateReportQuery(query: unknown): ReportQueryError[] {
  const errors: ReportQueryError[] = [];
  const q = query as ReportQuery;
  if (!q || typeof q !== 'object') {
    return [{ field: 'query', message: 'is required' }];
  }
  if (q.type === 'general') {
    const kind =
      typeof q.kind === 'string' ? findMaestroKind(q.kind) : undefined;
    if (!kind || !REPORTABLE_KINDS.includes(kind.plural)) {
      return [
        {
          field: 'query.kind',
          message: `must be one of ${REPORTABLE_KINDS.join(', ')}`,
        },
      ];
    }
    if (q.family !== undefined && !findFamily(String(q.family)))
      errors.push({
        field: 'query.family',
        message: `'${q.family}' is not a Maestro family`,
      });
    checkFilters(kind.plural, q.filters, 'query.filters', errors);
    checkColumns(kind.plural, q.columns, 'query.columns', errors);
  } else if (q.type === 'pivot') {
    if (!Array.isArray(q.levels) || !q.levels.length) {
      return [{ field: 'query.levels', message: 'needs at least one level' }];
    }
    const positions = q.levels.map(l => PIVOT_CHAIN.indexOf(l?.level));
    positions.forEach((p, i) => {
      if (p < 0)
        errors.push({
          field: `query.levels[${i}].level`,
          message: `must be one of ${PIVOT_CHAIN.join(', ')}`,
        });
    });
    if (errors.length) return errors;
    const sorted = [...positions].sort();
    if (new Set(sorted).size !== sorted.length) {
      errors.push({ field: 'query.levels', message: 'has a level twice' });
    } else if (sorted[sorted.length - 1] - sorted[0] !== sorted.length - 1) {
      errors.push({
        field: 'query.levels',
        message: `levels must be linked in the chain ${PIVOT_CHAIN.join(
          ' -> ',
        )}: a level in between cannot be left out`,
      });
    }
    q.levels.forEach((l, i) => {
      const kind = PIVOT_LEVEL_KINDS[l.level];
      checkFilters(kind, l.filters, `query.levels[${i}].filters`, errors);
      checkColumns(kind, l.columns, `query.levels[${i}].columns`, errors);
    });
  } else {
    errors.push({ field: 'query.type', message: 'must be general or pivot' });
  }
  return errors;
}
