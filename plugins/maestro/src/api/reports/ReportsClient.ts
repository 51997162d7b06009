import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  ReportChart,
  ReportExportFormat,
  ReportRowsPage,
  SavedReport,
  SavedReportInput,
} from '@maestro/plugin-maestro-common';
import { ExportProgress, ReportsApi } from './ReportsApi';
import { fetchMaestro, requestJson } from '../requestJson';

/**
 * Default {@link ReportsApi}, through the fetch API so the user's token goes
 * along.
 *
 * @public
 */
export class ReportsClient implements ReportsApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async listReports() {
    return (await this.call<{ items: SavedReport[] }>('GET', '')).items;
  }

  getReport(id: string) {
    return this.call<SavedReport>('GET', `/${encodeURIComponent(id)}`);
  }

  createReport(input: SavedReportInput) {
    return this.call<SavedReport>('POST', '', input);
  }

  updateReport(id: string, input: SavedReportInput) {
    return this.call<SavedReport>('PUT', `/${encodeURIComponent(id)}`, input);
  }

  async deleteReport(id: string) {
    await this.fetch('DELETE', `/${encodeURIComponent(id)}`);
  }

  runReport(id: string) {
    return this.call<SavedReport>('POST', `/${encodeURIComponent(id)}/run`);
  }

  getRows(
    id: string,
    request: {
      offset?: number;
      limit?: number;
      sort?: string;
      order?: 'asc' | 'desc';
    },
  ) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(request)) {
      if (v !== undefined && v !== '') params.set(k, String(v));
    }
    return this.call<ReportRowsPage>(
      'GET',
      `/${encodeURIComponent(id)}/rows?${params}`,
    );
  }

  async getCharts(id: string) {
    return (
      await this.call<{ items: ReportChart[] }>(
        'GET',
        `/${encodeURIComponent(id)}/charts`,
      )
    ).items;
  }

  async exportReport(
    id: string,
    format: ReportExportFormat,
    options: {
      groupBy?: 'system' | 'environment';
      onProgress?: (progress: ExportProgress) => void;
    } = {},
  ) {
    const params = new URLSearchParams({ format });
    if (options.groupBy) params.set('groupBy', options.groupBy);
    const response = await this.fetch(
      'GET',
      `/${encodeURIComponent(id)}/export?${params}`,
    );
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName =
      /filename="([^"]+)"/.exec(disposition)?.[1] ?? `report.${format}`;
    const expected = response.headers.get('x-maestro-report-rows');
    const progress: ExportProgress = {
      bytes: 0,
      rows: 0,
      expectedRows: expected ? Number(expected) : undefined,
    };
    const parts: BlobPart[] = [];
    const reader = response.body?.getReader();
    if (!reader) {
      const blob = await response.blob();
      return { fileName, blob };
    }
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      progress.bytes += value.byteLength;
      for (const byte of value) if (byte === 10) progress.rows++;
      options.onProgress?.({ ...progress });
    }
    return {
      fileName,
      blob: new Blob(parts, {
        type: response.headers.get('content-type') ?? undefined,
      }),
    };
  }

  private fetch(method: string, path: string, body?: unknown) {
    return fetchMaestro(this.deps, method, `/reports${path}`, body);
  }

  private call<T>(method: string, path: string, body?: unknown) {
    return requestJson<T>(this.deps, method, `/reports${path}`, body);
  }
}
