import { FakeResponse, jsonResponse } from '../http';

/** The OpenStack services the fake serves, by catalog type. */
export type OpenStackServiceType =
  | 'identity'
  | 'compute'
  | 'block-storage'
  | 'image'
  | 'network'
  | 'load-balancer';

/** An error a handler throws; each service renders it in its own format. */
export class OpenStackFault extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Nova's and Cinder's fault names (`{"forbidden": {"code": 403, ...}}`). */
const FAULT_NAMES: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  413: 'overLimit',
  429: 'overLimit',
  503: 'serviceUnavailable',
};

/** Neutron's exception types. */
const NEUTRON_TYPES: Record<number, string> = {
  400: 'BadRequest',
  403: 'PolicyNotAuthorized',
  404: 'NotFound',
  413: 'OverQuota',
  429: 'OverLimit',
  503: 'ServiceUnavailable',
};

/**
 * Renders a fault as the service answers it: Nova and Cinder wrap it in a
 * named object, Neutron in `NeutronError`, Octavia (WSME) as
 * faultcode/faultstring, Glance as WebOb's JSON error, Keystone as `error`.
 */
export function renderFault(
  service: OpenStackServiceType,
  fault: OpenStackFault,
): FakeResponse {
  const { status, message, headers } = fault;
  const title = STATUS_TITLES[status] ?? 'Error';
  switch (service) {
    case 'identity':
      return jsonResponse(
        status,
        { error: { code: status, message, title } },
        headers,
      );
    case 'compute':
    case 'block-storage': {
      const name = FAULT_NAMES[status] ?? 'computeFault';
      const body: Record<string, unknown> = { code: status, message };
      if (name === 'overLimit' && headers['Retry-After']) {
        body.retryAfter = headers['Retry-After'];
      }
      return jsonResponse(status, { [name]: body }, headers);
    }
    case 'network':
      return jsonResponse(
        status,
        {
          NeutronError: {
            type: NEUTRON_TYPES[status] ?? 'NeutronException',
            message,
            detail: '',
          },
        },
        headers,
      );
    case 'load-balancer':
      return jsonResponse(
        status,
        {
          faultcode: status < 500 ? 'Client' : 'Server',
          faultstring: message,
          debuginfo: null,
        },
        headers,
      );
    case 'image':
    default:
      return jsonResponse(
        status,
        { message, code: `${status} ${title}`, title },
        headers,
      );
  }
}

/** keystonemiddleware's answer to a missing, bad or expired X-Auth-Token. */
export function unauthorized(identityUrl: string): FakeResponse {
  return jsonResponse(
    401,
    {
      error: {
        code: 401,
        title: 'Unauthorized',
        message: 'The request you have made requires authentication.',
      },
    },
    { 'WWW-Authenticate': `Keystone uri="${identityUrl}"` },
  );
}

/** What each service says when policy denies a call. */
export function forbiddenMessage(
  service: OpenStackServiceType,
  policy: string,
): string {
  switch (service) {
    case 'compute':
    case 'block-storage':
      return `Policy doesn't allow ${policy} to be performed.`;
    case 'network':
      return `rule:${policy} is disallowed by policy`;
    case 'image':
      return `You are not authorized to complete ${policy} action.`;
    case 'load-balancer':
      // Octavia does not name the rule.
      return 'Policy does not allow this request to be performed.';
    default:
      return 'You are not authorized to perform the requested action.';
  }
}

/** What each service says when rate limited (the proxy's or its own). */
export function overLimitMessage(service: OpenStackServiceType): string {
  return service === 'compute' || service === 'block-storage'
    ? 'This request was rate-limited.'
    : 'Too many requests, please slow down.';
}

/** The internal error each service answers mid-scan. */
export function internalErrorMessage(service: OpenStackServiceType): string {
  switch (service) {
    case 'compute':
      return "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n<class 'oslo_db.exception.DBConnectionError'>";
    case 'network':
      return 'Request Failed: internal server error while processing your request.';
    default:
      return 'The server has either erred or is incapable of performing the requested operation.';
  }
}
