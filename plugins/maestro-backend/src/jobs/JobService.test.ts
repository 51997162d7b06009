import http from 'http';
import { AddressInfo } from 'net';
import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testStore';
import { migrateStore } from '../store/migrations';
import { CredentialCipher } from '../discovery/CredentialCipher';
import { JobService } from './JobService';
import { JobStore } from './JobStore';
import { AddressPolicy } from './webhook/addressPolicy';
import { JobInput } from './types';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('JobService on %p', databaseId => {
  let server: http.Server;
  let base: string;
  const hits: string[] = [];
  let knex: any;
  let store: JobStore;
  let jobs: JobService;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(
        `${req.method} ${req.url} ${req.headers['x-token'] ?? ''}`.trim(),
      );
      res.writeHead(req.url === '/fail' ? 503 : 200).end();
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    knex = await databases.init(databaseId);
    await migrateStore({ getClient: async () => knex });
    store = new JobStore(
      knex,
      new CredentialCipher('a-test-key-of-enough-length'),
    );
    jobs = new JobService({
      store,
      policy: new AddressPolicy(['127.0.0.1']),
      logger: mockServices.logger.mock(),
    });
  });
  afterAll(() => new Promise(r => server.close(r)));
  beforeEach(() => {
    hits.length = 0;
  });

  const webhook = (path: string): JobInput['webhook'] => ({
    method: 'POST',
    url: `${base}${path}`,
  });

  it('runs an interval job once when due, however many ticks look', async () => {
    const job = await jobs.create(
      {
        name: 'ping',
        enabled: true,
        period: { type: 'interval', seconds: 60 },
        webhook: webhook('/ping'),
      },
      'user:default/ada',
    );
    const due = new Date(new Date(job.nextRunAt!).getTime() + 1000);
    expect(await jobs.tick(new Date(due.getTime() - 5000))).toEqual([]);
    const [run] = await jobs.tick(due);
    expect(run).toMatchObject({
      jobId: job.id,
      trigger: 'schedule',
      outcome: 'success',
    });
    expect(await jobs.tick(due)).toEqual([]);
    expect(hits).toEqual(['POST /ping']);
    const after = await jobs.get(job.id);
    expect(after).toMatchObject({ totalRuns: 1, lastOutcome: 'success' });
    expect(new Date(after.nextRunAt!).getTime()).toBe(due.getTime() + 60_000);
    await store.delete(job.id);
  });

  it('starts the next job of a chain after its countdown, only on success', async () => {
    const first = await jobs.create(
      {
        name: 'export',
        enabled: true,
        period: { type: 'interval', seconds: 3600 },
        webhook: webhook('/export'),
      },
      'user:default/ada',
    );
    const second = await jobs.create(
      {
        name: 'notify',
        enabled: true,
        period: { type: 'chain', afterJobId: first.id, countdownSeconds: 120 },
        webhook: webhook('/notify'),
      },
      'user:default/ada',
    );
    expect(second.nextRunAt).toBeUndefined();
    const before = Date.now();
    await jobs.runNow(first.id);
    const chained = await jobs.get(second.id);
    const at = new Date(chained.nextRunAt!).getTime();
    expect(at).toBeGreaterThanOrEqual(before + 120_000);
    expect(await jobs.tick(new Date(at - 1000))).toEqual([]);
    const [run] = await jobs.tick(new Date(at + 1000));
    expect(run).toMatchObject({ jobId: second.id, outcome: 'success' });
    expect(hits).toEqual(['POST /export', 'POST /notify']);
    expect((await jobs.get(second.id)).nextRunAt).toBeUndefined();

    // A failure does not start what follows.
    await jobs.update(first.id, {
      name: 'export',
      enabled: true,
      period: { type: 'interval', seconds: 3600 },
      webhook: webhook('/fail'),
    });
    const failed = await jobs.runNow(first.id);
    expect(failed).toMatchObject({
      outcome: 'failure',
      message: expect.stringContaining('503'),
    });
    expect((await jobs.get(second.id)).nextRunAt).toBeUndefined();
    expect((await store.runs(first.id)).map(r => r.outcome)).toEqual([
      'failure',
      'success',
    ]);
  });

  it('refuses a chain that would run in a circle or follow nothing', async () => {
    const a = await jobs.create(
      {
        name: 'a',
        enabled: true,
        period: { type: 'interval', seconds: 60 },
        webhook: webhook('/a'),
      },
      'user:default/ada',
    );
    const b = await jobs.create(
      {
        name: 'b',
        enabled: true,
        period: { type: 'chain', afterJobId: a.id, countdownSeconds: 0 },
        webhook: webhook('/b'),
      },
      'user:default/ada',
    );
    await expect(
      jobs.update(a.id, {
        name: 'a',
        enabled: true,
        period: { type: 'chain', afterJobId: b.id, countdownSeconds: 0 },
        webhook: webhook('/a'),
      }),
    ).rejects.toThrow(/circle/);
    await expect(
      jobs.create(
        {
          name: 'c',
          enabled: true,
          period: { type: 'chain', afterJobId: 'nope', countdownSeconds: 0 },
          webhook: webhook('/c'),
        },
        'u',
      ),
    ).rejects.toThrow(/no job nope/);
  });

  it('keeps webhook headers encrypted at rest', async () => {
    const job = await jobs.create(
      {
        name: 'with token',
        enabled: true,
        period: { type: 'interval', seconds: 60 },
        webhook: {
          ...webhook('/secure'),
          headers: { 'X-Token': 'very-secret-token' },
        },
      },
      'user:default/ada',
    );
    const row = await knex('maestro_jobs').where({ id: job.id }).first();
    expect(row.spec).not.toContain('very-secret-token');
    await jobs.runNow(job.id);
    expect(hits).toEqual(['POST /secure very-secret-token']);
  });

  it('records a refused address as a failed run, calling nothing', async () => {
    const job = await jobs.create(
      {
        name: 'metadata',
        enabled: true,
        period: { type: 'interval', seconds: 60 },
        webhook: {
          method: 'GET',
          url: 'http://169.254.169.254/latest/meta-data/',
        },
      },
      'user:default/ada',
    );
    const run = await jobs.runNow(job.id);
    expect(run).toMatchObject({
      outcome: 'failure',
      message: expect.stringMatching(/maestro\.jobs\.webhooks\.allow/),
    });
  });
});
