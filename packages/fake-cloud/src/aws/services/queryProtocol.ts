import { FakeRequest, FakeResponse } from '../../http';
import { AwsError } from '../ec2';
import { escapeXml } from '../xml';
import { AwsServiceContext, AwsServiceFake } from './types';
import { decodeToken, encodeToken, pageOf } from './serviceData';

/**
 * The AWS Query protocol as ELB, RDS, Auto Scaling, ElastiCache and SES
 * speak it: form-encoded `Action`/`Version` requests, answers wrapped in
 * `<ActionResponse><ActionResult>` with `<ResponseMetadata>`, lists as
 * `<member>` (or a service's own element name), maps as `<entry>`, and
 * errors as `<ErrorResponse><Error>`.
 */

/** A list rendered with `<member>` elements, or the service's own name. */
export class QueryList {
  constructor(readonly items: QueryValue[], readonly memberName = 'member') {}
}

/** A map rendered as `<entry><key/><value/></entry>`. */
export class QueryMap {
  constructor(readonly entries: Array<[string, QueryValue]>) {}
}

export type QueryValue =
  | string
  | number
  | boolean
  | undefined
  | null
  | QueryList
  | QueryMap
  | QueryNode;

export type QueryNode = { [name: string]: QueryValue };

export const members = (items: QueryValue[], memberName?: string) =>
  new QueryList(items, memberName);

function render(value: QueryValue): string {
  if (value === undefined || value === null) return '';
  if (value instanceof QueryList) {
    return value.items
      .map(item => `<${value.memberName}>${render(item)}</${value.memberName}>`)
      .join('');
  }
  if (value instanceof QueryMap) {
    return value.entries
      .map(
        ([k, v]) =>
          `<entry><key>${escapeXml(k)}</key><value>${render(
            v,
          )}</value></entry>`,
      )
      .join('');
  }
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([name, v]) => `<${name}>${render(v)}</${name}>`)
      .join('');
  }
  return escapeXml(String(value));
}

/** The form parameters of a request (POST body, or the query string of a GET). */
export function queryParams(request: FakeRequest): URLSearchParams {
  const text = request.body.toString('utf8');
  return new URLSearchParams(text || request.query.toString());
}

/** `Name.member.1`, `Name.member.2`... of a request. */
export function memberList(params: URLSearchParams, name: string): string[] {
  const out: string[] = [];
  for (let i = 1; params.has(`${name}.member.${i}`); i++) {
    out.push(params.get(`${name}.member.${i}`)!);
  }
  return out;
}

/** Paging parameters as one service names and bounds them. */
export interface QueryPaging {
  /** Request parameter of the token, e.g. `Marker` or `NextToken`. */
  tokenParam: string;
  /** Request parameter of the page size, e.g. `PageSize` or `MaxRecords`. */
  sizeParam: string;
  min: number;
  max: number;
  defaultSize: number;
  /** The error a size out of bounds gets, as the service words it. */
  sizeError(value: string): AwsError;
  /** The error of a token the fake did not give; InvalidParameterValue by default. */
  tokenError?(token: string): AwsError;
}

/** One page of `items` and the token of the next, or an error as AWS sends it. */
export function queryPage<T>(
  items: T[],
  params: URLSearchParams,
  paging: QueryPaging,
): { items: T[]; token?: string } {
  const sizeText = params.get(paging.sizeParam);
  const size = sizeText ? Number(sizeText) : paging.defaultSize;
  if (!Number.isInteger(size) || size < paging.min || size > paging.max) {
    throw paging.sizeError(sizeText ?? '');
  }
  const token = params.get(paging.tokenParam);
  const offset = token
    ? decodeToken(
        token,
        () =>
          paging.tokenError?.(token) ??
          new AwsError(
            400,
            'InvalidParameterValue',
            `Invalid ${paging.tokenParam}: ${token}`,
          ),
      )
    : 0;
  const page = pageOf(items, offset, size);
  return {
    items: page.items,
    token: page.next === undefined ? undefined : encodeToken(page.next),
  };
}

/** The AWS wording of a length constraint (ELB, Auto Scaling). */
export function validationError(
  field: string,
  value: string,
  max: number,
  min = 1,
) {
  const bound =
    Number(value) > max
      ? `less than or equal to ${max}`
      : `greater than or equal to ${min}`;
  return new AwsError(
    400,
    'ValidationError',
    `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must have value ${bound}`,
  );
}

export type QueryHandler = (
  params: URLSearchParams,
  context: AwsServiceContext,
) => QueryNode;

/** One API version of a service: its XML namespace and actions. */
export interface QueryApi {
  xmlns: string;
  actions: Record<string, QueryHandler>;
}

/**
 * A Query-protocol service fake: routes by `Version` (ELB serves two APIs
 * under one signing name) and `Action`, wraps results and errors.
 */
export function queryService(apis: Record<string, QueryApi>): AwsServiceFake {
  const xmlHeaders = (requestId: string) => ({
    'content-type': 'text/xml',
    'x-amzn-requestid': requestId,
  });
  return {
    action: request => queryParams(request).get('Action') ?? 'Unknown',
    handle(request, context): FakeResponse {
      const params = queryParams(request);
      const action = params.get('Action') ?? '';
      const version = params.get('Version') ?? '';
      const api = apis[version];
      const handler = api?.actions[action];
      if (!api || !handler) {
        throw new AwsError(
          400,
          'InvalidAction',
          `Could not find operation ${action} for version ${version}`,
        );
      }
      const result = render(handler(params, context));
      return {
        status: 200,
        headers: xmlHeaders(context.requestId),
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${api.xmlns}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${context.requestId}</RequestId></ResponseMetadata></${action}Response>`,
      };
    },
    error: (error, requestId) => ({
      status: error.status,
      headers: xmlHeaders(requestId),
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Type>${
        error.status >= 500 ? 'Receiver' : 'Sender'
      }</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(
        error.message,
      )}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    }),
  };
}
