import { createHash } from 'crypto';
import { AwsError } from '../ec2';

/** An object as S3 keeps it. */
export interface FakeS3Object {
  key: string;
  body: Buffer;
  /** Quoted MD5 of the body, as S3 writes single-part ETags. */
  etag: string;
  lastModified: Date;
  contentType: string;
  /** `x-amz-meta-*` headers, without the prefix. */
  metadata: Record<string, string>;
}

export interface FakeBucket {
  name: string;
  region: string;
  creationDate: Date;
  objects: Map<string, FakeS3Object>;
}

/** An S3 error with the extra elements S3 adds (`Key`, `BucketName`...). */
export class S3Error extends AwsError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(status, code, message);
  }
}

/** The name of the n-th generated bucket of a region. */
export function generatedBucketName(
  accountId: string,
  region: string,
  n: number,
) {
  return `maestro-${accountId}-${region}-${n}`;
}

// S3's naming rules for general purpose buckets.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d+\.\d+\.\d+\.\d+$/;

export function validateBucketName(name: string) {
  if (!BUCKET_NAME.test(name) || name.includes('..') || IP_ADDRESS.test(name)) {
    throw new S3Error(
      400,
      'InvalidBucketName',
      'The specified bucket is not valid.',
      { BucketName: name },
    );
  }
}

export function noSuchBucket(name: string) {
  return new S3Error(
    404,
    'NoSuchBucket',
    'The specified bucket does not exist',
    {
      BucketName: name,
    },
  );
}

/** One page of a bucket listing: keys, and the prefixes rolled up by the delimiter. */
export interface ObjectListing {
  contents: FakeS3Object[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** Last key or prefix of the page: where the next page starts after. */
  last?: string;
}

/**
 * The buckets and objects of the fake account, in memory: what the S3
 * fake serves and what tests seed (`createBucket`, `putObject`).
 */
export class S3ObjectStore {
  readonly buckets = new Map<string, FakeBucket>();

  createBucket(
    name: string,
    region = 'us-east-1',
    creationDate = new Date(),
  ): FakeBucket {
    validateBucketName(name);
    const existing = this.buckets.get(name);
    if (existing) return existing;
    const bucket: FakeBucket = {
      name,
      region,
      creationDate,
      objects: new Map(),
    };
    this.buckets.set(name, bucket);
    return bucket;
  }

  bucket(name: string): FakeBucket {
    const bucket = this.buckets.get(name);
    if (!bucket) throw noSuchBucket(name);
    return bucket;
  }

  putObject(
    bucketName: string,
    key: string,
    body: string | Buffer,
    options: { contentType?: string; metadata?: Record<string, string> } = {},
  ): FakeS3Object {
    const bucket = this.bucket(bucketName);
    if (!key || Buffer.byteLength(key) > 1024) {
      throw new S3Error(400, 'KeyTooLongError', 'Your key is too long', {
        Key: key,
      });
    }
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const object: FakeS3Object = {
      key,
      body: bytes,
      etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
      // S3 keeps seconds only in Last-Modified.
      lastModified: new Date(Math.floor(Date.now() / 1000) * 1000),
      contentType: options.contentType ?? 'binary/octet-stream',
      metadata: options.metadata ?? {},
    };
    bucket.objects.set(key, object);
    return object;
  }

  getObject(bucketName: string, key: string): FakeS3Object {
    const object = this.bucket(bucketName).objects.get(key);
    if (!object) {
      throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', {
        Key: key,
      });
    }
    return object;
  }

  deleteObject(bucketName: string, key: string) {
    this.bucket(bucketName).objects.delete(key);
  }

  /** ListObjectsV2's walk: keys in byte order after `startAfter`, rolled up by delimiter. */
  listObjects(
    bucketName: string,
    opts: {
      prefix: string;
      delimiter?: string;
      maxKeys: number;
      startAfter?: string;
    },
  ): ObjectListing {
    const bucket = this.bucket(bucketName);
    const keys = [...bucket.objects.keys()].sort(compareBytes);
    const out: ObjectListing = {
      contents: [],
      commonPrefixes: [],
      isTruncated: false,
    };
    const after = opts.startAfter ?? '';
    let count = 0;
    for (const key of keys) {
      if (!key.startsWith(opts.prefix) || compareBytes(key, after) <= 0) {
        continue;
      }
      const rest = key.slice(opts.prefix.length);
      const cut = opts.delimiter ? rest.indexOf(opts.delimiter) : -1;
      const entry =
        cut >= 0
          ? opts.prefix + rest.slice(0, cut + opts.delimiter!.length)
          : key;
      // Keys under a prefix already listed (on this page or an earlier one).
      if (cut >= 0 && (entry === out.last || compareBytes(entry, after) <= 0)) {
        continue;
      }
      if (count === opts.maxKeys) {
        out.isTruncated = true;
        break;
      }
      if (cut >= 0) out.commonPrefixes.push(entry);
      else out.contents.push(bucket.objects.get(key)!);
      out.last = entry;
      count++;
    }
    return out;
  }
}

/** S3 orders keys by their UTF-8 bytes. */
function compareBytes(a: string, b: string) {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
