import {
  GetIdentityVerificationAttributesCommand,
  IdentityVerificationAttributes,
  SESClient,
  paginateListIdentities,
} from '@aws-sdk/client-ses';
import { AwsClientConfig, callerAccount, clientOptions } from '../awsClients';
import { translateEmailIdentity } from '../translate/email';
import { RegionalListing, withPermission } from './regionalTask';

/** SES of a region, and the account its identities' ARNs name. */
export interface EmailClients {
  ses: SESClient;
  account: string;
  destroy(): void;
}

export async function emailClients(
  config: AwsClientConfig,
  region: string,
): Promise<EmailClients> {
  const account = await callerAccount(config, region);
  const ses = new SESClient(clientOptions(config, region));
  return { ses, account, destroy: () => ses.destroy() };
}

interface IdentityPage {
  identities: string[];
  attributes: Record<string, IdentityVerificationAttributes>;
  account: string;
}

/** GetIdentityVerificationAttributes takes at most 100 identities. */
export const MAX_IDENTITIES_PAGE = 100;

/** SES identities, a page at a time, with their verification status. */
export function emailIdentityListing(
  pageSize: number,
): RegionalListing<EmailClients, IdentityPage> {
  const attributesPermission = 'ses:GetIdentityVerificationAttributes';
  return {
    permission: 'ses:ListIdentities',
    alsoNeeds: [attributesPermission],
    async *pages(clients) {
      const pages = paginateListIdentities(
        {
          client: clients.ses,
          pageSize: Math.min(pageSize, MAX_IDENTITIES_PAGE),
        },
        {},
      );
      for await (const page of pages) {
        const identities = page.Identities ?? [];
        const out = identities.length
          ? await withPermission(attributesPermission, () =>
              clients.ses.send(
                new GetIdentityVerificationAttributesCommand({
                  Identities: identities,
                }),
              ),
            )
          : undefined;
        yield {
          identities,
          attributes: out?.VerificationAttributes ?? {},
          account: clients.account,
        };
      }
    },
    translate: (page, context) =>
      page.identities.map(identity =>
        translateEmailIdentity(identity, page.attributes[identity], {
          ...context,
          account: page.account,
        }),
      ),
  };
}
