export { reportsApiRef } from './ReportsApi';
export type { ReportsApi, ExportProgress } from './ReportsApi';
export { ReportsClient } from './ReportsClient';
