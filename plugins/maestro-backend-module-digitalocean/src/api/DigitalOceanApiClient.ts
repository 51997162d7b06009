import { DiscoveryProviderError } from '@maestro/plugin-maestro-node';
import { apiError, readErrorBody } from './apiErrors';
import {
  RETRYABLE_STATUSES,
  backoffMs,
  requestedWaitMs,
  sleep,
} from './retryPolicy';
import { DoListPage } from './types';

/** The most the API v2 serves per page. */
export const MAX_PER_PAGE = 200;

export interface DigitalOceanApiClientOptions {
  /** Base URL, e.g. `https://api.digitalocean.com` (paths start with `/v2`). */
  endpoint: string;
  token: string;
  /** Tries per call, the first included. */
  maxAttempts: number;
  signal: AbortSignal;
  /** First backoff step for server errors and rate limits that give no wait. */
  baseDelayMs?: number;
  /** Longest rate-limit wait to sit through; beyond it the call fails. */
  maxWaitMs?: number;
}

/** One list of the API, e.g. `/v2/droplets` whose items are under `droplets`. */
export interface DoListing {
  path: string;
  /** Key of the items in the answer, e.g. `droplets`. */
  key: string;
  /** Extra query parameters, e.g. `{ private: 'true' }`. */
  query?: Record<string, string>;
  /** Token scope the list needs, e.g. `droplet:read`. */
  scope: string;
}

export interface DoPage<T> {
  items: T[];
  /** 1-based number of the page in this walk. */
  number: number;
  /** `meta.total` of the list. */
  total?: number;
}

/**
 * Calls the DigitalOcean API v2 with a bearer token: lists walked page by
 * page through `links.pages.next`, rate limits (429) waited out as the
 * answer's `retry-after`/`ratelimit-reset` say, server errors retried with
 * backoff, all of it stopped by the run's abort signal.
 */
export class DigitalOceanApiClient {
  private readonly base: URL;
  /** The endpoint without its trailing slash; API paths go after it. */
  private readonly root: string;

  constructor(private readonly options: DigitalOceanApiClientOptions) {
    this.base = new URL(options.endpoint);
    this.root = this.base.href.replace(/\/+$/, '');
  }

  /** The pages of a list, each fetched only when the previous one was used. */
  async *list<T>(listing: DoListing): AsyncGenerator<DoPage<T>> {
    const first = new URL(`${this.root}${listing.path}`);
    for (const [k, v] of Object.entries(listing.query ?? {})) {
      first.searchParams.set(k, v);
    }
    first.searchParams.set('per_page', String(MAX_PER_PAGE));
    const visited = new Set<string>();
    let url: string | undefined = first.href;
    for (let number = 1; url; number++) {
      visited.add(url);
      const body = (await this.get(url, listing.scope)) as DoListPage;
      const items = body?.[listing.key];
      if (!Array.isArray(items)) {
        throw new DiscoveryProviderError({
          kind: 'provider',
          code: 'unexpected_response',
          message: `${listing.path} answered without a ${listing.key} list`,
        });
      }
      yield { items: items as T[], number, total: body.meta?.total };
      url = this.nextPage(body.links?.pages?.next, listing, visited);
    }
  }

  /**
   * The next page's URL, on the configured endpoint. Behind a proxy the API
   * still links to api.digitalocean.com: the link's `/v2/...` path and
   * query are taken onto the endpoint, so the token only ever goes there.
   * A link back to a page already read would loop forever: an error.
   */
  private nextPage(
    next: string | undefined,
    listing: DoListing,
    visited: Set<string>,
  ): string | undefined {
    if (!next) return undefined;
    let link: URL | undefined;
    try {
      link = new URL(next, this.base);
    } catch {
      link = undefined;
    }
    const at = link?.pathname.indexOf('/v2/') ?? -1;
    if (!link || at < 0) {
      throw new DiscoveryProviderError({
        kind: 'provider',
        code: 'unexpected_response',
        message: `${listing.path} links its next page to ${next}, not an API v2 path`,
      });
    }
    const url = `${this.root}${link.pathname.slice(at)}${link.search}`;
    if (visited.has(url)) {
      throw new DiscoveryProviderError({
        kind: 'provider',
        code: 'unexpected_response',
        message: `${listing.path} links back to a page already read (${link.search}); stopped`,
      });
    }
    return url;
  }

  /** A GET with the retries; the parsed JSON body of a 2xx answer. */
  async get(url: string, scope: string): Promise<unknown> {
    const { maxAttempts, signal } = this.options;
    const baseDelayMs = this.options.baseDelayMs ?? 500;
    const maxWaitMs = this.options.maxWaitMs ?? 60_000;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          headers: {
            authorization: `Bearer ${this.options.token}`,
            accept: 'application/json',
          },
          signal,
        });
      } catch (error) {
        if (signal.aborted) throw error;
        if (attempt >= maxAttempts) {
          throw new DiscoveryProviderError({
            kind: 'provider',
            code: 'unreachable',
            message: `Cannot reach ${this.base.origin}: ${
              (error as Error).cause ?? (error as Error).message
            }`,
          });
        }
        await sleep(backoffMs(attempt, baseDelayMs), signal);
        continue;
      }
      if (response.ok) {
        try {
          return await response.json();
        } catch {
          throw new DiscoveryProviderError({
            kind: 'provider',
            code: 'unexpected_response',
            message: `${new URL(url).pathname} answered ${
              response.status
            } without JSON`,
          });
        }
      }
      const body = await readErrorBody(response);
      if (!RETRYABLE_STATUSES.has(response.status) || attempt >= maxAttempts) {
        throw apiError(response.status, body, scope);
      }
      const requested = requestedWaitMs(response.status, response.headers);
      if (requested !== undefined && requested > maxWaitMs) {
        throw apiError(
          response.status,
          body,
          scope,
          `the API asks to wait ${Math.ceil(requested / 1000)} s; giving up`,
        );
      }
      await sleep(requested ?? backoffMs(attempt, baseDelayMs), signal);
    }
  }
}
