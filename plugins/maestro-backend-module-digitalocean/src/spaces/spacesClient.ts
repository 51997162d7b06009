import {
  ListBucketsCommand,
  ListBucketsCommandOutput,
  S3Client,
} from '@aws-sdk/client-s3';
import { DiscoveryProviderError } from '@maestro/plugin-maestro-node';
import { SpacesSettings } from '../connectionSettings';

/** What a Spaces key needs to list the buckets of a region. */
export const SPACES_PERMISSION = 'ListBuckets (Spaces key)';

const CREDENTIAL_CODES = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidToken',
]);

/**
 * An S3 client for one Spaces region. Spaces signs with the region's slug
 * like an AWS region; path-style requests keep an endpoint with a path
 * (a proxy, the fake cloud) working.
 */
export function spacesClient(
  spaces: SpacesSettings,
  endpoint: string,
  region: string,
  maxAttempts: number,
): S3Client {
  return new S3Client({
    region,
    endpoint,
    forcePathStyle: true,
    credentials: {
      accessKeyId: spaces.accessKeyId,
      secretAccessKey: spaces.secretAccessKey,
    },
    maxAttempts,
  });
}

/** A Spaces failure as the task shows it; the region says which endpoint. */
export function toSpacesError(error: unknown, region: string): Error {
  const e = error as { name?: string; Code?: string; message?: string };
  const code = e?.Code ?? e?.name;
  if (!code) return error as Error;
  const message = `${code}: ${
    e.message && e.message !== code ? e.message : 'no message'
  } (Spaces ${region})`;
  if (CREDENTIAL_CODES.has(code)) {
    return new DiscoveryProviderError({ kind: 'credentials', code, message });
  }
  if (code === 'AccessDenied') {
    return new DiscoveryProviderError({
      kind: 'permission',
      code,
      message,
      permission: SPACES_PERMISSION,
    });
  }
  return new DiscoveryProviderError({ kind: 'provider', code, message });
}

/**
 * The ListBuckets pages of a region. Spaces answers all of a region's
 * buckets at once today; a `ContinuationToken` (S3's paging) is followed
 * should it ever come.
 */
export async function* bucketPages(
  client: S3Client,
  region: string,
  signal: AbortSignal,
): AsyncGenerator<ListBucketsCommandOutput> {
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    let page: ListBucketsCommandOutput;
    try {
      page = await client.send(
        new ListBucketsCommand(token ? { ContinuationToken: token } : {}),
        { abortSignal: signal },
      );
    } catch (error) {
      if (signal.aborted) throw error;
      throw toSpacesError(error, region);
    }
    yield page;
    token = page.ContinuationToken;
    if (token && seen.has(token)) {
      throw new DiscoveryProviderError({
        kind: 'provider',
        code: 'unexpected_response',
        message: `ListBuckets repeats a continuation token (Spaces ${region}); stopped`,
      });
    }
    if (token) seen.add(token);
  } while (token);
}
