import {
  ReportCondition,
  findReportField,
} from '@maestro/plugin-maestro-common';

/** 0.6 field names whose place here is not spec.<camelCase>. */
const FIELDS: Record<string, string> = {
  name: 'metadata.title',
  created_at: 'createdAt',
  updated_at: 'updatedAt',
  datacenters: 'spec.datacenter',
  system: 'spec.systems',
};

const camel = (s: string) =>
  s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/** Subfields of 0.6's `datacenters` that are named differently here. */
const DATACENTER_SUBFIELDS: Record<string, string> = {
  instance: 'instanceId',
  type: 'instanceType',
  subnet_id: 'subnetId',
};

function subfieldOf(field: string, sub: string) {
  return (
    (field === 'spec.datacenter' && DATACENTER_SUBFIELDS[sub]) || camel(sub)
  );
}

/**
 * 0.6's comparers per field type. The report form offered after/same/before,
 * contain/not contain and greater/equal/less; older saved reports have the
 * symbols and the other spellings.
 */
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
    same: 'on',
    'on this month': 'thisMonth',
    'this month': 'thisMonth',
  },
};

/** One filter of a Maestro 0.6 report. */
export interface Maestro06Filter {
  field?: string;
  filter?: unknown;
  comparer?: string;
  subfield?: string;
  subfilter?: unknown;
  typ?: string;
}

/**
 * A 0.6 filter on a table -> a condition on a kind (plural), or why it has
 * no equivalent.
 */
export function translateMaestro06Filter(
  kind: string,
  f: Maestro06Filter,
): ReportCondition | string {
  const raw = String(f?.field ?? '');
  const field = FIELDS[raw] ?? `spec.${camel(raw)}`;
  const def = findReportField(kind, field);
  if (!def) return `field '${raw}' has no equivalent in ${kind}`;
  const comparer = String(f.comparer ?? 'equal').toLowerCase();
  switch (def.type) {
    case 'boolean':
      return { field, operator: 'equal', value: String(f.filter) === 'true' };
    case 'select':
      return { field, operator: 'oneOf', value: [String(f.filter)] };
    case 'number': {
      const operator = COMPARERS.number[comparer];
      if (!operator) return `comparer '${comparer}' is not known for numbers`;
      return { field, operator: operator as any, value: Number(f.filter) };
    }
    case 'date': {
      const operator = COMPARERS.date[comparer];
      if (!operator) return `comparer '${comparer}' is not known for dates`;
      return {
        field,
        operator: operator as any,
        value: String(f.filter ?? ''),
      };
    }
    case 'object':
    case 'array': {
      const sub = String(f.subfield ?? '');
      const value = f.subfilter ?? f.filter;
      return {
        field,
        operator: def.type === 'object' ? 'equal' : 'hasElement',
        // 0.6 names the element itself of an array of strings 'value'.
        subfield:
          sub && !(def.subfields?.length === 0 && sub === 'value')
            ? subfieldOf(field, sub)
            : undefined,
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
