/**
 * Maestro's backend plugin: store, write path, REST API, history, importer.
 *
 * @packageDocumentation
 */
export { maestroPlugin as default } from './plugin';
export { WritePath } from './writePath/WritePath';
export type {
  WriteMode,
  WriteOptions,
  WriteResult,
} from './writePath/WritePath';
export { RecordStore } from './store/RecordStore';
export { MAESTRO_RECORDS_CHANNEL } from './writePath/ChangePublisher';
export { createMaestroServices } from './maestroServices';
export type { MaestroServices } from './maestroServices';
export { ImportService } from './import/ImportService';
