import { mockCredentials } from '@backstage/backend-test-utils';

/** A request's outcome: its status and parsed JSON body. */
export interface PortalResponse {
  status: number;
  body: any;
}

/**
 * Requests to a test backend's API as a signed-in user, as the portal's
 * pages make them.
 */
export function portalRequests(port: number) {
  const as = async (
    user: string,
    method: string,
    url: string,
    body?: unknown,
  ): Promise<PortalResponse> => {
    const response = await fetch(`http://localhost:${port}/api${url}`, {
      method,
      headers: {
        authorization: mockCredentials.user.header(user),
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  };
  /** As `as`, throwing on a status of 300 and above; answers the body. */
  const ok = async (
    user: string,
    method: string,
    url: string,
    body?: unknown,
  ): Promise<any> => {
    const response = await as(user, method, url, body);
    if (response.status >= 300) {
      throw new Error(
        `${method} ${url} as ${user}: ${response.status} ${JSON.stringify(
          response.body,
        )}`,
      );
    }
    return response.body;
  };
  return { as, ok };
}

/** Polls until the condition holds: the catalog, search and email work in the background. */
export async function waitUntil(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 40_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting ${what}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
