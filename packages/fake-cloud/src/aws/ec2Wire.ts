/** What every EC2 action shares: the namespace, errors, paging, filters. */
import type { FakeAwsRegion, FakeTag } from './awsData';
import { XmlNode, document, escapeXml, renderNode } from './xml';

export const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** An error in EC2's format (`Response/Errors/Error`), with its HTTP status. */
export class AwsError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export function ec2ErrorBody(error: AwsError, requestId: string) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${
    error.code
  }</Code><Message>${escapeXml(
    error.message,
  )}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`;
}

export const tagSet = (tags: FakeTag[]) =>
  tags.map(t => ({ key: t.key, value: t.value }));

/** Reads MaxResults/NextToken and returns the page and the next token. */
export function page<T>(
  items: T[],
  params: URLSearchParams,
  limits: { min: number; max: number; defaultSize: number },
): { items: T[]; nextToken?: string } {
  const maxText = params.get('MaxResults');
  const size = maxText ? Number(maxText) : limits.defaultSize;
  if (!Number.isInteger(size) || size < limits.min || size > limits.max) {
    throw new AwsError(
      400,
      'InvalidParameterValue',
      `Value ( ${maxText} ) for parameter maxResults is invalid. Expecting a value between ${limits.min} and ${limits.max}.`,
    );
  }
  const token = params.get('NextToken');
  let offset = 0;
  if (token) {
    const decoded = Number(
      Buffer.from(token, 'base64')
        .toString('utf8')
        .replace(/^offset:/, ''),
    );
    if (!Number.isInteger(decoded) || decoded < 0) {
      throw new AwsError(400, 'InvalidParameterValue', 'The token is invalid.');
    }
    offset = decoded;
  }
  const slice = items.slice(offset, offset + size);
  const next = offset + size;
  return {
    items: slice,
    nextToken:
      next < items.length
        ? Buffer.from(`offset:${next}`).toString('base64')
        : undefined,
  };
}

/** `Filter.N.Name` / `Filter.N.Value.M` pairs. */
export function filters(params: URLSearchParams): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of params) {
    const m = /^Filter\.(\d+)\.Name$/.exec(key);
    if (!m) continue;
    const values: string[] = [];
    for (let i = 1; params.has(`Filter.${m[1]}.Value.${i}`); i++) {
      values.push(params.get(`Filter.${m[1]}.Value.${i}`)!);
    }
    out.set(value, values);
  }
  return out;
}

export type Ec2Handler = (
  region: FakeAwsRegion,
  params: URLSearchParams,
  ctx: { accountId: string; requestId: string; regions: string[] },
) => string;

export const respond = (action: string, requestId: string, body: XmlNode) =>
  document(`${action}Response`, EC2_XMLNS, renderNode({ requestId, ...body }));
