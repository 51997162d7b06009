import { AwsError } from '../ec2';
import { AwsServiceFake } from './types';
import {
  QueryMap,
  QueryPaging,
  memberList,
  members,
  queryPage,
  queryService,
} from './queryProtocol';

/**
 * Amazon SES (API version 2010-12-01): ListIdentities, paged by
 * NextToken/MaxItems (1 to 1000), and GetIdentityVerificationAttributes
 * for up to 100 identities, answered as a map, after the SES API reference.
 */

const PAGING: QueryPaging = {
  tokenParam: 'NextToken',
  sizeParam: 'MaxItems',
  min: 1,
  max: 1000,
  defaultSize: 100,
  sizeError: value =>
    new AwsError(
      400,
      'InvalidParameterValue',
      `MaxItems ${value} is out of range: it must be between 1 and 1000.`,
    ),
};

const isDomain = (identity: string) => !identity.includes('@');

export function createSesFake(): AwsServiceFake {
  return queryService({
    '2010-12-01': {
      xmlns: 'http://ses.amazonaws.com/doc/2010-12-01/',
      actions: {
        ListIdentities(params, ctx) {
          const type = params.get('IdentityType');
          if (type && type !== 'EmailAddress' && type !== 'Domain') {
            throw new AwsError(
              400,
              'ValidationError',
              `1 validation error detected: Value '${type}' at 'identityType' failed to satisfy constraint: Member must satisfy enum value set: [EmailAddress, Domain]`,
            );
          }
          const all = ctx.region.emailIdentities.filter(
            i => !type || isDomain(i.identity) === (type === 'Domain'),
          );
          const page = queryPage(all, params, PAGING);
          return {
            Identities: members(page.items.map(i => i.identity)),
            NextToken: page.token,
          };
        },
        GetIdentityVerificationAttributes(params, ctx) {
          const wanted = memberList(params, 'Identities');
          if (wanted.length > 100) {
            throw new AwsError(
              400,
              'ValidationError',
              'The number of identities must be at most 100.',
            );
          }
          // Identities the account does not have are left out, as SES does.
          const found = ctx.region.emailIdentities.filter(i =>
            wanted.includes(i.identity),
          );
          return {
            VerificationAttributes: new QueryMap(
              found.map(i => [
                i.identity,
                {
                  VerificationStatus: i.verificationStatus,
                  VerificationToken: i.verificationToken,
                },
              ]),
            ),
          };
        },
      },
    },
  });
}
