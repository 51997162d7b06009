import { AwsServiceFake, unservedService } from './types';

/** Not served yet. */
export function createSqsFake(): AwsServiceFake {
  return unservedService('sqs');
}
