/**
 * Report queries: what a report selects. Field types and operators are
 * Maestro 0.6's (string, number, boolean, date, select, array, object); the
 * type of a field comes from its kind's schema, never from the client.
 */

export type ReportFieldType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'date'
  | 'select'
  | 'array'
  | 'object';

/** The operators each field type accepts. */
export const REPORT_OPERATORS = {
  string: ['equal', 'notEqual', 'contains', 'notContains'],
  number: ['eq', 'gt', 'gte', 'lt', 'lte'],
  boolean: ['equal'],
  date: ['before', 'after', 'on', 'thisMonth', 'lastDays'],
  select: ['oneOf'],
  /** An element equals the value, or an element's subfield equals it. */
  array: ['hasElement'],
  /** The object's subfield equals / contains the value. */
  object: ['equal', 'contains'],
} as const;

export type ReportOperator = (typeof REPORT_OPERATORS)[ReportFieldType][number];

/** One filter on one field, e.g. `spec.cpu gte 4`. */
export interface ReportCondition {
  /** Field path from the kind's field list, e.g. `spec.hostname`, `createdAt`. */
  field: string;
  operator: ReportOperator;
  /**
   * string/number/boolean/date as typed; `lastDays` takes a number of days;
   * `oneOf` a list of strings; `thisMonth` none.
   */
  value?: string | number | boolean | string[];
  /** Subfield of an array element or an object (`provider` of `spec.datacenter`). */
  subfield?: string;
}

/** Conditions of which at least one must hold. */
export interface ReportOrGroup {
  anyOf: ReportCondition[];
}

/** Top-level filters combine with AND; a group combines its conditions with OR. */
export type ReportFilter = ReportCondition | ReportOrGroup;

export function isOrGroup(filter: ReportFilter): filter is ReportOrGroup {
  return Array.isArray((filter as ReportOrGroup).anyOf);
}

/** A single-kind report. */
export interface GeneralReportQuery {
  type: 'general';
  /** Kind plural: `servers`, `applications`, `resources`, `systems`, ... */
  kind: string;
  /** For `resources`: one Maestro family (`Database`, `Loadbalance`, ...). */
  family?: string;
  filters: ReportFilter[];
  /** Field paths shown and exported; defaults per kind when empty. */
  columns?: string[];
}

/** The levels of a pivot report, in chain order. */
export const PIVOT_CHAIN = [
  'clients',
  'systems',
  'applications',
  'servers',
] as const;

export type PivotLevelName = (typeof PIVOT_CHAIN)[number];

export interface PivotLevel {
  level: PivotLevelName;
  filters: ReportFilter[];
  columns?: string[];
}

/**
 * clients -> systems -> applications -> servers. Levels must be adjacent in
 * the chain (clients + servers alone is not linked). Rows carry the columns
 * of every level, named `<level>.<field path>`.
 */
export interface PivotReportQuery {
  type: 'pivot';
  levels: PivotLevel[];
}

export type ReportQuery = GeneralReportQuery | PivotReportQuery;

/** One result row: column id -> value (nested values kept as JSON). */
export type ReportRow = Record<string, unknown>;

export interface ReportRowsPage {
  columns: string[];
  items: ReportRow[];
  totalCount: number;
  offset: number;
  limit: number;
}

export type ReportStatus = 'created' | 'running' | 'finished' | 'failed';

/** A saved report. */
export interface SavedReport {
  id: string;
  name: string;
  type: ReportQuery['type'];
  query: ReportQuery;
  status: ReportStatus;
  /** Refreshed by the scheduled job when true. */
  scheduled: boolean;
  rowCount?: number;
  durationMs?: number;
  error?: string;
  lastRunAt?: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

/** What a client sends to create or update a saved report. */
export interface SavedReportInput {
  name: string;
  query: ReportQuery;
  scheduled?: boolean;
}

export const REPORT_EXPORT_FORMATS = ['json', 'csv', 'xml', 'ansible'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];

/** One chart of a report: counts of rows by a value. */
export interface ReportChart {
  id: string;
  title: string;
  buckets: Array<{ value: string; count: number }>;
}
