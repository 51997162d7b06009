import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  FieldError,
  Job,
  JobInput,
  JobPeriod,
  JobRun,
  ScheduledWork,
} from '@maestro/plugin-maestro-common';

export type { Job, JobInput, JobPeriod, JobRun, ScheduledWork };

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
  /** Discovery tasks and report refreshes that Maestro schedules itself. */
  scheduledWork(): Promise<ScheduledWork[]>;
  runWork(work: ScheduledWork): Promise<void>;
  setWorkEnabled(work: ScheduledWork, enabled: boolean): Promise<void>;
}

/** @public */
export const jobsApiRef = createApiRef<JobsApi>().with({
  id: 'plugin.maestro.jobs',
  pluginId: 'maestro',
});
