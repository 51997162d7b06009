import { MaestroAccessEntry } from './access';
import { Entity } from '@backstage/catalog-model';

/**
 * Who or what wrote a change. Manual sources (`ui`, `api`, `scaffolder`) win
 * over automatic ones (`import`, `discovery`) field by field: a field a person
 * set is not overwritten by the next crawl.
 */
export interface WriteSource {
  type: 'ui' | 'api' | 'scaffolder' | 'import' | 'discovery';
  /** e.g. the connection id of a crawler, or the import file name. */
  name?: string;
}

export const MANUAL_SOURCE_TYPES: ReadonlyArray<WriteSource['type']> = [
  'ui',
  'api',
  'scaffolder',
];

/** Formats a source as it is stored beside each field: `discovery:aws-prod`. */
export function formatSource(source: WriteSource): string {
  return source.name ? `${source.type}:${source.name}` : source.type;
}

/** A record of the Maestro store: the entity plus its bookkeeping. */
export interface MaestroRecord {
  id: string;
  /** The entity as published to the catalog (without relations). */
  entity: Entity;
  /** Number of the latest revision (1 for a new record). */
  revision: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  /** Source of each top-level field (`spec.cpu` -> `discovery:aws-prod`). */
  fieldSources: Record<string, string>;
}

/** One changed field between two revisions. */
export interface DiffEntry {
  /** Dotted path, e.g. `spec.os.version`. */
  path: string;
  before?: unknown;
  after?: unknown;
}

/** `access`: the record's access entries changed (the diff lists them). */
export type RevisionAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'deactivate'
  | 'access';

/** One entry of a record's history. */
export interface MaestroRevision {
  id: string;
  recordId: string;
  entityRef: string;
  revision: number;
  action: RevisionAction;
  diff: DiffEntry[];
  /** User entity ref, or the service that acted. */
  actor: string;
  source: string;
  createdAt: string;
}

/** A page of records. */
export interface RecordPage {
  items: MaestroRecord[];
  totalCount: number;
  offset: number;
  limit: number;
}

/** Query of a record list: `filter` by field path, sort, page. */
export interface RecordQuery {
  /** Field path (`spec.environment`, `metadata.title`) to exact value or `~substring`. */
  filter?: Record<string, string>;
  /** Free-text search in title and name. */
  search?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
  /** Include records marked inactive (default true). */
  includeInactive?: boolean;
}

/** One change of the store, as the catalog's entity provider reads them. */
export interface MaestroChange {
  seq: number;
  entityRef: string;
  /** The entity to publish, or null when the record was deleted. */
  entity: Entity | null;
  /** The record's access entries, which the catalog's copy carries. */
  access?: MaestroAccessEntry[];
  /** The record's owner as the access rules compare it. */
  owner?: string;
}

export interface MaestroChangesPage {
  items: MaestroChange[];
  /** Pass as `after` to read the next page; equals the last seq read. */
  cursor: number;
  /** True when there are more changes after this page. */
  more: boolean;
}

/** Result of an import: what was written, by kind. */
export interface ImportSummary {
  created: Record<string, number>;
  updated: Record<string, number>;
  unchanged: Record<string, number>;
  total: number;
}

/** Events topic on which the backend announces committed writes (`{ seq }`). */
export const MAESTRO_CHANGES_TOPIC = 'maestro.changes';
