import { AwsServiceFake } from './types';
import { queryService } from './queryProtocol';
import { ELB_CLASSIC_ACTIONS } from './elbClassic';
import { ELB_V2_ACTIONS } from './elbV2';

/**
 * Elastic Load Balancing: the Classic API (version 2012-06-01) and the
 * v2 API of Application and Network load balancers (2015-12-01), both
 * under the signing name `elasticloadbalancing`, after their API references.
 */
export function createElbFake(): AwsServiceFake {
  return queryService({
    '2012-06-01': {
      xmlns: 'http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/',
      actions: ELB_CLASSIC_ACTIONS,
    },
    '2015-12-01': {
      xmlns: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
      actions: ELB_V2_ACTIONS,
    },
  });
}
