import http from 'http';

/** A request as a provider fake sees it (path without the provider prefix). */
export interface FakeRequest {
  method: string;
  /** e.g. `/subscriptions/x/providers/...`, without the provider prefix. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /**
   * Where the provider is served, e.g. `https://127.0.0.1:4567/azure`, for
   * the absolute links some APIs return (ARM's `nextLink`).
   */
  baseUrl?: string;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

/** One provider's fake: answers requests under its path prefix. */
export interface FakeProvider {
  handle(request: FakeRequest): FakeResponse | Promise<FakeResponse>;
}

/** A JSON answer, as the REST providers (ARM, DigitalOcean, OpenStack) send. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): FakeResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}
