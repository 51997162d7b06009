import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  FieldError,
  Job,
  JobInput,
  JobPeriod,
  JobRun,
} from '@maestro/plugin-maestro-common';

export type { Job, JobInput, JobPeriod, JobRun };

/** The server refused a job; `fieldErrors` names each field. @public */
export class JobInputError extends Error {
  constructor(message: string, readonly fieldErrors: FieldError[]) {
    super(message);
    this.name = 'JobInputError';
  }
}

/** @public */
export interface JobsApi {
  list(): Promise<Job[]>;
  create(input: JobInput): Promise<Job>;
  update(id: string, input: JobInput): Promise<Job>;
  delete(id: string): Promise<void>;
  run(id: string): Promise<JobRun>;
  runs(id: string): Promise<JobRun[]>;
}

/** @public */
export const jobsApiRef = createApiRef<JobsApi>().with({
  id: 'plugin.maestro.jobs',
  pluginId: 'maestro',
});
