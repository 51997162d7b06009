import { AwsServiceFake, unservedService } from './types';

/** Not served yet. */
export function createElasticacheFake(): AwsServiceFake {
  return unservedService('elasticache');
}
