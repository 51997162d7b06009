import { AwsServiceFake, unservedService } from './types';

/** Not served yet. */
export function createSesFake(): AwsServiceFake {
  return unservedService('ses');
}
