import { createHash, createHmac, timingSafeEqual } from 'crypto';
import { FakeRequest } from '../http';

/** Why a SigV4-signed request was refused, as S3 names it. */
export type SigV4Failure = {
  code: 'AccessDenied' | 'InvalidAccessKeyId' | 'SignatureDoesNotMatch';
  message: string;
};

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

const sha256 = (value: string | Buffer) =>
  createHash('sha256').update(value).digest('hex');
const hmac = (key: string | Buffer, value: string) =>
  createHmac('sha256', key).update(value).digest();

/** RFC 3986 encoding, as SigV4 canonical query strings take it. */
function encode(value: string) {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Canonical query order: by encoded key, then by encoded value. */
function byKeyThenValue(a: string[], b: string[]) {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] === b[1]) return 0;
  return a[1] < b[1] ? -1 : 1;
}

function header(request: FakeRequest, name: string): string {
  const value = request.headers[name];
  return (Array.isArray(value) ? value.join(',') : value ?? '')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * Checks an S3 request's AWS Signature Version 4 (header form) against the
 * secret of its access key, the way S3-compatible stores do: the canonical
 * request of S3 (path as sent, not normalised), the signed headers, the
 * payload hash the client declared.
 *
 * @param fullPath - the request path as the client signed it (with any
 *   prefix the fake cloud strips before routing).
 */
export function verifySigV4(
  request: FakeRequest,
  fullPath: string,
  secretOf: (accessKeyId: string) => string | undefined,
): { accessKeyId: string; region: string } | SigV4Failure {
  const m = AUTHORIZATION.exec(header(request, 'authorization'));
  if (!m) {
    return {
      code: 'AccessDenied',
      message: 'Anonymous access is not allowed: sign the request with SigV4.',
    };
  }
  const [, accessKeyId, date, region, service, signedHeaders, signature] = m;
  const secret = secretOf(accessKeyId);
  if (secret === undefined) {
    return {
      code: 'InvalidAccessKeyId',
      message: 'The access key ID you provided does not exist in our records.',
    };
  }
  const query = [...request.query.entries()]
    .map(([k, v]) => [encode(k), encode(v)])
    .sort(byKeyThenValue)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const names = signedHeaders.split(';');
  const canonicalRequest = [
    request.method,
    fullPath,
    query,
    names.map(n => `${n}:${header(request, n)}\n`).join(''),
    signedHeaders,
    header(request, 'x-amz-content-sha256') || sha256(request.body),
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    header(request, 'x-amz-date'),
    scope,
    sha256(canonicalRequest),
  ].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${secret}`, date), region), service),
    'aws4_request',
  );
  const expected = createHmac('sha256', key).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    return {
      code: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided.',
    };
  }
  return { accessKeyId, region };
}
