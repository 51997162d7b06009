import { createHash, randomUUID } from 'crypto';
import { FakeProvider, FakeRequest, FakeResponse, jsonResponse } from '../http';
import { DO_COLLECTIONS, DoApiError, listPage, servedAt } from './doApi';
import {
  DoAccountData,
  DoGenerationOptions,
  generateDoAccount,
} from './doData';
import { DoAccount } from './doTypes';
import {
  listBucketsXml,
  spacesError,
  spacesPath,
  spacesRequestId,
} from './spaces';
import { verifySigV4 } from './sigV4';

export interface FakeDigitalOceanOptions extends DoGenerationOptions {
  /** Requests per hour the token may make (`ratelimit-limit`); default 5000. */
  rateLimit?: number;
}

/** A failure that starts after some requests and lasts until cleared. */
export interface FakeDoFailure {
  /** Only this action fails: an API path (`/v2/droplets`) or `ListBuckets`. Any when unset. */
  action?: string;
  /** Matching requests that still succeed before the failure starts. */
  afterRequests: number;
  /** Default 500 `server_error` (API) / `InternalError` (Spaces). */
  status?: number;
  id?: string;
  message?: string;
}

const ACCOUNT_UUID = 'b6fc48dbf6d9906cace5f3c78dc9851e757381ef';

/**
 * A fake DigitalOcean account behind the API v2 (JSON, bearer token,
 * page/per_page paging with `links.pages`, `ratelimit-*` headers) and the
 * Spaces S3 API (ListBuckets per regional endpoint, SigV4-signed with a
 * Spaces key), with the switches tests use to make it throttle, fail
 * mid-scan or refuse the credentials.
 *
 * Spaces is served under `/digitalocean/spaces/{region}`: point the
 * connection's Spaces endpoint template at `${url}/digitalocean/spaces/{region}`
 * and use path-style requests.
 */
export class FakeDigitalOcean implements FakeProvider {
  /** A personal access token (`dop_v1_` and 64 hex digits) the API accepts. */
  readonly token = `dop_v1_${createHash('sha256')
    .update('maestro-fake-digitalocean')
    .digest('hex')}`;
  /** The Spaces access key ListBuckets accepts. */
  readonly spacesKey = {
    accessKeyId: 'DO00FAKEMAESTRO00001',
    secretAccessKey: 'fake-spaces-secret-key-for-maestro-tests0',
  };
  readonly account: DoAccount = {
    droplet_limit: 25,
    floating_ip_limit: 5,
    volume_limit: 100,
    email: 'sammy@example.com',
    uuid: ACCOUNT_UUID,
    email_verified: true,
    status: 'active',
    status_message: '',
    team: {
      uuid: '5df3e3004a1a4a5bb3c67fb0c8e6f2a1',
      name: 'Maestro fake team',
    },
  };
  /** The generated account; change it between scans. */
  readonly data: DoAccountData;

  /** The next this many requests answer 429 (API) / 503 SlowDown (Spaces). */
  throttleNext = 0;
  /** `retry-after` of a throttled API answer, in seconds. */
  throttleRetryAfterSeconds = 1;
  /** Every request answers 401 unauthorized (API) / InvalidAccessKeyId (Spaces). */
  badCredentials = false;
  /** Token scopes the token lacks, e.g. `droplet:read`: their lists answer 403. */
  missingScopes: string[] = [];
  failure?: FakeDoFailure;
  /** Requests per action (API path or `ListBuckets`), refused ones included. */
  readonly requestCounts = new Map<string, number>();

  private readonly rateLimit: number;
  private requestsInWindow = 0;
  private windowReset = Math.floor(Date.now() / 1000) + 3600;
  private failureSeen = 0;

  constructor(options: FakeDigitalOceanOptions = {}) {
    this.data = generateDoAccount(options);
    this.rateLimit = options.rateLimit ?? 5000;
  }

  /** Clears throttling, failures, missing scopes and bad credentials. */
  resetSwitches() {
    this.throttleNext = 0;
    this.throttleRetryAfterSeconds = 1;
    this.badCredentials = false;
    this.missingScopes = [];
    this.failure = undefined;
    this.failureSeen = 0;
  }

  handle(request: FakeRequest): FakeResponse {
    const spaces = spacesPath(request.path);
    return spaces
      ? this.handleSpaces(request, spaces.region, spaces.rest)
      : this.handleApi(request);
  }

  private count(action: string) {
    this.requestCounts.set(action, (this.requestCounts.get(action) ?? 0) + 1);
  }

  /** True when the failure switch hits this request. */
  private failing(action: string) {
    if (
      !this.failure ||
      (this.failure.action && this.failure.action !== action)
    )
      return false;
    this.failureSeen++;
    return this.failureSeen > this.failure.afterRequests;
  }

  private rateLimitHeaders(): Record<string, string> {
    const now = Math.floor(Date.now() / 1000);
    if (now >= this.windowReset) {
      this.windowReset = now + 3600;
      this.requestsInWindow = 0;
    }
    this.requestsInWindow++;
    return {
      'ratelimit-limit': String(this.rateLimit),
      'ratelimit-remaining': String(
        Math.max(0, this.rateLimit - this.requestsInWindow),
      ),
      'ratelimit-reset': String(this.windowReset),
    };
  }

  private handleApi(request: FakeRequest): FakeResponse {
    const requestId = randomUUID();
    const path = request.path.replace(/\/+$/, '');
    this.count(path);
    const headers = this.rateLimitHeaders();
    const error = (e: DoApiError, extra: Record<string, string> = {}) =>
      jsonResponse(
        e.status,
        { id: e.id, message: e.message, request_id: requestId },
        { ...headers, ...extra },
      );
    const bearer = /^Bearer (.+)$/.exec(
      String(request.headers.authorization ?? ''),
    )?.[1];
    if (this.badCredentials || bearer !== this.token) {
      return error(
        new DoApiError(401, 'unauthorized', 'Unable to authenticate you'),
      );
    }
    if (this.throttleNext > 0) {
      this.throttleNext--;
      const wait = this.throttleRetryAfterSeconds;
      return error(
        new DoApiError(429, 'too_many_requests', 'API Rate limit exceeded.'),
        {
          'ratelimit-remaining': '0',
          'ratelimit-reset': String(Math.floor(Date.now() / 1000) + wait),
          'retry-after': String(wait),
        },
      );
    }
    const collection = DO_COLLECTIONS[path];
    const scope =
      collection?.scope ??
      (path === '/v2/account' ? 'account:read' : undefined);
    if (request.method !== 'GET' || !scope) {
      return error(
        new DoApiError(
          404,
          'not_found',
          'The resource you were accessing could not be found.',
        ),
      );
    }
    if (this.missingScopes.includes(scope)) {
      return error(
        new DoApiError(
          403,
          'forbidden',
          'You are not authorized to perform this operation',
        ),
      );
    }
    if (this.failing(path)) {
      return error(
        new DoApiError(
          this.failure!.status ?? 500,
          this.failure!.id ?? 'server_error',
          this.failure!.message ?? 'Server was unable to give you a response.',
        ),
      );
    }
    const body = collection
      ? listPage(request, collection, this.data)
      : { account: this.account };
    return jsonResponse(200, body, { ...headers, 'x-request-id': requestId });
  }

  private handleSpaces(
    request: FakeRequest,
    region: string,
    rest: string,
  ): FakeResponse {
    const requestId = spacesRequestId(region);
    const action =
      rest === '/' && request.method === 'GET' ? 'ListBuckets' : 'Unknown';
    this.count(action);
    // The client signed the path with the fake cloud's prefix on it.
    const signedPath = `${new URL(servedAt(request)).pathname.replace(
      /\/+$/,
      '',
    )}${request.path}`;
    const signed = verifySigV4(request, signedPath, key =>
      key === this.spacesKey.accessKeyId && !this.badCredentials
        ? this.spacesKey.secretAccessKey
        : undefined,
    );
    if ('code' in signed) {
      return spacesError(403, signed.code, signed.message, requestId);
    }
    if (this.throttleNext > 0) {
      this.throttleNext--;
      return spacesError(
        503,
        'SlowDown',
        'Please reduce your request rate.',
        requestId,
      );
    }
    if (action !== 'ListBuckets') {
      return spacesError(
        501,
        'NotImplemented',
        'The fake cloud serves only ListBuckets of Spaces.',
        requestId,
      );
    }
    if (this.failing(action)) {
      return spacesError(
        this.failure!.status ?? 500,
        this.failure!.id ?? 'InternalError',
        this.failure!.message ??
          'We encountered an internal error. Please try again.',
        requestId,
      );
    }
    return listBucketsXml(
      // Spaces shows the account's numeric id as the owner.
      '6174283',
      this.data.buckets.filter(b => b.region === region),
    );
  }
}
