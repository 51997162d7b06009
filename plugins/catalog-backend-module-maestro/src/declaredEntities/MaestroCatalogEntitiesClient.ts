import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { MaestroUnreachableError } from '../provider/MaestroChangeFeed';

/** Statuses a proxy or the backend answers while Maestro is not up. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** What Maestro did with a batch of entities. */
export interface CatalogEntitiesWritten {
  stored: number;
  unchanged: number;
  skipped: Array<{ entityRef: string; reason: string }>;
}

/**
 * Maestro's copy of the catalog-declared entities (`/catalog-entities`),
 * called as the catalog plugin.
 */
export class MaestroCatalogEntitiesClient {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
    },
  ) {}

  /** Every copied entity and the etag it was copied at. */
  async list(): Promise<Array<{ entityRef: string; etag: string }>> {
    const body = await this.request('GET', '/catalog-entities');
    return (body as { items: Array<{ entityRef: string; etag: string }> })
      .items;
  }

  async write(entities: Entity[]): Promise<CatalogEntitiesWritten> {
    return (await this.request('POST', '/catalog-entities', {
      entities,
    })) as CatalogEntitiesWritten;
  }

  async remove(entityRefs: string[]): Promise<number> {
    const body = await this.request('POST', '/catalog-entities/removals', {
      entityRefs,
    });
    return (body as { removed: number }).removed;
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<unknown> {
    const { discovery, auth } = this.options;
    const url = `${await discovery.getBaseUrl('maestro')}${path}`;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'maestro',
    });
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      throw new MaestroUnreachableError(`Cannot reach ${url}`, error);
    }
    if (UNAVAILABLE_STATUSES.has(response.status)) {
      throw new MaestroUnreachableError(
        `${url} answered ${response.status} ${response.statusText}`,
      );
    }
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.json();
  }
}
