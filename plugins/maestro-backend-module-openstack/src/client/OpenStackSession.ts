import { createHash } from 'crypto';
import { DiscoveryProviderError } from '@maestro/plugin-maestro-node';
import { OpenStackSettings } from '../openstackSettings';
import {
  OpenStackService,
  SERVICE_LABELS,
  catalogRegions,
  missingEndpoint,
  selectEndpoint,
  serviceBaseUrl,
} from './catalog';
import { serviceError } from './faults';
import { KeystoneToken, authenticate } from './keystone';
import { RETRYABLE_STATUSES, backoffMs, retryAfterMs, sleep } from './retry';

export interface OpenStackSessionOptions {
  fetch?: typeof fetch;
  /** Cancels waits and requests when the run is cut short. */
  signal?: AbortSignal;
  /** Base of the exponential backoff without Retry-After. Default 250 ms. */
  backoffMs?: number;
  /** A longer Retry-After fails the call instead of stalling the run. Default 60 s. */
  maxRetryAfterMs?: number;
}

/** A call to a service: which one, and the policy rule it needs. */
export interface ServiceCall {
  service: OpenStackService;
  policy: string;
  headers?: Record<string, string>;
}

/**
 * One run's conversation with an OpenStack cloud: a Keystone token,
 * renewed before it expires and once more when a service answers 401; the
 * catalog's endpoints; and calls that back off on over-limit and transient
 * errors (honouring Retry-After) and turn failures into the task's errors.
 */
export class OpenStackSession {
  private token?: KeystoneToken;
  private readonly fetchImpl: typeof fetch;
  private readonly backoffBaseMs: number;
  private readonly maxRetryAfterMs: number;

  constructor(
    readonly settings: OpenStackSettings,
    private readonly options: OpenStackSessionOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? fetch;
    this.backoffBaseMs = options.backoffMs ?? 250;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  }

  /** A token that will not expire in the next moments, authenticating when needed. */
  async currentToken(): Promise<KeystoneToken> {
    if (this.token && this.isFresh(this.token)) return this.token;
    this.token = await authenticate(this.settings, (url, init) =>
      this.send(url, init, 'Keystone'),
    );
    return this.token;
  }

  /**
   * Renews a token some time before its expiry: a tenth of its lifetime,
   * at most a minute, so a page never leaves with a token about to lapse.
   */
  private isFresh(token: KeystoneToken) {
    const margin = Math.min(60_000, (token.expiresAt - token.issuedAt) / 10);
    return Date.now() < token.expiresAt - margin;
  }

  /** The project the token is scoped to. */
  async projectId(): Promise<string> {
    return (await this.currentToken()).project.id;
  }

  /**
   * The regions to scan for a service: the connection's, each of which
   * must offer it, or every region of the catalog that does.
   */
  async regions(service: OpenStackService): Promise<string[]> {
    const { catalog } = await this.currentToken();
    const iface = this.settings.interface;
    if (!this.settings.regions.length) {
      const found = catalogRegions(catalog, service, iface);
      if (!found.length) throw missingEndpoint(service, iface, 'any region');
      return found;
    }
    for (const region of this.settings.regions) {
      selectEndpoint(catalog, service, region, iface);
    }
    return this.settings.regions;
  }

  /** Whether the catalog offers a service in a region on the connection's interface. */
  async offers(service: OpenStackService, region: string): Promise<boolean> {
    const { catalog } = await this.currentToken();
    return catalogRegions(catalog, service, this.settings.interface).includes(
      region,
    );
  }

  /** The base URL of a service in a region, from the catalog. */
  async endpoint(service: OpenStackService, region: string): Promise<string> {
    const token = await this.currentToken();
    const url = selectEndpoint(
      token.catalog,
      service,
      region,
      this.settings.interface,
    );
    return serviceBaseUrl(service, url, token.project.id);
  }

  /**
   * A short, stable key of the cloud and region, for records whose ids are
   * only unique within one deployment (flavor ids such as `1`).
   */
  cloudKey(region: string): string {
    return createHash('sha256')
      .update(`${this.settings.identityUrl}|${region}`)
      .digest('hex')
      .slice(0, 8);
  }

  /** GETs a service URL and returns its JSON body. */
  async getJson(url: string, call: ServiceCall): Promise<any> {
    const label = SERVICE_LABELS[call.service];
    let renewed = false;
    for (;;) {
      const token = await this.currentToken();
      const res = await this.send(
        url,
        {
          headers: {
            'X-Auth-Token': token.id,
            accept: 'application/json',
            ...call.headers,
          },
        },
        label,
      );
      const text = await res.text();
      // A token can be revoked or lapse on the server's clock before ours:
      // authenticate again once, then take a 401 for the credentials.
      if (res.status === 401 && !renewed) {
        renewed = true;
        this.token = undefined;
        continue;
      }
      if (!res.ok) {
        throw serviceError({
          status: res.status,
          text,
          service: label,
          policy: call.policy,
        });
      }
      try {
        return JSON.parse(text);
      } catch {
        throw new DiscoveryProviderError({
          kind: 'provider',
          code: 'BadResponse',
          message: `${label} answered ${
            url.split('?')[0]
          } with something that is not JSON`,
        });
      }
    }
  }

  /**
   * One HTTP exchange with retries: over-limit and transient answers wait
   * for Retry-After (or back off exponentially) and try again, up to the
   * connection's attempts; unreachable hosts likewise.
   */
  private async send(
    url: string,
    init: RequestInit,
    label: string,
  ): Promise<Response> {
    const { signal } = this.options;
    const attempts = this.settings.maxAttempts;
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await this.fetchImpl(url, { ...init, signal });
      } catch (error) {
        if (signal?.aborted) throw new Error('The run was cut short');
        if (attempt < attempts) {
          await sleep(backoffMs(attempt, this.backoffBaseMs), signal);
          continue;
        }
        const cause = (error as { cause?: Error }).cause?.message;
        throw new DiscoveryProviderError({
          kind: 'provider',
          code: 'Unreachable',
          message: `Cannot reach ${label} at ${new URL(url).origin}: ${
            cause ?? (error as Error).message
          }`,
        });
      }
      if (!RETRYABLE_STATUSES.has(res.status) || attempt >= attempts) {
        return res;
      }
      const asked = retryAfterMs(res.headers.get('retry-after'));
      if (asked !== undefined && asked > this.maxRetryAfterMs) return res;
      await res.arrayBuffer();
      await sleep(asked ?? backoffMs(attempt, this.backoffBaseMs), signal);
    }
  }
}
