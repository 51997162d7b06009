import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { requestJson } from './requestJson';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  MaestroRecord,
  MaestroRevision,
  MaestroSettings,
  RecordPage,
  RecordQuery,
} from '@maestro/plugin-maestro-common';
import {
  MaestroApi,
  MaestroOptionLists,
  RecordFieldErrors,
  RecordReferencesPage,
} from './MaestroApi';

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

  async createRecord(kindPlural: string, entity: Entity) {
    return this.send<MaestroRecord>(
      'POST',
      `/entities/${encodeURIComponent(kindPlural)}`,
      entity,
    );
  }

  async updateRecord(kindPlural: string, entity: Entity) {
    return this.send<MaestroRecord>(
      'PUT',
      recordPath(kindPlural, entity),
      entity,
    );
  }

  async deleteRecord(kindPlural: string, entity: Entity): Promise<void> {
    await this.send<void>('DELETE', recordPath(kindPlural, entity));
  }

  async getReferences(entityRef: string): Promise<RecordReferencesPage> {
    return this.get<RecordReferencesPage>('/records/by-ref/references', {
      ref: entityRef,
    });
  }

  async getOptions(): Promise<MaestroOptionLists> {
    return this.get<MaestroOptionLists>('/options', {});
  }

  async getSettings(): Promise<MaestroSettings> {
    return this.get<MaestroSettings>('/settings', {});
  }

  private deps() {
    return { discoveryApi: this.discoveryApi, fetchApi: this.fetchApi };
  }

  private send<T>(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> {
    return requestJson<T>(
      this.deps(),
      method,
      path,
      body,
      (message, errors) => new RecordFieldErrors(message, errors),
    );
  }

  private get<T>(
    path: string,
    params: URLSearchParams | Record<string, string>,
  ): Promise<T> {
    const search = new URLSearchParams(params).toString();
    // A failure carries the backend's serialized InputError / NotFoundError.
    return requestJson<T>(
      this.deps(),
      'GET',
      `${path}${search ? `?${search}` : ''}`,
    );
  }
}

function recordPath(kindPlural: string, entity: Entity) {
  const namespace = entity.metadata.namespace ?? 'default';
  // Validates the identity before it goes into a URL.
  stringifyEntityRef({
    kind: entity.kind,
    namespace,
    name: entity.metadata.name,
  });
  return `/entities/${encodeURIComponent(kindPlural)}/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(entity.metadata.name)}`;
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
