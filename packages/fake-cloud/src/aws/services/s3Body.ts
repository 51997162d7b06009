import { S3Error } from './s3Store';

/**
 * Decodes an `aws-chunked` body (what the SDK sends for streams and with
 * trailing checksums): `<hex size>[;chunk-signature=...]\r\n<bytes>\r\n`
 * chunks, a zero-size chunk, then trailer headers.
 */
export function decodeAwsChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  while (pos < body.length) {
    const lineEnd = body.indexOf('\r\n', pos);
    if (lineEnd < 0) break;
    const size = parseInt(
      body.subarray(pos, lineEnd).toString('latin1').split(';')[0],
      16,
    );
    if (!Number.isInteger(size) || size < 0) {
      throw new S3Error(
        400,
        'IncompleteBody',
        'The request body terminated unexpectedly',
      );
    }
    if (size === 0) break;
    pos = lineEnd + 2;
    parts.push(body.subarray(pos, pos + size));
    pos += size + 2;
  }
  return Buffer.concat(parts);
}

/** A `Range: bytes=a-b` header as inclusive offsets, or an InvalidRange error. */
export function parseRange(
  header: string | string[] | undefined,
  length: number,
): { start: number; end: number } | undefined {
  if (typeof header !== 'string') return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (!m[1] && !m[2])) return undefined;
  let start: number;
  let end: number;
  if (!m[1]) {
    start = Math.max(length - Number(m[2]), 0);
    end = length - 1;
  } else {
    start = Number(m[1]);
    end = m[2] ? Math.min(Number(m[2]), length - 1) : length - 1;
  }
  if (start >= length || start > end) {
    throw new S3Error(
      416,
      'InvalidRange',
      'The requested range is not satisfiable',
      {
        RangeRequested: header,
        ActualObjectSize: String(length),
      },
    );
  }
  return { start, end };
}
