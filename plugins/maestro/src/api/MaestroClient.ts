import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  MaestroRecord,
  MaestroRevision,
  RecordPage,
  RecordQuery,
} from '@maestro/plugin-maestro-common';
import { MaestroApi } from './MaestroApi';

/**
 * Default {@link MaestroApi}: talks to the maestro backend plugin at
 * `discovery.getBaseUrl('maestro')`, through the fetch API so that the
 * user's Backstage token goes along.
 *
 * @public
 */
export class MaestroClient implements MaestroApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getRecordByRef(entityRef: string): Promise<MaestroRecord> {
    return this.get<MaestroRecord>('/records/by-ref', { ref: entityRef });
  }

  async getHistoryByRef(entityRef: string): Promise<MaestroRevision[]> {
    const body = await this.get<{ items: MaestroRevision[] }>(
      '/records/by-ref/history',
      { ref: entityRef },
    );
    return body.items;
  }

  async listRecords(
    kindPlural: string,
    query: RecordQuery = {},
  ): Promise<RecordPage> {
    return this.get<RecordPage>(
      `/entities/${encodeURIComponent(kindPlural)}`,
      recordQueryParams(query),
    );
  }

  private async get<T>(
    path: string,
    params: URLSearchParams | Record<string, string>,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('maestro');
    const search = new URLSearchParams(params).toString();
    const url = `${baseUrl}${path}${search ? `?${search}` : ''}`;
    const response = await this.fetchApi.fetch(url);
    if (!response.ok) {
      // Carries the backend's serialized InputError / NotFoundError.
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** The REST query of a record list: `filter.<path>=value`, paging, sorting. */
export function recordQueryParams(query: RecordQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [path, value] of Object.entries(query.filter ?? {})) {
    params.append(`filter.${path}`, value);
  }
  if (query.search) params.append('search', query.search);
  if (query.sort) params.append('sort', query.sort);
  if (query.order) params.append('order', query.order);
  if (query.offset !== undefined) params.append('offset', String(query.offset));
  if (query.limit !== undefined) params.append('limit', String(query.limit));
  if (query.includeInactive !== undefined) {
    params.append('includeInactive', String(query.includeInactive));
  }
  return params;
}
