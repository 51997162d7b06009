import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { Job, JobInput, JobInputError, JobRun, JobsApi } from './JobsApi';

/** Default {@link JobsApi}, on the backend's `/jobs`. @public */
export class JobsClient implements JobsApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async list() {
    return (await this.call<{ items: Job[] }>('GET', '/jobs')).items;
  }
  create(input: JobInput) {
    return this.call<Job>('POST', '/jobs', input);
  }
  update(id: string, input: JobInput) {
    return this.call<Job>('PUT', `/jobs/${encodeURIComponent(id)}`, input);
  }
  async delete(id: string) {
    await this.call<void>('DELETE', `/jobs/${encodeURIComponent(id)}`);
  }
  run(id: string) {
    return this.call<JobRun>('POST', `/jobs/${encodeURIComponent(id)}/run`);
  }
  async runs(id: string) {
    return (
      await this.call<{ items: JobRun[] }>(
        'GET',
        `/jobs/${encodeURIComponent(id)}/runs`,
      )
    ).items;
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const base = await this.deps.discoveryApi.getBaseUrl('maestro');
    const response = await this.deps.fetchApi.fetch(`${base}${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.status === 400) {
      const payload = await response.json().catch(() => ({}));
      if (Array.isArray(payload.fieldErrors))
        throw new JobInputError(
          payload.error?.message ?? 'Invalid job',
          payload.fieldErrors,
        );
    }
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.status === 204 ? (undefined as T) : response.json();
  }
}
