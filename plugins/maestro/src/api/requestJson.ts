import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { FieldError } from '@maestro/plugin-maestro-common';

/** What every client of the maestro backend is built from. */
export interface MaestroFetchDeps {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}

/**
 * One request to the maestro backend, with the user's token; the response
 * when it is a success. A 400 that names fields becomes the caller's own
 * error when it gives `fieldErrors` (so a form can show each beside its
 * field); any other failure is a ResponseError.
 */
export async function fetchMaestro(
  deps: MaestroFetchDeps,
  method: string,
  path: string,
  body?: unknown,
  fieldErrors?: (message: string, errors: FieldError[]) => Error,
): Promise<Response> {
  const base = await deps.discoveryApi.getBaseUrl('maestro');
  const url = `${base}${path}`;
  const response =
    method === 'GET' && body === undefined
      ? await deps.fetchApi.fetch(url)
      : await deps.fetchApi.fetch(url, {
          method,
          headers:
            body !== undefined
              ? { 'Content-Type': 'application/json' }
              : undefined,
          body: body !== undefined ? JSON.stringify(body) : undefined,
        });
  if (response.status === 400 && fieldErrors) {
    const payload = await response
      .clone()
      .json()
      .catch(() => ({}));
    if (Array.isArray(payload?.fieldErrors) && payload.fieldErrors.length)
      throw fieldErrors(
        payload.error?.message ?? 'Invalid input',
        payload.fieldErrors,
      );
  }
  if (!response.ok) throw await ResponseError.fromResponse(response);
  return response;
}

/** {@link fetchMaestro} answering the response's JSON (nothing for a 204). */
export async function requestJson<T>(
  deps: MaestroFetchDeps,
  method: string,
  path: string,
  body?: unknown,
  fieldErrors?: (message: string, errors: FieldError[]) => Error,
): Promise<T> {
  const response = await fetchMaestro(deps, method, path, body, fieldErrors);
  return response.status === 204 ? (undefined as T) : response.json();
}
