import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { AnalyticsApi } from './AnalyticsApi';
import {
  CreatedShare,
  GraphResult,
  GraphShare,
  GraphSource,
  NewDependency,
  SavedGraph,
} from './types';
import { fetchMaestro, requestJson } from '../requestJson';

/**
 * Default {@link AnalyticsApi}, through the fetch API so the user's token
 * goes along.
 *
 * @public
 */
export class AnalyticsClient implements AnalyticsApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async listGraphs() {
    return (await this.call<{ items: SavedGraph[] }>('GET', '/graphs')).items;
  }

  getGraph(id: string) {
    return this.call<SavedGraph>('GET', `/graphs/${encodeURIComponent(id)}`);
  }

  createGraph(name: string, source: GraphSource) {
    return this.call<SavedGraph>('POST', '/graphs', { name, source });
  }

  computeGraph(id: string) {
    return this.call<SavedGraph>(
      'POST',
      `/graphs/${encodeURIComponent(id)}/compute`,
    );
  }

  async deleteGraph(id: string) {
    await this.call('DELETE', `/graphs/${encodeURIComponent(id)}`);
  }

  async exportSvg(id: string) {
    const response = await this.fetch(
      'GET',
      `/graphs/${encodeURIComponent(id)}/svg`,
    );
    return response.text();
  }

  analyze(source: GraphSource) {
    return this.call<GraphResult>('POST', '/analyze', { source });
  }

  addDependencies(dependencies: NewDependency[]) {
    return this.call<{ updated: string[] }>('POST', '/dependencies', {
      dependencies,
    });
  }

  async listShares(graphId: string) {
    return (
      await this.call<{ items: GraphShare[] }>(
        'GET',
        `/graphs/${encodeURIComponent(graphId)}/shares`,
      )
    ).items;
  }

  async createShare(graphId: string, expiresInHours: number) {
    const created = await this.call<
      Omit<CreatedShare, 'url'> & { path: string }
    >('POST', `/graphs/${encodeURIComponent(graphId)}/shares`, {
      expiresInHours,
    });
    const base = await this.deps.discoveryApi.getBaseUrl('maestro');
    const { path, ...share } = created;
    return {
      ...share,
      url: new URL(`${base}${path}`, window.location.href).href,
    };
  }

  async revokeShare(graphId: string, shareId: string) {
    await this.call(
      'DELETE',
      `/graphs/${encodeURIComponent(graphId)}/shares/${encodeURIComponent(
        shareId,
      )}`,
    );
  }

  private fetch(method: string, path: string, body?: unknown) {
    return fetchMaestro(this.deps, method, `/analytics${path}`, body);
  }

  private call<T>(method: string, path: string, body?: unknown) {
    return requestJson<T>(this.deps, method, `/analytics${path}`, body);
  }
}
