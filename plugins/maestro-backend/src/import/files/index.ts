export { FileFormatRegistry } from './FileFormatRegistry';
export { fileImportRoutes, DEFAULT_MAX_UPLOAD_BYTES } from './fileImportRoutes';
