import { createHash } from 'crypto';
import { FakeRequest, FakeResponse } from '../../http';
import { AwsError } from '../ec2';
import { AwsServiceContext, AwsServiceFake } from './types';
import { restXml } from './restXml';
import { GENERATED_AT, seededId } from './serviceData';
import {
  FakeS3Object,
  S3Error,
  S3ObjectStore,
  generatedBucketName,
  validateBucketName,
} from './s3Store';
import { decodeAwsChunked, parseRange } from './s3Body';
import { S3_XMLNS, listBucketsXml, listObjectsV2Xml } from './s3Listings';

export type { FakeBucket, FakeS3Object } from './s3Store';

/** The fake account's neutral errors, in S3's codes and messages. */
const ERRORS: Record<
  string,
  { code: string; status: number; message?: string }
> = {
  InvalidAccessKeyId: {
    code: 'InvalidAccessKeyId',
    status: 403,
    message:
      'The AWS Access Key Id you provided does not exist in our records.',
  },
  RequestLimitExceeded: {
    code: 'SlowDown',
    status: 503,
    message: 'Please reduce your request rate.',
  },
  AccessDeniedException: { code: 'AccessDenied', status: 403 },
};

/** `/{bucket}/{key}` of a path-style request. */
function target(request: FakeRequest) {
  const [, bucket = '', ...rest] = request.path.split('/');
  return {
    bucket: decodeURIComponent(bucket),
    key: rest.length ? decodeURIComponent(rest.join('/')) : '',
  };
}

/**
 * Amazon S3 in REST-XML, path-style (`/{bucket}/{key}`): a small real
 * object store. ListBuckets (MaxBuckets/ContinuationToken, BucketRegion),
 * GetBucketLocation, CreateBucket, HeadBucket, ListObjectsV2 (prefix,
 * delimiter, max-keys, continuation-token, start-after), PutObject (plain
 * or aws-chunked bodies), GetObject (ranges), HeadObject, DeleteObject.
 * Buckets answer only requests signed for their own region, as S3 does.
 * Generated buckets (`servicesPerRegion` per region) appear at the first
 * request; tests add their own with `createBucket` and `putObject`.
 */
export class FakeS3 extends S3ObjectStore implements AwsServiceFake {
  /** Answer ListBuckets without BucketRegion, as S3-compatible stores do. */
  omitBucketRegion = false;
  private generated = false;

  action(request: FakeRequest): string {
    const { bucket, key } = target(request);
    const q = request.query;
    const m = request.method;
    if (!bucket) return m === 'GET' ? 'ListBuckets' : 'Unknown';
    if (key) {
      return (
        {
          GET: 'GetObject',
          HEAD: 'HeadObject',
          PUT: 'PutObject',
          DELETE: 'DeleteObject',
        }[m] ?? 'Unknown'
      );
    }
    if (m === 'GET' && q.has('location')) return 'GetBucketLocation';
    if (m === 'GET')
      return q.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
    return (
      { PUT: 'CreateBucket', HEAD: 'HeadBucket', DELETE: 'DeleteBucket' }[m] ??
      'Unknown'
    );
  }

  handle(request: FakeRequest, context: AwsServiceContext): FakeResponse {
    this.generate(context);
    const { bucket, key } = target(request);
    const ok = (
      body: string | Buffer = '',
      headers: Record<string, string> = {},
      status = 200,
    ) => ({
      status,
      headers: {
        'x-amz-request-id': context.requestId,
        'x-amz-id-2': seededId(context.requestId, 32),
        ...(typeof body === 'string' && body
          ? { 'content-type': 'application/xml' }
          : {}),
        ...headers,
      },
      body,
    });
    const action = this.action(request);
    switch (action) {
      case 'ListBuckets':
        return ok(listBucketsXml(this, request.query, !this.omitBucketRegion));
      case 'GetBucketLocation': {
        const region = this.bucket(bucket).region;
        return ok(
          `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="${S3_XMLNS}">${
            region === 'us-east-1' ? '' : region
          }</LocationConstraint>`,
        );
      }
      case 'CreateBucket':
        this.createBucketRequest(bucket, request, context.regionName);
        return ok('', { location: `/${bucket}` });
      default:
        break;
    }
    this.checkRegion(bucket, context.regionName);
    switch (action) {
      case 'HeadBucket':
        return ok('', { 'x-amz-bucket-region': this.bucket(bucket).region });
      case 'ListObjectsV2':
        return ok(listObjectsV2Xml(this, bucket, request.query));
      case 'PutObject': {
        const object = this.putObjectRequest(bucket, key, request);
        return ok('', { etag: object.etag });
      }
      case 'GetObject':
      case 'HeadObject': {
        const object = this.getObject(bucket, key);
        const range = parseRange(request.headers.range, object.body.length);
        const body = range
          ? object.body.subarray(range.start, range.end + 1)
          : object.body;
        return ok(
          action === 'GetObject' ? body : '',
          {
            ...objectHeaders(object),
            'content-length': String(body.length),
            ...(range
              ? {
                  'content-range': `bytes ${range.start}-${range.end}/${object.body.length}`,
                }
              : {}),
          },
          range ? 206 : 200,
        );
      }
      case 'DeleteObject':
        this.deleteObject(bucket, key);
        return ok('', {}, 204);
      case 'ListObjects':
        throw new S3Error(
          501,
          'NotImplemented',
          'The fake serves ListObjectsV2 (list-type=2) only.',
        );
      default:
        throw new S3Error(
          405,
          'MethodNotAllowed',
          'The specified method is not allowed against this resource.',
        );
    }
  }

  error(error: AwsError, requestId: string): FakeResponse {
    const known = ERRORS[error.code];
    return {
      status: known?.status ?? error.status,
      headers: {
        'content-type': 'application/xml',
        'x-amz-request-id': requestId,
      },
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${restXml({
        Code: known?.code ?? error.code,
        Message: known?.message ?? error.message,
        ...(error instanceof S3Error ? error.extra : {}),
        RequestId: requestId,
        HostId: seededId(requestId, 32),
      })}</Error>`,
    };
  }

  /** The generated buckets, once: tests may have seeded others before. */
  private generate(context: AwsServiceContext) {
    if (this.generated) return;
    this.generated = true;
    for (const region of context.regionNames) {
      for (let n = 0; n < context.servicesPerRegion; n++) {
        this.createBucket(
          generatedBucketName(context.accountId, region, n),
          region,
          new Date(GENERATED_AT + n * 86_400_000),
        );
      }
    }
  }

  private checkRegion(name: string, signedFor: string) {
    const bucket = this.bucket(name);
    if (bucket.region !== signedFor) {
      throw new S3Error(
        400,
        'AuthorizationHeaderMalformed',
        `The authorization header is malformed; the region '${signedFor}' is wrong; expecting '${bucket.region}'`,
        { Region: bucket.region },
      );
    }
  }

  private createBucketRequest(
    name: string,
    request: FakeRequest,
    signedFor: string,
  ) {
    validateBucketName(name);
    const constraint =
      /<LocationConstraint>([^<]*)<\/LocationConstraint>/.exec(
        request.body.toString('utf8'),
      )?.[1] ?? '';
    const region = constraint || 'us-east-1';
    if (region !== signedFor) {
      throw new S3Error(
        400,
        'IllegalLocationConstraintException',
        `The ${
          constraint || 'unspecified'
        } location constraint is incompatible for the region specific endpoint this request was sent to.`,
      );
    }
    const existing = this.buckets.get(name);
    // us-east-1 answers 200 to its owner re-creating a bucket, for legacy reasons.
    if (
      existing &&
      !(existing.region === 'us-east-1' && region === 'us-east-1')
    ) {
      throw new S3Error(
        409,
        'BucketAlreadyOwnedByYou',
        'Your previous request to create the named bucket succeeded and you already own it.',
        { BucketName: name },
      );
    }
    this.createBucket(name, region);
  }

  private putObjectRequest(bucket: string, key: string, request: FakeRequest) {
    const h = request.headers;
    const chunked =
      String(h['content-encoding'] ?? '').includes('aws-chunked') ||
      String(h['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
    const body = chunked ? decodeAwsChunked(request.body) : request.body;
    const md5 = h['content-md5'];
    if (md5 && md5 !== createHash('md5').update(body).digest('base64')) {
      throw new S3Error(
        400,
        'BadDigest',
        'The Content-MD5 you specified did not match what we received.',
      );
    }
    const metadata = Object.fromEntries(
      Object.entries(h)
        .filter(([name]) => name.startsWith('x-amz-meta-'))
        .map(([name, value]) => [
          name.slice('x-amz-meta-'.length),
          String(value),
        ]),
    );
    return this.putObject(bucket, key, body, {
      contentType: h['content-type'] ? String(h['content-type']) : undefined,
      metadata,
    });
  }
}

function objectHeaders(object: FakeS3Object): Record<string, string> {
  return {
    'content-type': object.contentType,
    etag: object.etag,
    'last-modified': object.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
    ...Object.fromEntries(
      Object.entries(object.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v]),
    ),
  };
}

export function createS3Fake(): AwsServiceFake {
  return new FakeS3();
}
