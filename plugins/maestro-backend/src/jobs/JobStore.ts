import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { Job, JobInput, JobRun, RunTrigger } from './types';

const JOBS = 'maestro_jobs';
const RUNS = 'maestro_job_runs';

/** Encrypts what must not be stored in clear (webhook headers). */
export interface SecretBox {
  encrypt(values: Record<string, string>): string;
  decrypt(stored: string): Record<string, string>;
}

function periodOf(row: any): Job['period'] {
  if (row.period_type === 'interval')
    return { type: 'interval', seconds: Number(row.interval_seconds) };
  if (row.period_type === 'cron') return { type: 'cron', cron: row.cron };
  return {
    type: 'chain',
    afterJobId: row.after_job_id,
    countdownSeconds: Number(row.countdown_seconds),
  };
}

function toJob(row: any, box?: SecretBox): Job {
  const spec = JSON.parse(row.spec);
  const headers =
    spec.encryptedHeaders && box
      ? box.decrypt(spec.encryptedHeaders)
      : undefined;
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    enabled: Boolean(row.enabled),
    period: periodOf(row),
    webhook: { ...spec.webhook, ...(headers ? { headers } : {}) },
    nextRunAt: row.next_run_at ?? undefined,
    totalRuns: Number(row.total_runs),
    lastRunAt: row.last_run_at ?? undefined,
    lastOutcome: row.last_outcome ?? undefined,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

function toRun(row: any): JobRun {
  return {
    id: row.id,
    jobId: row.job_id,
    trigger: row.trigger,
    startedAt: row.started_at,
    finishedAt: row.finished_at ?? undefined,
    durationMs: row.duration_ms ?? undefined,
    outcome: row.outcome ?? undefined,
    message: row.message ?? undefined,
  };
}

/** Jobs and their runs, in the Maestro database. */
export class JobStore {
  constructor(private readonly db: Knex, private readonly box?: SecretBox) {}

  private columns(input: JobInput, nextRunAt: string | undefined) {
    const { headers, ...webhook } = input.webhook;
    const hasHeaders = headers && Object.keys(headers).length > 0;
    return {
      name: input.name,
      type: 'webhook',
      enabled: input.enabled,
      period_type: input.period.type,
      interval_seconds:
        input.period.type === 'interval' ? input.period.seconds : null,
      cron: input.period.type === 'cron' ? input.period.cron : null,
      after_job_id:
        input.period.type === 'chain' ? input.period.afterJobId : null,
      countdown_seconds:
        input.period.type === 'chain' ? input.period.countdownSeconds : 0,
      spec: JSON.stringify({
        webhook,
        ...(hasHeaders
          ? { encryptedHeaders: this.box!.encrypt(headers!) }
          : {}),
      }),
      next_run_at: input.enabled ? nextRunAt ?? null : null,
    };
  }

  async create(
    input: JobInput,
    actor: string,
    nextRunAt?: string,
  ): Promise<Job> {
    const now = new Date().toISOString();
    const id = uuid();
    await this.db(JOBS).insert({
      id,
      ...this.columns(input, nextRunAt),
      total_runs: 0,
      created_at: now,
      created_by: actor,
      updated_at: now,
    });
    return (await this.get(id))!;
  }

  async update(
    id: string,
    input: JobInput,
    nextRunAt?: string,
  ): Promise<Job | undefined> {
    const count = await this.db(JOBS)
      .where({ id })
      .update({
        ...this.columns(input, nextRunAt),
        updated_at: new Date().toISOString(),
      });
    return count ? this.get(id) : undefined;
  }

  async get(id: string): Promise<Job | undefined> {
    const row = await this.db(JOBS).where({ id }).first();
    return row ? toJob(row, this.box) : undefined;
  }

  async list(): Promise<Job[]> {
    return (await this.db(JOBS).orderBy('name')).map(row =>
      toJob(row, this.box),
    );
  }

  async delete(id: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      const count = await tx(JOBS).where({ id }).delete();
      await tx(RUNS).where({ job_id: id }).delete();
      // A chain that followed the deleted job has nothing left to follow.
      await tx(JOBS)
        .where({ after_job_id: id })
        .update({ enabled: false, next_run_at: null });
      return count > 0;
    });
  }

  /** Jobs that follow `id` in a chain. */
  async chainedAfter(id: string): Promise<Job[]> {
    return (await this.db(JOBS).where({ after_job_id: id, enabled: true })).map(
      row => toJob(row, this.box),
    );
  }

  /**
   * Claims the jobs due at `now`: moves each one's next run forward in the
   * same statement that selects it, so two replicas never claim one run.
   */
  async claimDue(
    now: Date,
    next: (job: Job) => string | undefined,
  ): Promise<Job[]> {
    const due = await this.db(JOBS)
      .where({ enabled: true })
      .whereNotNull('next_run_at')
      .where('next_run_at', '<=', now.toISOString());
    const claimed: Job[] = [];
    for (const row of due) {
      const job = toJob(row, this.box);
      const updated = await this.db(JOBS)
        .where({ id: row.id, next_run_at: row.next_run_at })
        .update({ next_run_at: next(job) ?? null });
      if (updated) claimed.push(job);
    }
    return claimed;
  }

  async setNextRun(id: string, at: string) {
    await this.db(JOBS)
      .where({ id, enabled: true })
      .update({ next_run_at: at });
  }

  async startRun(jobId: string, trigger: RunTrigger): Promise<JobRun> {
    const run = {
      id: uuid(),
      job_id: jobId,
      trigger,
      started_at: new Date().toISOString(),
    };
    await this.db(RUNS).insert(run);
    return toRun(run);
  }

  async finishRun(
    run: JobRun,
    outcome: 'success' | 'failure',
    message: string,
  ) {
    const finished = new Date();
    const durationMs = finished.getTime() - new Date(run.startedAt).getTime();
    await this.db(RUNS)
      .where({ id: run.id })
      .update({
        finished_at: finished.toISOString(),
        duration_ms: durationMs,
        outcome,
        message: message.slice(0, 2000),
      });
    await this.db(JOBS)
      .where({ id: run.jobId })
      .update({
        total_runs: this.db.raw('total_runs + 1'),
        last_run_at: run.startedAt,
        last_outcome: outcome,
      });
    return {
      ...run,
      finishedAt: finished.toISOString(),
      durationMs,
      outcome,
      message,
    };
  }

  async runs(jobId: string, limit = 50): Promise<JobRun[]> {
    return (
      await this.db(RUNS)
        .where({ job_id: jobId })
        .orderBy('started_at', 'desc')
        .limit(limit)
    ).map(toRun);
  }
}
