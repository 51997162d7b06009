import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { requestJson } from '../requestJson';
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

  private call<T = void>(method: string, path: string, body?: unknown) {
    return requestJson<T>(
      this.deps,
      method,
      path,
      body,
      (message, errors) => new JobInputError(message, errors),
    );
  }
}
