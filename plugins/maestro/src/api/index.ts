export { maestroApiRef, RecordFieldErrors } from './MaestroApi';
export type {
  MaestroApi,
  MaestroOptionLists,
  RecordReference,
  RecordReferencesPage,
} from './MaestroApi';
export { MaestroClient } from './MaestroClient';
