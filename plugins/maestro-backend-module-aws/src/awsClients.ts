import { EC2Client, DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import {
  DiscoveryConnection,
  DiscoveryProviderError,
} from '@maestro/plugin-maestro-node';

/** What the SDK clients of one run share. */
export interface AwsClientConfig {
  /** Unset: the SDK's default chain (the backend's own role). */
  credentials?: {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
  };
  endpoint?: string;
  /** Attempts per call; throttling and transient errors back off between them. */
  maxAttempts: number;
}

const DEFAULT_MAX_ATTEMPTS = 6;
const CREDENTIAL_CODES = new Set([
  'AuthFailure',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'InvalidAccessKeyId',
  'ExpiredToken',
]);
const PERMISSION_CODES = new Set([
  'UnauthorizedOperation',
  'AccessDenied',
  'AccessDeniedException',
]);

/**
 * Turns an SDK error into what the task shows: bad credentials and missing
 * permissions with the provider's message (the SDK does not retry those, so
 * they fail fast), anything else as a provider failure.
 */
export function toProviderError(error: unknown, permission: string): Error {
  // Already mapped where the failing call was made (it names its own permission).
  if (error instanceof DiscoveryProviderError) return error;
  const e = error as { name?: string; Code?: string; message?: string };
  const code = e?.Code ?? e?.name;
  if (!code || !e.message) return error as Error;
  if (CREDENTIAL_CODES.has(code)) {
    return new DiscoveryProviderError({
      kind: 'credentials',
      code,
      message: `${code}: ${e.message}`,
    });
  }
  if (PERMISSION_CODES.has(code)) {
    return new DiscoveryProviderError({
      kind: 'permission',
      code,
      message: `${code}: ${e.message}`,
      permission,
    });
  }
  return new DiscoveryProviderError({
    kind: 'provider',
    code,
    message: `${code}: ${e.message}`,
  });
}

/**
 * The credentials of a run: the connection's access key, or temporary ones
 * from STS AssumeRole when it names a role (cross-account inventory).
 */
export async function resolveAwsClientConfig(
  connection: DiscoveryConnection,
): Promise<AwsClientConfig> {
  const { settings, credentials } = connection;
  const endpoint = settings.endpoint || undefined;
  const maxAttempts = Number(settings.maxAttempts) || DEFAULT_MAX_ATTEMPTS;
  const base = settings.accessKeyId
    ? {
        accessKeyId: settings.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
      }
    : undefined;
  if (!settings.roleArn) return { credentials: base, endpoint, maxAttempts };
  const sts = new STSClient({
    region: settings.stsRegion || 'us-east-1',
    endpoint,
    credentials: base,
    maxAttempts,
  });
  try {
    const assumed = await sts.send(
      new AssumeRoleCommand({
        RoleArn: settings.roleArn,
        ExternalId: credentials.externalId || undefined,
        RoleSessionName: `maestro-${connection.id}`.slice(0, 64),
        DurationSeconds: 3600,
      }),
    );
    const c = assumed.Credentials!;
    return {
      credentials: {
        accessKeyId: c.AccessKeyId!,
        secretAccessKey: c.SecretAccessKey!,
        sessionToken: c.SessionToken,
      },
      endpoint,
      maxAttempts,
    };
  } catch (error) {
    throw toProviderError(error, 'sts:AssumeRole');
  } finally {
    sts.destroy();
  }
}

/** What every SDK client of a run is built with, for one region. */
export function clientOptions(config: AwsClientConfig, region: string) {
  return {
    region,
    endpoint: config.endpoint,
    credentials: config.credentials,
    maxAttempts: config.maxAttempts,
  };
}

export function ec2Client(config: AwsClientConfig, region: string) {
  return new EC2Client(clientOptions(config, region));
}

/**
 * The account the credentials act in, for ARNs that responses leave out.
 * GetCallerIdentity needs no IAM permission.
 */
export async function callerAccount(
  config: AwsClientConfig,
  region: string,
): Promise<string> {
  const sts = new STSClient(clientOptions(config, region));
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    return out.Account!;
  } catch (error) {
    throw toProviderError(error, 'sts:GetCallerIdentity');
  } finally {
    sts.destroy();
  }
}

/** The connection's regions, or every region enabled for the account. */
export async function connectionRegions(
  connection: DiscoveryConnection,
  config: AwsClientConfig,
): Promise<string[]> {
  const listed = (connection.settings.regions ?? '')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (listed.length) return listed;
  const client = ec2Client(
    config,
    connection.settings.defaultRegion || 'us-east-1',
  );
  try {
    const out = await client.send(new DescribeRegionsCommand({}));
    return (out.Regions ?? []).map(r => r.RegionName!).filter(Boolean);
  } catch (error) {
    throw toProviderError(error, 'ec2:DescribeRegions');
  } finally {
    client.destroy();
  }
}
