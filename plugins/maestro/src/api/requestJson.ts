import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { FieldError } from '@maestro/plugin-maestro-common';

/**
 * One JSON request to the maestro backend, with the user's token. A 400
 * that names fields becomes the caller's own error (so a form can show each
 * beside its field); any other failure a ResponseError.
 */
export async function requestJson<T>(
  deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  method: string,
  path: string,
  body: unknown,
  fieldErrors: (message: string, errors: FieldError[]) => Error,
): Promise<T> {
  const base = await deps.discoveryApi.getBaseUrl('maestro');
  const response = await deps.fetchApi.fetch(`${base}${path}`, {
    method,
    headers:
      body !== undefined ? { 'Content-Type': 'application/json' } : undefined,
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (response.status === 400) {
    const payload = await response
      .clone()
      .json()
      .catch(() => ({}));
    if (Array.isArray(payload.fieldErrors))
      throw fieldErrors(
        payload.error?.message ?? 'Invalid input',
        payload.fieldErrors,
      );
  }
  if (!response.ok) throw await ResponseError.fromResponse(response);
  return response.status === 204 ? (undefined as T) : response.json();
}
