import { DiscoveryProviderError } from '@maestro/plugin-maestro-node';
import { DoErrorBody } from './types';

/**
 * An API v2 error answer as the task shows it: 401 is the token, 403 a
 * scope the token lacks (named), anything else the provider's message.
 *
 * @param scope - the token scope the call needs, e.g. `droplet:read`.
 * @param note - what Maestro adds, e.g. why it gave up.
 */
export function apiError(
  status: number,
  body: DoErrorBody | undefined,
  scope: string,
  note?: string,
): DiscoveryProviderError {
  const code = body?.id || `http_${status}`;
  const message = `${code}: ${body?.message || `HTTP ${status}`}${
    note ? ` (${note})` : ''
  }`;
  if (status === 401) {
    return new DiscoveryProviderError({ kind: 'credentials', code, message });
  }
  if (status === 403) {
    return new DiscoveryProviderError({
      kind: 'permission',
      code,
      message: `${message} (the token needs the ${scope} scope)`,
      permission: scope,
    });
  }
  return new DiscoveryProviderError({ kind: 'provider', code, message });
}

/** The error body of an answer, when it has the API's JSON shape. */
export async function readErrorBody(
  response: Response,
): Promise<DoErrorBody | undefined> {
  try {
    const body = await response.json();
    return body && typeof body === 'object' ? (body as DoErrorBody) : undefined;
  } catch {
    return undefined;
  }
}
