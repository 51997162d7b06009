import { Readable } from 'stream';
import {
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { DiscoveryProviderError } from '@maestro/plugin-maestro-node';
import {
  FetchBudget,
  FetchedFiles,
  FetchLimits,
  ListedFile,
  cutShort,
  isHidden,
  readCounted,
} from '../fetchLimits';

/** A bucket path on S3 or an S3-compatible store. */
export interface S3Location {
  bucket: string;
  /** Key prefix: a "folder" (`facts/`), a key (`prod/terraform.tfstate`) or empty. */
  prefix: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Another S3-compatible store (MinIO, Ceph, ...): path-style requests to it. */
  endpoint?: string;
}

const CREDENTIAL_CODES = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'TokenRefreshRequired',
]);

/** What an S3 error means for the person who set the connection up. */
function s3Error(error: unknown, permission: string, origin: string): Error {
  const e = error as Error & { Code?: string; code?: string };
  const code = e.Code ?? e.name;
  const message = `${code}: ${e.message}`;
  if (code === 'AbortError') return cutShort();
  if (CREDENTIAL_CODES.has(code))
    return new DiscoveryProviderError({ kind: 'credentials', code, message });
  if (code === 'AccessDenied')
    return new DiscoveryProviderError({
      kind: 'permission',
      code,
      message: `${message} (${permission} on ${origin} is needed)`,
      permission,
    });
  if (code === 'NoSuchBucket')
    return new DiscoveryProviderError({
      kind: 'provider',
      code,
      message: `The bucket of ${origin} does not exist (${message})`,
    });
  return new DiscoveryProviderError({
    kind: 'provider',
    code: code || e.code || 'S3Error',
    message: `${origin}: ${message}`,
  });
}

/** The key prefix as S3 takes it (no leading slash), and the part that names files. */
function prefixOf(prefix: string) {
  const key = prefix.replace(/^\/+/, '');
  // A prefix that is not a folder (`facts/web`) is part of the names.
  const base = key.endsWith('/') ? key : key.slice(0, key.lastIndexOf('/') + 1);
  return { key, base };
}

/**
 * The objects under a prefix of a bucket, each read as a file: listed with
 * ListObjectsV2 page by page (admitting each object by its size before any
 * is read), then fetched with GetObject. A Terraform remote state object
 * (`env/prod/terraform.tfstate`) is a file like any other.
 */
export async function fetchFromS3(options: {
  source: S3Location;
  limits: FetchLimits;
  signal: AbortSignal;
  include?: (name: string) => boolean;
  /** Keys per listing page; S3's own (at most 1,000) when unset. */
  pageSize?: number;
}): Promise<FetchedFiles> {
  const { source, limits, signal } = options;
  const include = options.include ?? (() => true);
  const { key, base } = prefixOf(source.prefix);
  const origin = `s3://${source.bucket}/${key}${
    source.endpoint ? ` at ${source.endpoint}` : ''
  }`;
  const client = new S3Client({
    region: source.region,
    endpoint: source.endpoint || undefined,
    forcePathStyle: Boolean(source.endpoint),
    credentials: {
      accessKeyId: source.accessKeyId,
      secretAccessKey: source.secretAccessKey,
    },
    maxAttempts: 3,
    requestHandler: {
      connectionTimeout: limits.timeoutMs,
      requestTimeout: limits.timeoutMs,
    },
  });
  const budget = new FetchBudget(limits, origin);
  try {
    const listed: ListedFile[] = [];
    let token: string | undefined;
    do {
      if (signal.aborted) throw cutShort();
      const page = await client
        .send(
          new ListObjectsV2Command({
            Bucket: source.bucket,
            Prefix: key || undefined,
            ContinuationToken: token,
            MaxKeys: options.pageSize,
          }),
          { abortSignal: signal },
        )
        .catch(error => {
          throw s3Error(error, 's3:ListBucket', origin);
        });
      for (const object of page.Contents ?? []) {
        const name = object.Key!.slice(base.length);
        // Keys ending in / are the folders consoles create.
        if (!name || name.endsWith('/') || isHidden(name) || !include(name))
          continue;
        const file = { name, location: object.Key!, size: object.Size ?? 0 };
        budget.admit(file);
        listed.push(file);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);

    const files = [];
    for (const file of listed) {
      if (signal.aborted) throw cutShort();
      try {
        const object = await client.send(
          new GetObjectCommand({ Bucket: source.bucket, Key: file.location }),
          { abortSignal: signal },
        );
        const body = await readCounted(
          object.Body as Readable,
          budget,
          file.name,
          limits.timeoutMs,
          () =>
            new DiscoveryProviderError({
              kind: 'provider',
              code: 'Timeout',
              message: `${origin}: ${file.location} stopped arriving for ${
                limits.timeoutMs / 1000
              } s`,
            }),
        );
        files.push({
          filename: file.name,
          contentType: object.ContentType ?? 'application/octet-stream',
          body,
        });
      } catch (error) {
        if (error instanceof DiscoveryProviderError) throw error;
        throw s3Error(error, 's3:GetObject', `${origin} (${file.location})`);
      }
    }
    if (signal.aborted) throw cutShort();
    return { origin, files };
  } finally {
    client.destroy();
  }
}
