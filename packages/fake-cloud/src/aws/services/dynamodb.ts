import { AwsServiceFake, unservedService } from './types';

/** Not served yet. */
export function createDynamodbFake(): AwsServiceFake {
  return unservedService('dynamodb');
}
