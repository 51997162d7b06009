export { fileImportApiRef, FileImportRefused } from './FileImportApi';
export type {
  FileImportApi,
  FileFormat,
  FileProblem,
  FileImportResult,
} from './FileImportApi';
export { FileImportClient } from './FileImportClient';
