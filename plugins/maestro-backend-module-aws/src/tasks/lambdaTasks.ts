import {
  LambdaClient,
  paginateListFunctions,
  paginateListLayers,
} from '@aws-sdk/client-lambda';
import { lambdaClient } from '../serviceClients';
import { translateFunction, translateLayer } from '../translate/lambda';
import { awsPages } from './awsCalls';
import { serviceTask } from './serviceTask';

/** Lambda answers at most 50 items a page. */
export const LAMBDA_PAGE_SIZE = 50;

export const SERVERLESS_LIST = serviceTask<LambdaClient>({
  name: 'serverless-list',
  description: 'Lambda functions and the layers they use',
  permissions: ['lambda:ListFunctions'],
  coverage: 'regional',
  client: lambdaClient,
  async *pages(client, scan) {
    const pages = paginateListFunctions(
      { client, pageSize: LAMBDA_PAGE_SIZE },
      {},
    );
    for await (const page of awsPages('lambda:ListFunctions', pages)) {
      yield (page.Functions ?? []).map(f => translateFunction(f, scan.region));
    }
  },
});

/**
 * Lambda layers. ListLayers names each layer's latest version, so no
 * per-layer ListLayerVersions call is needed.
 */
export const SERVERLESS_SUPPORT_LIST = serviceTask<LambdaClient>({
  name: 'serverless-support-list',
  description: 'Lambda layers and their latest version',
  permissions: ['lambda:ListLayers'],
  coverage: 'regional',
  client: lambdaClient,
  async *pages(client, scan) {
    const pages = paginateListLayers(
      { client, pageSize: LAMBDA_PAGE_SIZE },
      {},
    );
    for await (const page of awsPages('lambda:ListLayers', pages)) {
      yield (page.Layers ?? []).map(l => translateLayer(l, scan.region));
    }
  },
});
