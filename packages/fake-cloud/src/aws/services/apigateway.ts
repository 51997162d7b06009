import { AwsServiceFake, unservedService } from './types';

/** Not served yet. */
export function createApigatewayFake(): AwsServiceFake {
  return unservedService('apigateway');
}
