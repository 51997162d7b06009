import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  FileImportApi,
  FileImportRefused,
  FileImportResult,
} from './FileImportApi';

/** Default {@link FileImportApi}, on the backend's `/import/files`. @public */
export class FileImportClient implements FileImportApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async getFormats() {
    const base = await this.deps.discoveryApi.getBaseUrl('maestro');
    const response = await this.deps.fetchApi.fetch(`${base}/import/files`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.json();
  }

  async importFile(options: {
    format: string;
    filename: string;
    body: Blob;
    datacenter?: string;
    dryRun: boolean;
  }): Promise<FileImportResult> {
    const base = await this.deps.discoveryApi.getBaseUrl('maestro');
    const query = new URLSearchParams({
      filename: options.filename,
      dryRun: String(options.dryRun),
      ...(options.datacenter ? { datacenter: options.datacenter } : {}),
    });
    const response = await this.deps.fetchApi.fetch(
      `${base}/import/files/${encodeURIComponent(options.format)}?${query}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: options.body,
      },
    );
    if (response.status === 400) {
      const body = await response.json().catch(() => ({}));
      if (Array.isArray(body.problems))
        throw new FileImportRefused(
          body.error?.message ?? 'Refused',
          body.problems,
        );
    }
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.json();
  }
}
