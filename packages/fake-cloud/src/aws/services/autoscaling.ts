import { AwsServiceFake, unservedService } from './types';

/** Not served yet. */
export function createAutoscalingFake(): AwsServiceFake {
  return unservedService('autoscaling');
}
