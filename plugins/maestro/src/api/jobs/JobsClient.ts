import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { requestJson } from '../requestJson';
import {
  Job,
  JobInput,
  JobInputError,
  JobRun,
  JobsApi,
  ScheduledWork,
} from './JobsApi';

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
  async scheduledWork() {
    return (
      await this.call<{ items: ScheduledWork[] }>('GET', '/scheduler/work')
    ).items;
  }
  async runWork(work: ScheduledWork) {
    await this.call<unknown>('POST', work.runPath);
  }
  async setWorkEnabled(work: ScheduledWork, enabled: boolean) {
    if (!work.enablePath) throw new Error(`${work.name} cannot be switched`);
    await this.call<unknown>('PUT', work.enablePath, { enabled });
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
