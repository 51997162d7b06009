/**
 * Maestro frontend: the API client of the maestro backend plugin, the
 * catalog columns of Maestro's kinds, and what the app needs to show
 * Maestro's relations in the catalog graph.
 *
 * The plugin itself (new frontend system) is the default export of
 * `@maestro/plugin-maestro/alpha`.
 *
 * @packageDocumentation
 */
export { maestroApiRef, MaestroClient } from './api';
export type { MaestroApi } from './api';
export { maestroCatalogColumns, KIND_COLUMNS } from './catalogColumns';
export type { MaestroColumn } from './catalogColumns';
export { KIND_FIELDS } from './components/MaestroDetailsCard';
export type { MaestroField } from './components/MaestroDetailsCard';
export { maestroGraphRelations } from './lib/graphRelations';
export type {
  MaestroRecord,
  MaestroRevision,
  DiffEntry,
  RecordPage,
  RecordQuery,
} from '@maestro/plugin-maestro-common';
