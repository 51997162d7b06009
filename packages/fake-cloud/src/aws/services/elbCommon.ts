import { FakeTag } from '../awsData';
import { AwsError } from '../ec2';
import {
  QueryPaging,
  memberList,
  members,
  validationError,
} from './queryProtocol';

/** What the Classic and v2 Elastic Load Balancing APIs share. */

export const ELB_PAGING: QueryPaging = {
  tokenParam: 'Marker',
  sizeParam: 'PageSize',
  min: 1,
  max: 400,
  defaultSize: 400,
  sizeError: value => validationError('pageSize', value, 400),
};

export const elbTags = (list: FakeTag[]) =>
  members(list.map(t => ({ Key: t.key, Value: t.value })));

/** At most 20 names or ARNs per DescribeTags, as both APIs allow. */
export function tagTargets(
  params: URLSearchParams,
  name: string,
  field: string,
) {
  const targets = memberList(params, name);
  if (targets.length > 20) {
    throw new AwsError(
      400,
      'ValidationError',
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must have length less than or equal to 20`,
    );
  }
  return targets;
}
