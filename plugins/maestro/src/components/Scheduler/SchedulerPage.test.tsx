import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  TestApiProvider,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  Job,
  JobInput,
  JobInputError,
  JobRun,
  JobsApi,
  ScheduledWork,
  jobsApiRef,
} from '../../api/jobs';
import { SchedulerPage } from './SchedulerPage';
import { periodText } from './periodText';

jest.setTimeout(60_000);

/** Jobs in memory, refusing what the server refuses (URL checks included). */
class MemoryJobs implements JobsApi {
  jobs: Job[] = [];
  runsDone: JobRun[] = [];
  async list() {
    return this.jobs;
  }
  async create(input: JobInput) {
    if (input.webhook.url.includes('10.0.0.5'))
      throw new JobInputError('bad', [
        { field: 'webhook.url', message: 'private addresses are refused' },
      ]);
    const job: Job = {
      ...input,
      id: `job-${this.jobs.length + 1}`,
      type: 'webhook',
      totalRuns: 0,
      createdAt: '2026-11-26T00:00:00Z',
      createdBy: 'user:default/guest',
      updatedAt: '2026-11-26T00:00:00Z',
    };
    this.jobs.push(job);
    return job;
  }
  async update(id: string, input: JobInput) {
    const job = this.jobs.find(j => j.id === id)!;
    Object.assign(job, input);
    return job;
  }
  async delete(id: string) {
    this.jobs = this.jobs.filter(j => j.id !== id);
  }
  async run(id: string) {
    const run: JobRun = {
      id: `run-${this.runsDone.length}`,
      jobId: id,
      trigger: 'manual',
      startedAt: '2026-11-26T01:00:00Z',
      durationMs: 12,
      outcome: 'success',
      message: 'POST answered 200',
    };
    this.runsDone.push(run);
    const job = this.jobs.find(j => j.id === id)!;
    job.totalRuns++;
    job.lastOutcome = 'success';
    job.lastRunAt = run.startedAt;
    return run;
  }
  async runs(id: string) {
    return this.runsDone.filter(r => r.jobId === id);
  }
  work: ScheduledWork[] = [
    {
      id: 'discovery:c1:server-list',
      module: 'discovery',
      name: 'AWS Prod: server-list',
      enabled: true,
      period: 'every 1 hour',
      lastRunAt: '2026-11-26T01:00:00Z',
      outcome: 'danger',
      message: 'UnauthorizedOperation',
      runPath: '/connections/c1/tasks/server-list/sync',
      enablePath: '/connections/c1/tasks/server-list',
    },
    {
      id: 'report:r1',
      module: 'reports',
      name: 'Production Linux',
      enabled: true,
      period: 'every 1 hour',
      runPath: '/reports/r1/run',
    },
  ];
  ranWork: string[] = [];
  async scheduledWork() {
    return this.work;
  }
  async runWork(work: ScheduledWork) {
    this.ranWork.push(work.runPath);
  }
  async setWorkEnabled(work: ScheduledWork, enabled: boolean) {
    this.work = this.work.map(w => (w.id === work.id ? { ...w, enabled } : w));
  }
}

const render = (api: MemoryJobs) =>
  renderInTestApp(
    <TestApiProvider apis={[[jobsApiRef, api]]}>
      <SchedulerPage />
    </TestApiProvider>,
  );

describe('ScheduledWorkCard', () => {
  it('lists discovery tasks and report refreshes, runs one now and disables a task', async () => {
    const api = new MemoryJobs();
    await render(api);
    const table = await screen.findByRole('table', { name: 'Scheduled work' });
    expect(
      within(table).getByText('AWS Prod: server-list'),
    ).toBeInTheDocument();
    expect(within(table).getByText('Production Linux')).toBeInTheDocument();
    expect(within(table).getByText('danger')).toBeInTheDocument();
    fireEvent.click(
      within(table).getByRole('button', { name: 'Run Production Linux now' }),
    );
    await waitFor(() => expect(api.ranWork).toEqual(['/reports/r1/run']));
    fireEvent.click(
      within(table).getByRole('checkbox', {
        name: 'Enable AWS Prod: server-list',
      }),
    );
    await waitFor(() => expect(api.work[0].enabled).toBe(false));
  });
});

describe('periodText', () => {
  it('says when a job runs', () => {
    const jobs = [{ id: 'a', name: 'Export' } as Job];
    expect(periodText({ type: 'interval', seconds: 300 }, jobs)).toBe(
      'every 5 minutes',
    );
    expect(periodText({ type: 'interval', seconds: 86400 }, jobs)).toBe(
      'every 1 day',
    );
    expect(periodText({ type: 'cron', cron: '0 3 * * *' }, jobs)).toBe(
      'cron 0 3 * * *',
    );
    expect(
      periodText(
        { type: 'chain', afterJobId: 'a', countdownSeconds: 60 },
        jobs,
      ),
    ).toBe('60 s after Export succeeds');
  });
});

describe('SchedulerPage', () => {
  it('creates a webhook job, shows the server refusing a field, runs it and lists its runs', async () => {
    const api = new MemoryJobs();
    await render(api);
    fireEvent.click(await screen.findByRole('button', { name: 'New job' }));
    fireEvent.change(screen.getByLabelText('Name'), {
      target: { value: 'Ping CI' },
    });
    fireEvent.change(screen.getByLabelText('URL'), {
      target: { value: 'http://10.0.0.5/hook' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('private addresses are refused'),
    ).toBeInTheDocument();
    expect(api.jobs).toEqual([]);

    fireEvent.change(screen.getByLabelText('URL'), {
      target: { value: 'https://ci.example.com/hook' },
    });
    fireEvent.change(screen.getByLabelText('Every'), {
      target: { value: '5' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const row = (await screen.findByText('Ping CI')).closest('tr')!;
    expect(within(row).getByText('every 5 hours')).toBeInTheDocument();
    expect(api.jobs[0]).toMatchObject({
      name: 'Ping CI',
      period: { type: 'interval', seconds: 5 * 3600 },
      webhook: { method: 'POST', url: 'https://ci.example.com/hook' },
    });

    fireEvent.click(
      within(row).getByRole('button', { name: 'Run Ping CI now' }),
    );
    await waitFor(() => expect(api.runsDone).toHaveLength(1));
    fireEvent.click(
      within((await screen.findByText('Ping CI')).closest('tr')!).getByRole(
        'button',
        {
          name: 'Runs of Ping CI',
        },
      ),
    );
    expect(await screen.findByText('POST answered 200')).toBeInTheDocument();
  });
});
