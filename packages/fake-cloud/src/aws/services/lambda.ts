import { FakeRequest } from '../../http';
import { AwsError } from '../ec2';
import { AwsServiceContext, AwsServiceFake } from './types';
import { restJsonError, restJsonResponse } from './jsonProtocol';
import { decodeToken, encodeToken, pageOf } from './serviceData';
import {
  FakeFunction,
  FakeLayer,
  functionConfiguration,
  generateLambdaRegion,
  layerVersion,
} from './lambdaData';

export type { FakeFunction, FakeLayer } from './lambdaData';

const LAMBDA = 'com.amazonaws.awsgirapi';

const ERRORS: Record<
  string,
  { code: string; status: number; type: string; message?: string }
> = {
  InvalidClientTokenId: {
    code: 'UnrecognizedClientException',
    status: 403,
    type: 'User',
  },
  AccessDenied: { code: 'AccessDeniedException', status: 403, type: 'User' },
  AccessDeniedException: {
    code: 'AccessDeniedException',
    status: 403,
    type: 'User',
  },
  RequestLimitExceeded: {
    code: 'TooManyRequestsException',
    status: 429,
    type: 'User',
    message: 'Rate exceeded',
  },
  InternalError: { code: 'ServiceException', status: 500, type: 'Service' },
};

const invalidParameter = (message: string) =>
  new AwsError(400, 'InvalidParameterValueException', message);

/**
 * AWS Lambda in REST-JSON: ListFunctions (`GET /2015-03-31/functions/`),
 * ListLayers (`GET /2018-10-31/layers`) and ListLayerVersions, each paged
 * by Marker/MaxItems/NextMarker with Lambda's 50-item page cap.
 */
export class FakeLambda implements AwsServiceFake {
  private readonly regions = new Map<
    string,
    { functions: FakeFunction[]; layers: FakeLayer[] }
  >();

  /** The functions and layers of a region the fake has served. */
  region(name: string) {
    const region = this.regions.get(name);
    if (!region) {
      throw new Error(
        `No Lambda data in ${name} yet: a region is generated at its first request`,
      );
    }
    return region;
  }

  action(request: FakeRequest) {
    if (request.method !== 'GET') return 'Unknown';
    if (/^\/2015-03-31\/functions\/?$/.test(request.path))
      return 'ListFunctions';
    if (/^\/2018-10-31\/layers\/?$/.test(request.path)) return 'ListLayers';
    if (/^\/2018-10-31\/layers\/[^/]+\/versions\/?$/.test(request.path))
      return 'ListLayerVersions';
    return 'Unknown';
  }

  handle(request: FakeRequest, context: AwsServiceContext) {
    const data = this.regionData(context);
    const marker = request.query.get('Marker');
    const offset = marker
      ? decodeToken(marker, () => invalidParameter('Invalid marker'))
      : 0;
    const respond = <T>(
      items: T[],
      maxItems: { limit: number; cap: number },
      key: string,
      render: (item: T) => unknown,
    ) => {
      const size = pageSize(request.query.get('MaxItems'), maxItems);
      const page = pageOf(items, offset, size);
      return restJsonResponse(
        200,
        {
          [key]: page.items.map(render),
          NextMarker:
            page.next !== undefined ? encodeToken(page.next) : undefined,
        },
        context.requestId,
      );
    };
    switch (this.action(request)) {
      case 'ListFunctions':
        return respond(
          data.functions,
          { limit: 10000, cap: 50 },
          'Functions',
          functionConfiguration,
        );
      case 'ListLayers':
        return respond(
          data.layers,
          { limit: 50, cap: 50 },
          'Layers',
          layer => ({
            LayerName: layer.name,
            LayerArn: layer.arn,
            LatestMatchingVersion: layerVersion(layer, layer.versions),
          }),
        );
      case 'ListLayerVersions': {
        const name = decodeURIComponent(request.path.split('/')[3]);
        const layer = data.layers.find(l => l.name === name || l.arn === name);
        // Newest first, as Lambda lists them; an unknown layer has none.
        const versions = layer
          ? Array.from({ length: layer.versions }, (_, i) => layer.versions - i)
          : [];
        return respond(
          versions,
          { limit: 50, cap: 50 },
          'LayerVersions',
          version => layerVersion(layer!, version),
        );
      }
      default:
        throw new AwsError(
          404,
          'UnknownOperationException',
          `Unknown operation ${request.method} ${request.path}`,
        );
    }
  }

  error(error: AwsError, requestId: string) {
    const known = ERRORS[error.code];
    return restJsonError(
      {
        namespace: LAMBDA,
        code: known?.code ?? error.code,
        status: known?.status ?? error.status,
        message: known?.message ?? error.message,
        extra: {
          Type: known?.type ?? (error.status >= 500 ? 'Service' : 'User'),
        },
      },
      requestId,
    );
  }

  private regionData(context: AwsServiceContext) {
    let data = this.regions.get(context.regionName);
    if (!data) {
      data = generateLambdaRegion(context);
      this.regions.set(context.regionName, data);
    }
    return data;
  }
}

function pageSize(text: string | null, opts: { limit: number; cap: number }) {
  if (text === null) return opts.cap;
  const size = Number(text);
  if (!Number.isInteger(size) || size < 1 || size > opts.limit) {
    throw invalidParameter(
      `1 validation error detected: Value '${text}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and ${opts.limit}`,
    );
  }
  return Math.min(size, opts.cap);
}

export function createLambdaFake(): AwsServiceFake {
  return new FakeLambda();
}
