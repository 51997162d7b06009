import { AwsError } from './ec2';
import { document, escapeXml, renderNode } from './xml';

export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** STS errors use `ErrorResponse/Error` with a Type. */
export function stsErrorBody(error: AwsError, requestId: string) {
  return document(
    'ErrorResponse',
    STS_XMLNS,
    `<Error><Type>Sender</Type><Code>${error.code}</Code><Message>${escapeXml(
      error.message,
    )}</Message></Error><RequestId>${requestId}</RequestId>`,
  );
}

export function getCallerIdentityXml(opts: {
  arn: string;
  userId: string;
  account: string;
  requestId: string;
}) {
  return document(
    'GetCallerIdentityResponse',
    STS_XMLNS,
    renderNode({
      GetCallerIdentityResult: {
        Arn: opts.arn,
        UserId: opts.userId,
        Account: opts.account,
      },
      ResponseMetadata: { RequestId: opts.requestId },
    }),
  );
}

export function assumeRoleXml(opts: {
  roleArn: string;
  sessionName: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: string;
  requestId: string;
}) {
  const roleName = opts.roleArn.split('/').pop();
  const account = opts.roleArn.split(':')[4];
  return document(
    'AssumeRoleResponse',
    STS_XMLNS,
    renderNode({
      AssumeRoleResult: {
        AssumedRoleUser: {
          Arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${opts.sessionName}`,
          AssumedRoleId: `AROA${account}EXAMPLE:${opts.sessionName}`,
        },
        Credentials: {
          AccessKeyId: opts.accessKeyId,
          SecretAccessKey: opts.secretAccessKey,
          SessionToken: opts.sessionToken,
          Expiration: opts.expiration,
        },
        PackedPolicySize: 6,
      },
      ResponseMetadata: { RequestId: opts.requestId },
    }),
  );
}
