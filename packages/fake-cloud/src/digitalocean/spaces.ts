import { randomBytes } from 'crypto';
import { escapeXml } from '../aws/xml';
import { FakeResponse } from '../http';
import { DoSpacesBucket } from './doTypes';

const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** `/spaces/nyc3/...`: the region and what follows it. */
export function spacesPath(path: string) {
  const m = /^\/spaces\/([a-z0-9-]+)(\/.*)?$/.exec(path);
  return m ? { region: m[1], rest: m[2] ?? '/' } : undefined;
}

/** A request id in the style of Spaces (its gateway's transaction ids). */
export function spacesRequestId(region: string) {
  return `tx00000${randomBytes(10).toString('hex')}-${Math.floor(
    Date.now() / 1000,
  ).toString(16)}-${region}a`;
}

/** ListBuckets (`GET /` on a regional endpoint): the Spaces of that region. */
export function listBucketsXml(
  ownerId: string,
  buckets: DoSpacesBucket[],
): FakeResponse {
  const items = buckets
    .map(
      b =>
        `<Bucket><Name>${escapeXml(b.name)}</Name><CreationDate>${
          b.creationDate
        }</CreationDate></Bucket>`,
    )
    .join('');
  return {
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult xmlns="${S3_XMLNS}"><Owner><ID>${ownerId}</ID><DisplayName>${ownerId}</DisplayName></Owner><Buckets>${items}</Buckets></ListAllMyBucketsResult>`,
  };
}

/** An S3 error document, as Spaces answers errors. */
export function spacesError(
  status: number,
  code: string,
  message: string,
  requestId: string,
): FakeResponse {
  return {
    status,
    headers: {
      'content-type': 'application/xml',
      'x-amz-request-id': requestId,
    },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(
      message,
    )}</Message><RequestId>${requestId}</RequestId><HostId>${requestId}</HostId></Error>`,
  };
}
