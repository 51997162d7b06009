import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { CustomErrorBase, ResponseError } from '@backstage/errors';
import { MaestroChangesPage } from '@maestro/plugin-maestro-common';

/**
 * The Maestro backend cannot be reached (yet): it is still starting, being
 * deployed, or down. The next pull simply tries again.
 */
export class MaestroUnreachableError extends CustomErrorBase {
  name = 'MaestroUnreachableError' as const;
}

/** Statuses a proxy or the backend answers while Maestro is not up. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** Reads the Maestro store's change feed (`GET /changes`) as the catalog. */
export class MaestroChangeFeed {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
    },
  ) {}

  /** The changes after `cursor`, at most `limit` of them. */
  async readPage(cursor: number, limit: number): Promise<MaestroChangesPage> {
    const { discovery, auth } = this.options;
    const baseUrl = await discovery.getBaseUrl('maestro');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'maestro',
    });
    const url = `${baseUrl}/changes?after=${cursor}&limit=${limit}`;

    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Authorization: `Bearer ${token}` },
      });
    } catch (error) {
      throw new MaestroUnreachableError(`Cannot reach ${url}`, error);
    }
    if (UNAVAILABLE_STATUSES.has(response.status)) {
      throw new MaestroUnreachableError(
        `${url} answered ${response.status} ${response.statusText}`,
      );
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return toChangesPage(await response.json(), url);
  }
}

function toChangesPage(body: unknown, url: string): MaestroChangesPage {
  const page = body as Partial<MaestroChangesPage> | null;
  if (
    !page ||
    !Array.isArray(page.items) ||
    typeof page.cursor !== 'number' ||
    typeof page.more !== 'boolean'
  ) {
    throw new Error(`${url} did not answer a page of changes`);
  }
  return page as MaestroChangesPage;
}
