import { FakeProvider, FakeRequest, FakeResponse } from '../http';
import { resolveArmRoute } from './armCollections';
import { armError, listPage, vmSizesAnswer } from './armListing';
import {
  AzureGenerationOptions,
  FakeAzureLocation,
  generateAzureLocation,
} from './azureData';
import { FakeAzureClient, FakeEntraId } from './entraId';

export interface FakeAzureOptions extends AzureGenerationOptions {
  tenantId?: string;
  subscriptionId?: string;
  /** Resources per list page before a `nextLink`. Default 50. */
  pageSize?: number;
}

/** A failure that starts after some requests and lasts until cleared. */
export interface FakeAzureFailure {
  /**
   * Only this operation fails: a resource type such as
   * `Microsoft.Compute/virtualMachines` (its `?statusOnly=true` listing is
   * the operation `Microsoft.Compute/virtualMachines?statusOnly=true`).
   */
  operation?: string;
  /** Matching requests that still succeed before the failure starts. */
  afterRequests: number;
  /** Default `InternalServerError` (500), which SDKs retry then give up on. */
  code?: string;
  status?: number;
  message?: string;
}

const DEFAULT_CLIENT: FakeAzureClient = {
  clientId: '5b2c8f4e-1d7a-4c3b-9e6f-0a1b2c3d4e5f',
  clientSecret: 'fake~client~secret~for~maestro~tests',
};

/**
 * A fake Azure tenant and subscription: the Entra ID token endpoint a
 * client secret credential uses, and ARM's list operations for VMs, VM
 * sizes, managed disks, snapshots, images, network interfaces, public IPs,
 * virtual networks and route tables, paged with `nextLink`, from generated
 * data. Switches make it throttle, fail mid-scan, refuse credentials or
 * deny an action.
 */
export class FakeAzure implements FakeProvider {
  readonly tenantId: string;
  readonly subscriptionId: string;
  readonly locations = new Map<string, FakeAzureLocation>();
  readonly defaultClient = { ...DEFAULT_CLIENT };
  private readonly clients = new Map<string, FakeAzureClient>();
  private readonly entra: FakeEntraId;

  /** Resources per page. */
  pageSize: number;
  /** The next this many ARM requests answer 429 with a Retry-After. */
  throttleNext = 0;
  /** Seconds the throttled answers ask to wait. */
  retryAfterSeconds = 1;
  /** The token endpoint refuses the client secret (AADSTS7000215). */
  badCredentials = false;
  /** Actions the client lacks, e.g. `Microsoft.Compute/disks/read` (403 AuthorizationFailed). */
  readonly deniedActions = new Set<string>();
  failure?: FakeAzureFailure;
  /** Requests served per operation (`token` for the token endpoint), refused ones included. */
  readonly requestCounts = new Map<string, number>();
  private failureSeen = 0;

  constructor(options: FakeAzureOptions = {}) {
    this.tenantId = options.tenantId ?? '7d3e9a10-58c4-4f2b-8a61-2e9d4c7b1f30';
    this.subscriptionId =
      options.subscriptionId ?? '9f1c7b4e-3a52-4d8e-b1a7-6c0e2f4d8a13';
    this.pageSize = options.pageSize ?? 50;
    (options.locations ?? ['eastus', 'westeurope']).forEach((name, index) =>
      this.locations.set(
        name,
        generateAzureLocation(this.subscriptionId, name, index, options),
      ),
    );
    this.clients.set(DEFAULT_CLIENT.clientId, DEFAULT_CLIENT);
    this.entra = new FakeEntraId(this.tenantId, this.clients);
  }

  location(name: string): FakeAzureLocation {
    const location = this.locations.get(name);
    if (!location) throw new Error(`No fake location ${name}`);
    return location;
  }

  /** Clears throttling, failures, denied actions and bad credentials. */
  resetSwitches() {
    this.throttleNext = 0;
    this.badCredentials = false;
    this.deniedActions.clear();
    this.failure = undefined;
    this.failureSeen = 0;
  }

  private count(operation: string) {
    this.requestCounts.set(
      operation,
      (this.requestCounts.get(operation) ?? 0) + 1,
    );
  }

  handle(request: FakeRequest): FakeResponse {
    const baseUrl =
      request.baseUrl ?? `https://${request.headers.host ?? 'localhost'}/azure`;
    const parts = request.path.split('/').filter(Boolean);
    const openId =
      /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(
        request.path,
      );
    if (openId && request.method === 'GET') {
      return this.entra.openIdConfiguration(openId[1], baseUrl);
    }
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(request.path);
    if (token && request.method === 'POST') {
      this.count('token');
      return this.entra.token(
        token[1],
        new URLSearchParams(request.body.toString('utf8')),
        { badCredentials: this.badCredentials },
      );
    }
    if (parts[0]?.toLowerCase() !== 'subscriptions') {
      return armError(
        404,
        'NotFound',
        `The requested path ${request.path} was not found.`,
      );
    }
    return this.arm(request, parts, baseUrl);
  }

  private arm(
    request: FakeRequest,
    parts: string[],
    baseUrl: string,
  ): FakeResponse {
    if (!this.entra.verify(request.headers.authorization)) {
      const missing = !request.headers.authorization;
      return armError(
        401,
        missing ? 'AuthenticationFailed' : 'InvalidAuthenticationToken',
        missing
          ? "Authentication failed. The 'Authorization' header is missing."
          : 'The access token is invalid.',
        {
          'www-authenticate': `Bearer authorization_uri="${baseUrl}/${this.tenantId}", error="invalid_token", error_description="The authentication failed because of missing or invalid 'Authorization' header."`,
        },
      );
    }
    const route = resolveArmRoute(parts);
    if (!route || request.method !== 'GET') {
      return armError(
        404,
        'InvalidResourceType',
        `The resource type could not be found in the namespace for path '${request.path}'.`,
      );
    }
    const apiVersion = request.query.get('api-version');
    if (!apiVersion) {
      return armError(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.',
      );
    }
    if (!route.apiVersions.includes(apiVersion)) {
      return armError(
        400,
        'NoRegisteredProviderFound',
        `No registered resource provider found for API version '${apiVersion}' and type '${route.type
          .split('/')
          .slice(1)
          .join(
            '/',
          )}'. The supported api-versions are '${route.apiVersions.join(
          ', ',
        )}'.`,
      );
    }
    if (parts[1] !== this.subscriptionId) {
      return armError(
        404,
        'SubscriptionNotFound',
        `The subscription '${parts[1]}' could not be found.`,
      );
    }
    const statusOnly =
      route.type === 'Microsoft.Compute/virtualMachines' &&
      request.query.get('statusOnly') === 'true';
    const operation = statusOnly ? `${route.type}?statusOnly=true` : route.type;
    this.count(operation);
    if (this.throttleNext > 0) {
      this.throttleNext--;
      return armError(
        429,
        'TooManyRequests',
        'The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits',
        {
          'retry-after': String(this.retryAfterSeconds),
          'x-ms-ratelimit-remaining-subscription-reads': '0',
        },
      );
    }
    const action = `${route.type}/read`;
    if (this.deniedActions.has(action)) {
      const objectId = this.clientObjectId(request);
      const scope = route.resourceGroup
        ? `/subscriptions/${this.subscriptionId}/resourceGroups/${route.resourceGroup}`
        : `/subscriptions/${this.subscriptionId}`;
      return armError(
        403,
        'AuthorizationFailed',
        `The client '${objectId}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      );
    }
    const failure = this.failure;
    if (failure && (!failure.operation || failure.operation === operation)) {
      this.failureSeen++;
      if (this.failureSeen > failure.afterRequests) {
        return armError(
          failure.status ?? 500,
          failure.code ?? 'InternalServerError',
          failure.message ??
            'An unexpected error occurred while processing the request.',
        );
      }
    }
    if (route.sizesOf) return vmSizesAnswer(this.locations, route.sizesOf);
    return listPage({
      locations: [...this.locations.values()],
      route,
      request,
      baseUrl,
      pageSize: this.pageSize,
      statusOnly,
    });
  }

  /** Entra ID names the service principal by its object id; the fake uses the client id. */
  private clientObjectId(request: FakeRequest) {
    return this.entra.verify(request.headers.authorization)?.clientId ?? '';
  }
}
