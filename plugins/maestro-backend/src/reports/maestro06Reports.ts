import {
  PIVOT_CHAIN,
  PIVOT_LEVEL_KINDS,
  PivotLevel,
  ReportCondition,
  ReportQuery,
  SavedReportInput,
  validateReportQuery,
} from '@maestro/plugin-maestro-common';
import { RecordInputError } from '../writePath/translate';
import { Maestro06Filter, translateMaestro06Filter } from './maestro06Filters';

/** Maestro 0.6 report tables -> kind plurals. */
const COMPONENTS: Record<string, string> = {
  servers: 'servers',
  applications: 'applications',
  systems: 'systems',
  clients: 'clients',
  datacenters: 'datacenters',
  volumes: 'volumes',
  snapshots: 'snapshots',
  images: 'images',
  networks: 'networks',
  flavors: 'flavors',
  teams: 'teams',
};

type FieldError = { field: string; message: string };

/** A translated report, and where a problem of its query sits in 0.6's. */
interface Translated {
  query: ReportQuery;
  fieldOf(queryPath: string): string;
}

/** 0.6 kept filters as a JSON string in some versions of its API. */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function translateFilters(
  kind: string,
  filters: unknown,
  at: string,
  errors: FieldError[],
): ReportCondition[] {
  const list = parsed(filters) ?? [];
  if (!Array.isArray(list)) {
    errors.push({ field: at, message: 'must be a list of filters' });
    return [];
  }
  const out: ReportCondition[] = [];
  list.forEach((f: Maestro06Filter, j: number) => {
    const c = translateMaestro06Filter(kind, f);
    if (typeof c === 'string')
      errors.push({ field: `${at}[${j}]`, message: c });
    else out.push(c);
  });
  return out;
}

/** A general report: one table and its filters. */
function generalQuery(
  doc: any,
  at: string,
  errors: FieldError[],
): Translated | undefined {
  const kind = COMPONENTS[String(doc.component ?? '').toLowerCase()];
  if (!kind) {
    errors.push({
      field: `${at}.component`,
      message: `'${doc.component}' is not a table reports can read`,
    });
    return undefined;
  }
  const filters = translateFilters(kind, doc.filters, `${at}.filters`, errors);
  return {
    query: { type: 'general', kind, filters },
    fieldOf: path => path.replace(/^query\./, ''),
  };
}

/**
 * A pivot report: `filters` holds one entry per table of the chain
 * clients -> systems -> applications -> servers, each `{enabled, filters}`.
 * As in 0.6, only the tables switched on (`enabled: true`) are levels.
 */
function pivotQuery(
  doc: any,
  at: string,
  errors: FieldError[],
): Translated | undefined {
  const tables = parsed(doc.filters);
  if (!tables || typeof tables !== 'object' || Array.isArray(tables)) {
    errors.push({
      field: `${at}.filters`,
      message: `must hold the pivot's tables (${PIVOT_CHAIN.join(', ')})`,
    });
    return undefined;
  }
  const byName = new Map<string, [string, any]>();
  for (const [key, table] of Object.entries(tables)) {
    const name = key.toLowerCase();
    if (!(PIVOT_CHAIN as readonly string[]).includes(name)) {
      errors.push({
        field: `${at}.filters.${key}`,
        message: `'${key}' is not a table of a pivot (${PIVOT_CHAIN.join(
          ', ',
        )})`,
      });
      continue;
    }
    byName.set(name, [key, table]);
  }
  const levels: PivotLevel[] = [];
  const keys: string[] = [];
  for (const level of PIVOT_CHAIN) {
    const entry = byName.get(level);
    if (!entry) continue;
    const [key, table] = entry;
    const enabled = table?.enabled === true || table?.enabled === 'true';
    if (!enabled) continue;
    keys.push(key);
    levels.push({
      level,
      filters: translateFilters(
        PIVOT_LEVEL_KINDS[level],
        table.filters,
        `${at}.filters.${key}.filters`,
        errors,
      ),
    });
  }
  if (!levels.length) {
    errors.push({
      field: `${at}.filters`,
      message: 'no table of the pivot is enabled',
    });
    return undefined;
  }
  return {
    query: { type: 'pivot', levels },
    // Problems found on a level point at the 0.6 table they came from.
    fieldOf: path =>
      path
        .replace(/^query\.levels\[(\d+)\]/, (_, k) => `filters.${keys[k]}`)
        .replace(/^query\.levels/, 'filters'),
  };
}

/**
 * Maestro 0.6 saved reports (reports.json) -> report definitions, general
 * and pivot. All or nothing: any report that cannot be translated fails the
 * import, naming it.
 */
export function translateMaestro06Reports(docs: unknown): SavedReportInput[] {
  if (!Array.isArray(docs)) {
    throw new RecordInputError([
      { field: 'reports', message: 'must be the list of reports.json' },
    ]);
  }
  const errors: FieldError[] = [];
  const reports: SavedReportInput[] = [];
  docs.forEach((doc: any, i) => {
    const at = `reports[${i}]`;
    const type = String(doc?.report ?? '').toLowerCase();
    if (type !== 'general' && type !== 'pivot') {
      errors.push({
        field: `${at}.report`,
        message: `must be general or pivot (got '${doc?.report}')`,
      });
      return;
    }
    const before = errors.length;
    const translated =
      type === 'general'
        ? generalQuery(doc, at, errors)
        : pivotQuery(doc, at, errors);
    if (!translated) return;
    const { query, fieldOf } = translated;
    // Checked like any report once its filters translated (the positions of
    // conditions then match the 0.6 filters they came from).
    if (errors.length === before) {
      for (const e of validateReportQuery(query)) {
        errors.push({ field: `${at}.${fieldOf(e.field)}`, message: e.message });
      }
    }
    reports.push({
      name: String(
        doc.name ??
          (type === 'pivot' ? 'Pivot report' : `${doc.component} report`),
      ),
      query,
      scheduled: false,
    });
  });
  if (errors.length) throw new RecordInputError(errors);
  return reports;
}
