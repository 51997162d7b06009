import { RestXmlNode, restXmlDocument } from './restXml';
import { seededId } from './serviceData';
import { S3Error, S3ObjectStore } from './s3Store';

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

const invalidArgument = (message: string) =>
  new S3Error(400, 'InvalidArgument', message);

/** Continuation tokens: opaque base64 of the last key or bucket name listed. */
const keyToken = (key: string) =>
  Buffer.from(`after:${key}`).toString('base64');

function tokenKey(token: string): string {
  const text = Buffer.from(token, 'base64').toString('utf8');
  if (!text.startsWith('after:')) {
    throw invalidArgument('The continuation token provided is incorrect');
  }
  return text.slice('after:'.length);
}

/** ListBuckets: by name, `max-buckets` a page, optionally of one prefix or region. */
export function listBucketsXml(
  store: S3ObjectStore,
  q: URLSearchParams,
  regionAllowed: boolean,
): string {
  const maxText = q.get('max-buckets');
  const max = maxText === null ? 10000 : Number(maxText);
  if (!Number.isInteger(max) || max < 1 || max > 10000) {
    throw invalidArgument(
      'Argument max-buckets must be an integer between 1 and 10000.',
    );
  }
  const token = q.get('continuation-token');
  const after = token ? tokenKey(token) : '';
  const prefix = q.get('prefix') ?? '';
  const region = q.get('bucket-region');
  const matching = [...store.buckets.values()]
    .filter(
      b =>
        b.name > after &&
        b.name.startsWith(prefix) &&
        (!region || b.region === region),
    )
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const page = matching.slice(0, max);
  // S3 adds BucketRegion when the request has any of these parameters.
  const withRegion =
    regionAllowed &&
    ['max-buckets', 'continuation-token', 'prefix', 'bucket-region'].some(p =>
      q.has(p),
    );
  return restXmlDocument('ListAllMyBucketsResult', S3_XMLNS, {
    Buckets: {
      Bucket: page.map(b => ({
        Name: b.name,
        CreationDate: b.creationDate.toISOString(),
        BucketRegion: withRegion ? b.region : undefined,
        BucketArn: `arn:aws:s3:::${b.name}`,
      })),
    },
    Owner: { ID: seededId('owner', 64) },
    ContinuationToken:
      matching.length > max ? keyToken(page[page.length - 1].name) : undefined,
    Prefix: q.has('prefix') ? prefix : undefined,
  });
}

/** ListObjectsV2 of a bucket, its continuation token the last entry listed. */
export function listObjectsV2Xml(
  store: S3ObjectStore,
  bucket: string,
  q: URLSearchParams,
): string {
  const maxText = q.get('max-keys');
  const maxKeys = maxText === null ? 1000 : Number(maxText);
  if (!Number.isInteger(maxKeys) || maxKeys < 0) {
    throw invalidArgument(
      'Provided max-keys not an integer or within integer range',
    );
  }
  const token = q.get('continuation-token') ?? undefined;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') || undefined;
  const startAfter = q.get('start-after') ?? undefined;
  const encode = q.get('encoding-type') === 'url';
  const text = (s: string) =>
    encode ? encodeURIComponent(s).replace(/%2F/g, '/') : s;
  const page = store.listObjects(bucket, {
    prefix,
    delimiter,
    maxKeys: Math.min(maxKeys, 1000),
    startAfter: token ? tokenKey(token) : startAfter,
  });
  const body: RestXmlNode = {
    Name: bucket,
    Prefix: text(prefix),
    Delimiter: delimiter && text(delimiter),
    MaxKeys: maxKeys,
    EncodingType: encode ? 'url' : undefined,
    KeyCount: page.contents.length + page.commonPrefixes.length,
    IsTruncated: page.isTruncated,
    ContinuationToken: token,
    NextContinuationToken:
      page.isTruncated && page.last ? keyToken(page.last) : undefined,
    StartAfter: startAfter && text(startAfter),
    Contents: page.contents.map(o => ({
      Key: text(o.key),
      LastModified: o.lastModified.toISOString(),
      ETag: o.etag,
      Size: o.body.length,
      StorageClass: 'STANDARD',
    })),
    CommonPrefixes: page.commonPrefixes.map(p => ({ Prefix: text(p) })),
  };
  return restXmlDocument('ListBucketResult', S3_XMLNS, body);
}
