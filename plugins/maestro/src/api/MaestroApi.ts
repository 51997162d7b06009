import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  MaestroRecord,
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
}

/** @public */
export const maestroApiRef = createApiRef<MaestroApi>().with({
  id: 'plugin.maestro.client',
  pluginId: 'maestro',
});
