import { AwsServiceFake, unservedService } from './types';

/** Not served yet. */
export function createCloudfrontFake(): AwsServiceFake {
  return unservedService('cloudfront');
}
