import {
  GeneralReportQuery,
  ReportCondition,
  SavedReportInput,
  findReportField,
  validateReportQuery,
} from '@maestro/plugin-maestro-common';
import { RecordInputError } from '../writePath/translate';

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

/** 0.6 field names whose place here is not spec.<camelCase>. */
const FIELDS: Record<string, string> = {
  name: 'metadata.title',
  created_at: 'createdAt',
  updated_at: 'updatedAt',
  datacenters: 'spec.datacenter',
  system: 'spec.systems',
};

/** 0.6's `datacenters` subfields that are named differently here. */
const SUBFIELDS: Record<string, string> = {
  instance: 'instanceId',
  type: 'instanceType',
  subnet_id: 'subnetId',
};

const camel = (s: string) =>
  s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

const COMPARERS: Record<string, Record<string, string>> = {
  string: {
    equal: 'equal',
    'not equal': 'notEqual',
    different: 'notEqual',
    contain: 'contains',
    contains: 'contains',
    'not contain': 'notContains',
  },
  number: {
    equal: 'eq',
    '=': 'eq',
    '>': 'gt',
    greater: 'gt',
    '>=': 'gte',
    '<': 'lt',
    less: 'lt',
    '<=': 'lte',
  },
  date: {
    before: 'before',
    after: 'after',
    equal: 'on',
    'on this month': 'thisMonth',
    'this month': 'thisMonth',
  },
};

interface Maestro06Filter {
  field?: string;
  filter?: unknown;
  comparer?: string;
  subfield?: string;
  subfilter?: unknown;
  typ?: string;
}

function condition(kind: string, f: Maestro06Filter): ReportCondition | string {
  const raw = String(f.field ?? '');
  const field = FIELDS[raw] ?? `spec.${camel(raw)}`;
  const def = findReportField(kind, field);
  if (!def) return `field '${raw}' has no equivalent in ${kind}`;
  const comparer = String(f.comparer ?? 'equal').toLowerCase();
  switch (def.type) {
    case 'boolean':
      return { field, operator: 'equal', value: String(f.filter) === 'true' };
    case 'select':
      return { field, operator: 'oneOf', value: [String(f.filter)] };
    case 'number':
      return {
        field,
        operator: (COMPARERS.number[comparer] ?? 'eq') as any,
        value: Number(f.filter),
      };
    case 'date':
      return {
        field,
        operator: (COMPARERS.date[comparer] ?? 'on') as any,
        value: String(f.filter ?? ''),
      };
    case 'object':
    case 'array': {
      const sub = String(f.subfield ?? '');
      const value = f.subfilter ?? f.filter;
      return {
        field,
        operator: def.type === 'object' ? 'equal' : 'hasElement',
        subfield: sub ? SUBFIELDS[sub] ?? camel(sub) : undefined,
        value: typeof value === 'number' ? value : String(value),
      };
    }
    default: {
      const operator = COMPARERS.string[comparer];
      if (!operator) return `comparer '${comparer}' is not known`;
      return { field, operator: operator as any, value: String(f.filter) };
    }
  }
}

/**
 * Maestro 0.6 saved reports (reports.json) -> report definitions. All or
 * nothing: any report that cannot be translated fails the import, naming it.
 */
export function translateMaestro06Reports(docs: unknown): SavedReportInput[] {
  if (!Array.isArray(docs)) {
    throw new RecordInputError([
      { field: 'reports', message: 'must be the list of reports.json' },
    ]);
  }
  const errors: Array<{ field: string; message: string }> = [];
  const reports: SavedReportInput[] = [];
  docs.forEach((doc: any, i) => {
    const at = `reports[${i}]`;
    if (doc?.report !== 'general') {
      errors.push({
        field: `${at}.report`,
        message: `only general reports are known from Maestro 0.6 (got '${doc?.report}')`,
      });
      return;
    }
    const kind = COMPONENTS[String(doc.component ?? '').toLowerCase()];
    if (!kind) {
      errors.push({
        field: `${at}.component`,
        message: `'${doc.component}' is not a table reports can read`,
      });
      return;
    }
    const filters: ReportCondition[] = [];
    (Array.isArray(doc.filters) ? doc.filters : []).forEach(
      (f: Maestro06Filter, j: number) => {
        const c = condition(kind, f);
        if (typeof c === 'string')
          errors.push({ field: `${at}.filters[${j}]`, message: c });
        else filters.push(c);
      },
    );
    const query: GeneralReportQuery = { type: 'general', kind, filters };
    for (const e of validateReportQuery(query)) {
      errors.push({ field: `${at}.${e.field}`, message: e.message });
    }
    reports.push({
      name: String(doc.name ?? `${doc.component} report`),
      query,
      scheduled: false,
    });
  });
  if (errors.length) throw new RecordInputError(errors);
  return reports;
}
