import { FakeRequest } from '../../http';
import { AwsError } from '../ec2';
import { AwsServiceContext, AwsServiceFake } from './types';
import { restJsonError, restJsonResponse } from './jsonProtocol';
import {
  GENERATED_AT,
  decodeToken,
  encodeToken,
  pageOf,
  seededId,
} from './serviceData';

/** A REST API of the fake account. */
export interface FakeRestApi {
  id: string;
  name: string;
  description: string;
  /** Epoch seconds, as API Gateway writes dates. */
  createdDate: number;
  endpointType: 'REGIONAL' | 'EDGE' | 'PRIVATE';
  version?: string;
  tags: Record<string, string>;
}

const ERRORS: Record<
  string,
  { code: string; status: number; message?: string }
> = {
  InvalidClientTokenId: { code: 'UnrecognizedClientException', status: 403 },
  AccessDenied: { code: 'AccessDeniedException', status: 403 },
  AccessDeniedException: { code: 'AccessDeniedException', status: 403 },
  RequestLimitExceeded: {
    code: 'TooManyRequestsException',
    status: 429,
    message: 'Too Many Requests',
  },
  InternalError: { code: 'ServiceUnavailableException', status: 503 },
};

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ENDPOINT_TYPES = ['REGIONAL', 'EDGE', 'PRIVATE'] as const;

const badRequest = (message: string) =>
  new AwsError(400, 'BadRequestException', message);

/**
 * Amazon API Gateway (v1) in REST-JSON: GetRestApis (`GET /restapis`),
 * paged by `limit` (25 by default, 500 at most) and `position`, answering
 * `{"item": [...], "position": ...}`.
 */
export class FakeApiGateway implements AwsServiceFake {
  private readonly regions = new Map<string, FakeRestApi[]>();

  /** The REST APIs of a region the fake has served. */
  restApis(region: string): FakeRestApi[] {
    const apis = this.regions.get(region);
    if (!apis) {
      throw new Error(
        `No REST APIs in ${region} yet: a region is generated at its first request`,
      );
    }
    return apis;
  }

  action(request: FakeRequest) {
    return request.method === 'GET' && /^\/restapis\/?$/.test(request.path)
      ? 'GetRestApis'
      : 'Unknown';
  }

  handle(request: FakeRequest, context: AwsServiceContext) {
    const apis = this.regionApis(context);
    if (this.action(request) !== 'GetRestApis') {
      throw new AwsError(
        404,
        'NotFoundException',
        `Invalid path ${request.method} ${request.path}`,
      );
    }
    const limitText = request.query.get('limit');
    const limit = limitText === null ? 25 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
      throw badRequest(
        `1 validation error detected: Value '${limitText}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 500`,
      );
    }
    const position = request.query.get('position');
    const offset = position
      ? decodeToken(position, () => badRequest('Invalid position parameter'))
      : 0;
    const page = pageOf(apis, offset, limit);
    return restJsonResponse(
      200,
      {
        item: page.items.map(api => ({
          id: api.id,
          name: api.name,
          description: api.description,
          createdDate: api.createdDate,
          version: api.version,
          apiKeySource: 'HEADER',
          endpointConfiguration: {
            types: [api.endpointType],
            ipAddressType: 'ipv4',
          },
          tags: api.tags,
          disableExecuteApiEndpoint: false,
          rootResourceId: seededId(`${api.id}/root`, 10, ALPHANUMERIC),
        })),
        position: page.next !== undefined ? encodeToken(page.next) : undefined,
      },
      context.requestId,
    );
  }

  error(error: AwsError, requestId: string) {
    const known = ERRORS[error.code];
    return restJsonError(
      {
        namespace: 'com.amazonaws.backplane.controlplane',
        code: known?.code ?? error.code,
        status: known?.status ?? error.status,
        message: known?.message ?? error.message,
      },
      requestId,
    );
  }

  private regionApis(context: AwsServiceContext): FakeRestApi[] {
    let apis = this.regions.get(context.regionName);
    if (!apis) {
      apis = generateRestApis(context);
      this.regions.set(context.regionName, apis);
    }
    return apis;
  }
}

/** The id of the n-th generated REST API of a region. */
export function generatedRestApiId(
  accountId: string,
  region: string,
  n: number,
) {
  return seededId(`${accountId}/${region}/restapi/${n}`, 10, ALPHANUMERIC);
}

function generateRestApis(context: AwsServiceContext): FakeRestApi[] {
  const { regionName, accountId } = context;
  const regionIndex = Math.max(context.regionNames.indexOf(regionName), 0);
  return Array.from({ length: context.servicesPerRegion }, (_, n) => ({
    id: generatedRestApiId(accountId, regionName, n),
    name: `orders-api-${n}`,
    description: `Orders API ${n} (${regionName})`,
    createdDate: (GENERATED_AT + (regionIndex * 1000 + n) * 86_400_000) / 1000,
    endpointType: ENDPOINT_TYPES[n % ENDPOINT_TYPES.length],
    version: n % 2 ? `v${n}` : undefined,
    tags: { team: n % 2 ? 'payments' : 'orders', env: 'production' },
  }));
}

export function createApigatewayFake(): AwsServiceFake {
  return new FakeApiGateway();
}
