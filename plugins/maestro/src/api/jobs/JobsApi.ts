import { createApiRef } from '@backstage/frontend-plugin-api';
import { FieldError } from '@maestro/plugin-maestro-common';

/** @public */
export type JobPeriod =
  | { type: 'interval'; seconds: number }
  | { type: 'cron'; cron: string }
  | { type: 'chain'; afterJobId: string; countdownSeconds: number };

/** @public */
export interface JobInput {
  name: string;
  enabled: boolean;
  period: JobPeriod;
  webhook: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    /** Values come back masked; sending a mask back keeps the stored value. */
    headers?: Record<string, string>;
    body?: string;
  };
}

/** @public */
export interface Job extends JobInput {
  id: string;
  type: 'webhook';
  nextRunAt?: string;
  totalRuns: number;
  lastRunAt?: string;
  lastOutcome?: 'success' | 'failure';
  createdAt: string;
  createdBy: string;
}

/** @public */
export interface JobRun {
  id: string;
  jobId: string;
  trigger: 'schedule' | 'manual' | 'chain';
  startedAt: string;
  durationMs?: number;
  outcome?: 'success' | 'failure';
  message?: string;
}

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
