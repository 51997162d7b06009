import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { JobStore } from './JobStore';
import { Job, JobInput, JobRun, RunTrigger } from './types';
import { nextRunAfter } from './nextRun';
import { AddressPolicy } from './webhook/addressPolicy';
import { callWebhook } from './webhook/callWebhook';

/** How often the Backstage scheduler looks for due jobs (one replica at a time). */
export const TICK_SECONDS = 5;

/**
 * Runs the jobs users create: the Backstage scheduler ticks once every few
 * seconds across all replicas (a global task), and each tick claims and runs
 * the jobs whose time has come; a job's success starts the jobs chained to
 * it after their countdown.
 */
export class JobService {
  constructor(
    private readonly deps: {
      store: JobStore;
      policy: AddressPolicy;
      logger: LoggerService;
      webhookTimeoutMs?: number;
    },
  ) {}

  async start(scheduler: SchedulerService) {
    await scheduler.scheduleTask({
      id: 'maestro-jobs',
      frequency: { seconds: TICK_SECONDS },
      timeout: { minutes: 10 },
      scope: 'global',
      fn: async () => {
        await this.tick();
      },
    });
  }

  private nextRun(input: JobInput, from = new Date()) {
    return nextRunAfter(input.period, from)?.toISOString();
  }

  private async checkChain(input: JobInput, id?: string) {
    if (input.period.type !== 'chain') return;
    const seen = new Set(id ? [id] : []);
    let cursor: string | undefined = input.period.afterJobId;
    while (cursor) {
      if (seen.has(cursor))
        throw new InputError(
          'period.afterJobId: the chain would run in a circle',
        );
      seen.add(cursor);
      const job = await this.deps.store.get(cursor);
      if (!job) throw new InputError(`period.afterJobId: no job ${cursor}`);
      cursor = job.period.type === 'chain' ? job.period.afterJobId : undefined;
    }
  }

  async create(input: JobInput, actor: string) {
    await this.checkChain(input);
    return this.deps.store.create(input, actor, this.nextRun(input));
  }

  async update(id: string, input: JobInput) {
    await this.checkChain(input, id);
    const job = await this.deps.store.update(id, input, this.nextRun(input));
    if (!job) throw new NotFoundError(`No job ${id}`);
    return job;
  }

  async get(id: string): Promise<Job> {
    const job = await this.deps.store.get(id);
    if (!job) throw new NotFoundError(`No job ${id}`);
    return job;
  }

  /** Runs the jobs that are due; returns their runs. */
  async tick(now = new Date()): Promise<JobRun[]> {
    const due = await this.deps.store.claimDue(now, job =>
      this.nextRun(job, now),
    );
    const runs: JobRun[] = [];
    for (const job of due) runs.push(await this.run(job, 'schedule'));
    return runs;
  }

  async runNow(id: string) {
    return this.run(await this.get(id), 'manual');
  }

  private async run(job: Job, trigger: RunTrigger): Promise<JobRun> {
    const { store, policy, logger } = this.deps;
    const run = await store.startRun(job.id, trigger);
    let outcome: { ok: boolean; message: string };
    try {
      outcome = await callWebhook(
        job.webhook,
        policy,
        this.deps.webhookTimeoutMs,
      );
    } catch (error) {
      outcome = { ok: false, message: (error as Error).message };
    }
    const finished = await store.finishRun(
      run,
      outcome.ok ? 'success' : 'failure',
      outcome.message,
    );
    // The URL may carry a token in its query: log the job, not the request.
    logger.info(
      `Job ${job.name} (${job.id}) ${finished.outcome} in ${finished.durationMs} ms`,
    );
    if (outcome.ok) {
      for (const next of await store.chainedAfter(job.id)) {
        const countdown =
          next.period.type === 'chain' ? next.period.countdownSeconds : 0;
        await store.setNextRun(
          next.id,
          new Date(Date.now() + countdown * 1000).toISOString(),
        );
      }
    }
    return finished;
  }
}
