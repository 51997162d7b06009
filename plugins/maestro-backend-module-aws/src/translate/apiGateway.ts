import type { RestApi } from '@aws-sdk/client-api-gateway';
import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { compact } from './common';
import { listOrUndefined } from './managedResource';
import {
  AWS_PROVIDERS,
  partitionOf,
  resourceEntity,
  resourceRef,
} from './resourceEntity';

/** REST APIs have no ARN in GetRestApis; this is the one IAM policies use. */
const restApiArn = (id: string, region: string) =>
  `arn:${partitionOf(region)}:apigateway:${region}::/restapis/${id}`;

/** The record of a REST API, to relate a CDN origin (`{id}.execute-api...`) to it. */
export const restApiRef = (id: string, region: string) =>
  resourceRef(id, restApiArn(id, region));

/** An API Gateway REST API (GetRestApis) as an ApiGateway resource. */
export function translateRestApi(
  api: RestApi,
  region: string,
): DiscoveredEntity {
  const id = api.id!;
  const tags = Object.entries(api.tags ?? {}).map(([Key, Value]) => ({
    Key,
    Value,
  }));
  return resourceEntity(
    {
      family: 'ApiGateway',
      provider: AWS_PROVIDERS.apiGateway,
      arn: restApiArn(id, region),
      title: api.name ?? id,
      nameHint: id,
      description: api.description,
      region,
      tags,
      status: 'Active',
      active: true,
    },
    {
      role: compact({
        endpoint: api.disableExecuteApiEndpoint
          ? undefined
          : `https://${id}.execute-api.${region}.amazonaws.com`,
      }),
      properties: compact({
        apiId: id,
        endpointTypes: listOrUndefined(api.endpointConfiguration?.types ?? []),
        apiKeySource: api.apiKeySource,
        version: api.version,
        createdDate: api.createdDate?.toISOString(),
      }),
    },
  );
}
