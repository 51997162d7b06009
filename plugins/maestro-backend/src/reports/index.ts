export { reportRoutes } from './routes';
export { createReports } from './createReports';
export type { ReportServices } from './createReports';
export { ReportRunner } from './ReportRunner';
export type { RecordAccessCondition } from './compile';
