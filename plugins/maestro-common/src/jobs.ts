/**
 * Scheduled jobs (Scheduler page): what the API takes and answers, shared by
 * the backend that runs them and the page that edits them.
 */

/** What a webhook job sends. */
export interface WebhookSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * When a job runs: every N seconds, on a cron expression, or after another
 * job succeeds (a chain), `countdownSeconds` later.
 */
export type JobPeriod =
  | { type: 'interval'; seconds: number }
  | { type: 'cron'; cron: string }
  | { type: 'chain'; afterJobId: string; countdownSeconds: number };

export interface JobInput {
  name: string;
  enabled: boolean;
  period: JobPeriod;
  webhook: WebhookSpec;
}

/** A job as the API shows it: header values come back masked. */
export interface Job extends JobInput {
  id: string;
  type: 'webhook';
  nextRunAt?: string;
  totalRuns: number;
  lastRunAt?: string;
  lastOutcome?: 'success' | 'failure';
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export type RunTrigger = 'schedule' | 'manual' | 'chain';

export interface JobRun {
  id: string;
  jobId: string;
  trigger: RunTrigger;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  outcome?: 'success' | 'failure';
  message?: string;
}

/**
 * Work Maestro schedules itself, listed on the Scheduler page beside the
 * custom jobs: each discovery task of each connection, and each report
 * refreshed on a schedule.
 */
export interface ScheduledWork {
  /** `discovery:<connection>:<task>` or `report:<id>`. */
  id: string;
  module: 'discovery' | 'reports';
  name: string;
  enabled: boolean;
  /** e.g. `every 24 hours`. */
  period: string;
  lastRunAt?: string;
  nextRunAt?: string;
  outcome?: 'success' | 'warning' | 'danger';
  message?: string;
  running?: boolean;
  /** Where "run now" posts, relative to the Maestro API. */
  runPath: string;
  /** Where enable/disable puts `{ enabled }`, when it can be switched. */
  enablePath?: string;
}
