import { findMaestroKind } from '../kinds';
import { MAESTRO_FAMILIES } from '../families';
import { MAESTRO_OPTIONS } from '../options';
import { PivotLevelName, ReportFieldType } from './query';

/** A field a report may filter on, show and export. */
export interface ReportField {
  /** `metadata.title`, `spec.os.dist`, `createdAt`... */
  path: string;
  type: ReportFieldType;
  /** Choices of a select field. */
  options?: string[];
  /**
   * Subfields of an object, or of the elements of an array of objects.
   * Empty for an array of plain values; undefined for a free-form object
   * (any simple subfield name is accepted).
   */
  subfields?: string[];
}

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
};

const SELECT_OPTIONS: Record<string, readonly string[]> = {
  'spec.environment': MAESTRO_OPTIONS.environments,
  'spec.family': MAESTRO_FAMILIES.map(f => f.family),
};

const RECORD_FIELDS: ReportField[] = [
  { path: 'metadata.name', type: 'string' },
  { path: 'metadata.title', type: 'string' },
  { path: 'metadata.description', type: 'string' },
  { path: 'createdAt', type: 'date' },
  { path: 'updatedAt', type: 'date' },
];

function typeOf(schema: Schema): ReportFieldType | undefined {
  if (schema.enum) return 'select';
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('array')) return 'array';
  if (types.includes('object')) return 'object';
  if (types.includes('string')) return 'string';
  if (types.includes('number') || types.includes('integer')) return 'number';
  if (types.includes('boolean')) return 'boolean';
  return undefined;
}

function fieldsOfProperties(
  prefix: string,
  properties: Record<string, Schema>,
  depth: number,
): ReportField[] {
  const fields: ReportField[] = [];
  for (const [key, schema] of Object.entries(properties)) {
    const path = `${prefix}.${key}`;
    const type = typeOf(schema);
    if (!type) continue;
    if (type === 'select') {
      fields.push({ path, type, options: schema.enum!.map(String) });
    } else if (type === 'array') {
      const itemProps = schema.items?.properties;
      const freeObjects = schema.items?.type === 'object' && !itemProps;
      fields.push({
        path,
        type,
        subfields: freeObjects ? undefined : Object.keys(itemProps ?? {}),
      });
    } else if (type === 'object') {
      const props = schema.properties;
      fields.push({ path, type, subfields: props && Object.keys(props) });
      // Leaves of a described object are fields of their own (spec.os.dist).
      if (props && depth < 2) {
        fields.push(...fieldsOfProperties(path, props, depth + 1));
      }
    } else if (SELECT_OPTIONS[path]) {
      fields.push({ path, type: 'select', options: [...SELECT_OPTIONS[path]] });
    } else {
      fields.push({ path, type });
    }
  }
  return fields;
}

const cache = new Map<string, ReportField[]>();

/** The fields of a kind (plural or name), from its JSON schema. */
export function reportFieldsOf(kindOrPlural: string): ReportField[] {
  const kind = findMaestroKind(kindOrPlural);
  if (!kind) return [];
  let fields = cache.get(kind.kind);
  if (!fields) {
    const spec = (kind.schema as Schema).properties?.spec;
    fields = [
      ...RECORD_FIELDS,
      ...fieldsOfProperties('spec', spec?.properties ?? {}, 0),
    ];
    cache.set(kind.kind, fields);
  }
  return fields;
}

/** A field of a kind, or undefined when its schema has no such field. */
export function findReportField(
  kindOrPlural: string,
  path: string,
): ReportField | undefined {
  return reportFieldsOf(kindOrPlural).find(f => f.path === path);
}

/** The kind (plural) whose fields a pivot level has. */
export const PIVOT_LEVEL_KINDS: Record<PivotLevelName, string> = {
  clients: 'clients',
  systems: 'systems',
  applications: 'applications',
  servers: 'servers',
};

/** Columns shown when a report names none. */
export const DEFAULT_REPORT_COLUMNS: Record<string, string[]> = {
  servers: [
    'metadata.title',
    'spec.hostname',
    'spec.ipv4Private',
    'spec.environment',
    'spec.os',
    'spec.datacenter.provider',
  ],
  applications: [
    'metadata.title',
    'spec.family',
    'spec.environment',
    'spec.language',
  ],
  resources: ['metadata.title', 'spec.family', 'spec.type', 'spec.environment'],
  systems: ['metadata.title', 'spec.clients'],
  clients: ['metadata.title'],
  datacenters: ['metadata.title', 'spec.provider', 'spec.regions'],
};

export function defaultColumnsOf(kindOrPlural: string): string[] {
  const kind = findMaestroKind(kindOrPlural);
  return (
    (kind && DEFAULT_REPORT_COLUMNS[kind.plural]) ?? [
      'metadata.title',
      'spec.environment',
      'spec.status',
    ]
  );
}
