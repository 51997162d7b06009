export {
  translateMaestro06,
  DEFAULT_IMPORT_OWNER,
  DEFAULT_IMPORT_SEED,
} from './translate';
export { loadDirectory } from './loadDirectory';
export { MAESTRO06_FILES } from './types';
export type {
  ImportError,
  Maestro06FileName,
  Maestro06Translation,
  TranslateMaestro06Options,
} from './types';
