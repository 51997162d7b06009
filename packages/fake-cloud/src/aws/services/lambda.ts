import { AwsServiceFake, unservedService } from './types';

/** Not served yet. */
export function createLambdaFake(): AwsServiceFake {
  return unservedService('lambda');
}
