import {
  APIGatewayClient,
  paginateGetRestApis,
} from '@aws-sdk/client-api-gateway';
import { apiGatewayClient } from '../serviceClients';
import { translateRestApi } from '../translate/apiGateway';
import { awsPages } from './awsCalls';
import { serviceTask } from './serviceTask';

export const REST_APIS_PAGE_SIZE = 100;

export const GATEWAY_LIST = serviceTask<APIGatewayClient>({
  name: 'gateway-list',
  description: 'API Gateway REST APIs',
  // API Gateway's IAM actions are HTTP verbs on its resources.
  permissions: ['apigateway:GET'],
  coverage: 'regional',
  client: apiGatewayClient,
  async *pages(client, scan) {
    const pages = paginateGetRestApis(
      { client, pageSize: REST_APIS_PAGE_SIZE },
      {},
    );
    for await (const page of awsPages('apigateway:GET', pages)) {
      yield (page.items ?? []).map(api => translateRestApi(api, scan.region));
    }
  },
});
