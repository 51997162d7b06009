export { FileImportPage } from './FileImportPage';
