import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  ReportChart,
  ReportExportFormat,
  ReportRowsPage,
  SavedReport,
  SavedReportInput,
} from '@maestro/plugin-maestro-common';

/** Progress of an export download. */
export interface ExportProgress {
  bytes: number;
  /** Rows received so far (lines of CSV/JSON/XML), when countable. */
  rows: number;
  /** Rows of the report's last run, when known. */
  expectedRows?: number;
}

/**
 * Saved reports, their rows, charts and exports (backend
 * `/api/maestro/reports`).
 *
 * @public
 */
export interface ReportsApi {
  listReports(): Promise<SavedReport[]>;
  getReport(id: string): Promise<SavedReport>;
  createReport(input: SavedReportInput): Promise<SavedReport>;
  updateReport(id: string, input: SavedReportInput): Promise<SavedReport>;
  deleteReport(id: string): Promise<void>;
  runReport(id: string): Promise<SavedReport>;
  getRows(
    id: string,
    request: {
      offset?: number;
      limit?: number;
      sort?: string;
      order?: 'asc' | 'desc';
    },
  ): Promise<ReportRowsPage>;
  getCharts(id: string): Promise<ReportChart[]>;
  /** Downloads the whole result as a file, reporting progress as it streams. */
  exportReport(
    id: string,
    format: ReportExportFormat,
    options?: {
      groupBy?: 'system' | 'environment';
      onProgress?: (progress: ExportProgress) => void;
    },
  ): Promise<{ fileName: string; blob: Blob }>;
}

/** @public */
export const reportsApiRef = createApiRef<ReportsApi>({
  id: 'plugin.maestro.reports',
});
