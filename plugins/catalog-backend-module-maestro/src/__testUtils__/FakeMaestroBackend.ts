import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { DiscoveryService } from '@backstage/backend-plugin-api';
import {
  MaestroChange,
  MaestroChangesPage,
} from '@maestro/plugin-maestro-common';

/**
 * A Maestro backend that only serves the change feed, over real HTTP, the
 * way the catalog provider reads it: `GET /api/maestro/changes?after&limit`.
 */
export class FakeMaestroBackend {
  readonly changes: MaestroChange[] = [];
  /** Every request to the feed: `after`, `limit` and the bearer token. */
  readonly requests: Array<{ after: number; limit: number; token?: string }> =
    [];
  /** When set, the feed answers this status instead of a page. */
  failWithStatus?: number;
  private readonly server: http.Server;

  private constructor() {
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  static async start(): Promise<FakeMaestroBackend> {
    const backend = new FakeMaestroBackend();
    await new Promise<void>(resolve =>
      backend.server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = backend.server.address() as AddressInfo;
    backend.baseUrl = `http://127.0.0.1:${port}/api`;
    return backend;
  }

  /** Base of the plugin URLs, fixed at start so it outlives `stop()`. */
  baseUrl = '';

  /** Discovery that points the `maestro` plugin at this server. */
  discovery(): DiscoveryService {
    return {
      getBaseUrl: async pluginId => `${this.baseUrl}/${pluginId}`,
      getExternalBaseUrl: async pluginId => `${this.baseUrl}/${pluginId}`,
    };
  }

  /** Records a write of the store: the entity, or null for a deletion. */
  write(entity: Entity): MaestroChange {
    return this.record(stringifyEntityRef(entity), entity);
  }

  delete(entityRef: string): MaestroChange {
    return this.record(entityRef, null);
  }

  record(entityRef: string, entity: Entity | null): MaestroChange {
    const change = { seq: this.changes.length + 1, entityRef, entity };
    this.changes.push(change);
    return change;
  }

  async stop(): Promise<void> {
    await new Promise(resolve => this.server.close(resolve));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' || url.pathname !== '/api/maestro/changes') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { name: 'NotFoundError', message: 'Not found' },
        }),
      );
      return;
    }
    const after = Number(url.searchParams.get('after') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    this.requests.push({ after, limit, token });

    if (this.failWithStatus) {
      res.writeHead(this.failWithStatus, {
        'content-type': 'application/json',
      });
      res.end(JSON.stringify({ error: { name: 'Error', message: 'failure' } }));
      return;
    }
    const pending = this.changes.filter(c => c.seq > after);
    const items = pending.slice(0, limit);
    const page: MaestroChangesPage = {
      items,
      cursor: items.length ? items[items.length - 1].seq : after,
      more: pending.length > items.length,
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(page));
  }
}
