import { createApiRef } from '@backstage/frontend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  FieldError,
  MAESTRO_FAMILIES,
  MAESTRO_OPTIONS,
  MaestroRecord,
  MaestroSettings,
  MaestroRevision,
  RecordPage,
  RecordQuery,
} from '@maestro/plugin-maestro-common';

/**
 * What the Maestro frontend reads from the maestro backend plugin. Entity
 * cards read their fields from the catalog entity itself; this API is for
 * what only the store knows: bookkeeping, revisions, and paged lists that
 * must not go through the catalog (see DESIGN.md, "Where data lives").
 *
 * @public
 */
export interface MaestroApi {
  /** The store's record of any entity Maestro manages, by entity ref. */
  getRecordByRef(entityRef: string): Promise<MaestroRecord>;
  /** The revisions of a record, newest first. */
  getHistoryByRef(entityRef: string): Promise<MaestroRevision[]>;
  /** A page of records of one kind, by its plural (`servers`, `datacenters`...). */
  listRecords(kindPlural: string, query?: RecordQuery): Promise<RecordPage>;
  /**
   * Creates a record. A 400 with field errors rejects with a
   * {@link RecordFieldErrors}, so a form can show each next to its field.
   */
  createRecord(kindPlural: string, entity: Entity): Promise<MaestroRecord>;
  /** Replaces a record's entity (its name and namespace stay). */
  updateRecord(kindPlural: string, entity: Entity): Promise<MaestroRecord>;
  /** Deletes a record; its history stays. */
  deleteRecord(kindPlural: string, entity: Entity): Promise<void>;
  /** The live records whose spec refers to this one. */
  getReferences(entityRef: string): Promise<RecordReferencesPage>;
  /** The option lists of the forms and the resource families. */
  getOptions(): Promise<MaestroOptionLists>;
  /** Settings: option lists as edited, the services catalog, regions and zones. */
  getSettings(): Promise<MaestroSettings>;
}

/** A record that refers to another one, and the fields it does so in. @public */
export interface RecordReference {
  entityRef: string;
  kind: string;
  title: string;
  /** Dotted paths, e.g. `spec.servers.0`. */
  fields: string[];
}

/** @public */
export interface RecordReferencesPage {
  items: RecordReference[];
  totalCount: number;
}

/** What `GET /options` answers. @public */
export interface MaestroOptionLists {
  options: Record<string, unknown> & Partial<typeof MAESTRO_OPTIONS>;
  families: typeof MAESTRO_FAMILIES;
}

/**
 * The backend refused a write for these fields (`400 { fieldErrors }`).
 *
 * @public
 */
export class RecordFieldErrors extends Error {
  readonly name = 'RecordFieldErrors';
  constructor(message: string, readonly fieldErrors: FieldError[]) {
    super(message);
  }
}

/** @public */
export const maestroApiRef = createApiRef<MaestroApi>().with({
  id: 'plugin.maestro.client',
  pluginId: 'maestro',
});
