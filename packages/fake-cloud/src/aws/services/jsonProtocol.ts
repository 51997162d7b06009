import { FakeRequest, FakeResponse } from '../../http';
import { AwsError } from '../ec2';

/**
 * Wire helpers of AWS's JSON protocols: AWS JSON 1.0 (SQS, DynamoDB: POST
 * with `X-Amz-Target`) and REST-JSON (Lambda, API Gateway: HTTP verbs and
 * paths, errors named in `x-amzn-ErrorType`).
 */

/** The operation of an AWS JSON request: `AmazonSQS.ListQueues` -> `ListQueues`. */
export function jsonTarget(request: FakeRequest, prefix: string): string {
  const target = String(request.headers['x-amz-target'] ?? '');
  return target.startsWith(`${prefix}.`)
    ? target.slice(prefix.length + 1)
    : 'Unknown';
}

/** The request body as JSON, or the SerializationException AWS answers. */
export function jsonBody(request: FakeRequest): Record<string, any> {
  const text = request.body.toString('utf8');
  if (!text) return {};
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed;
    }
  } catch {
    // Answered below, as the services do.
  }
  throw new AwsError(
    400,
    'SerializationException',
    'Start of structure or map found where not expected.',
  );
}

export function awsJsonResponse(body: unknown, requestId: string) {
  return {
    status: 200,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': requestId,
    },
    body: JSON.stringify(body),
  };
}

export function restJsonResponse(
  status: number,
  body: unknown,
  requestId: string,
): FakeResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-requestid': requestId,
    },
    body: JSON.stringify(body),
  };
}

/** How one service names and answers an error. */
export interface ServiceError {
  /** Shape name, e.g. `ResourceNotFoundException`. */
  code: string;
  /** Namespace of `__type`, e.g. `com.amazonaws.dynamodb.v20120810`. */
  namespace: string;
  status: number;
  message: string;
  /** SQS (awsQueryCompatible): the Query-protocol code and fault. */
  queryError?: string;
  headers?: Record<string, string>;
  /** Extra body members, e.g. Lambda's `Type`. */
  extra?: Record<string, unknown>;
}

/** `{"__type": "ns#Code", "message": ...}`, as AWS JSON 1.0 services answer. */
export function awsJsonError(
  error: ServiceError,
  requestId: string,
): FakeResponse {
  return {
    status: error.status,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': requestId,
      ...(error.queryError ? { 'x-amzn-query-error': error.queryError } : {}),
      ...error.headers,
    },
    body: JSON.stringify({
      __type: `${error.namespace}#${error.code}`,
      message: error.message,
      ...error.extra,
    }),
  };
}

/** REST-JSON errors: the code in `x-amzn-ErrorType`, the message in the body. */
export function restJsonError(
  error: ServiceError,
  requestId: string,
): FakeResponse {
  return {
    status: error.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': `${error.code}:http://internal.amazon.com/coral/${error.namespace}/`,
      ...error.headers,
    },
    body: JSON.stringify({ message: error.message, ...error.extra }),
  };
}

export const CORAL = 'com.amazon.coral.service';
