import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import type { IdentityVerificationAttributes } from '@aws-sdk/client-ses';
import { TranslationContext, compact } from './common';
import { managedResource, placement, stableName } from './managedResource';

const VERIFICATION_STATUS: Record<string, string> = {
  Success: 'Active',
  Pending: 'Pending',
  NotStarted: 'Pending',
  Failed: 'Error',
  TemporaryFailure: 'Error',
};

/** The SMTP interface of SES in a region, as its docs give it. */
export const sesSmtpEndpoint = (region: string) =>
  `email-smtp.${region}.amazonaws.com`;

/**
 * An SES identity (a domain or an address mail is sent from) as a Maestro
 * resource of the SMTP family. SES gives identities no ARN in its answers,
 * so it is built from the account, as IAM policies write it.
 */
export function translateEmailIdentity(
  identity: string,
  attributes: IdentityVerificationAttributes | undefined,
  context: TranslationContext & { account: string },
): DiscoveredEntity {
  const arn = `arn:aws:ses:${context.region}:${context.account}:identity/${identity}`;
  const verification = attributes?.VerificationStatus;
  return managedResource({
    family: 'SMTP',
    name: stableName(identity, arn),
    title: identity,
    spec: {
      uniqueId: arn,
      provider: 'SES (AWS)',
      status: verification ? VERIFICATION_STATUS[verification] : undefined,
      active: true,
      role: { endpoint: sesSmtpEndpoint(context.region), port: 587 },
      // Maestro 0.6 lists the domains and addresses of an SMTP service here.
      domain: [identity],
      email: compact({
        identity,
        identityType: identity.includes('@') ? 'email' : 'domain',
        verificationStatus: verification,
      }),
      datacenter: placement(context),
    },
  });
}
