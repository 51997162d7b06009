import { AwsServiceFake, unservedService } from './types';

/** Not served yet. */
export function createRdsFake(): AwsServiceFake {
  return unservedService('rds');
}
