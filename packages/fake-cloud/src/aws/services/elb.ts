import { AwsServiceFake, unservedService } from './types';

/** Not served yet. */
export function createElbFake(): AwsServiceFake {
  return unservedService('elasticloadbalancing');
}
