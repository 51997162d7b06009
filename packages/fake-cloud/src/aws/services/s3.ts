import { AwsServiceFake, unservedService } from './types';

/** Not served yet. */
export function createS3Fake(): AwsServiceFake {
  return unservedService('s3');
}
