import { randomBytes } from 'crypto';
import http from 'http';
import knexFactory, { Knex } from 'knex';
import { AddressInfo } from 'net';
import { schedulerTaskId } from '../discovery/DiscoveryService';
import {
  postgresConnection,
  replicaConfig,
} from './__testUtils__/replicaConfig';
import {
  ReplicaProcess,
  freePort,
  spawnReplicaProcess,
} from './__testUtils__/replicaProcesses';
import {
  REPLICA_SOURCE_TYPE,
  REPLICA_TASK,
  REPLICA_TASK_SECONDS,
  RecordedRun,
  createRunsTable,
  recordedRuns,
} from './__testUtils__/replicaTestSource';
import { waitForQuietMoment } from './__testUtils__/quietMoment';

/**
 * Two Maestro backends, each its own Node process (the production
 * `createBackend()`: own HTTP server, own database pool, the real Backstage
 * scheduler), on one PostgreSQL database. Scheduled work must run once per
 * interval across them: a discovery task, and the webhook jobs of the
 * Scheduler page.
 */
const connectionString =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const describeOnPostgres = connectionString ? describe : describe.skip;
if (!connectionString) {
  // eslint-disable-next-line no-console
  console.warn(
    'twoReplicas.test.ts skipped: it needs PostgreSQL; set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
  );
}

jest.setTimeout(180_000);

/** The shortest interval a job may have. */
const JOB_SECONDS = 10;
const SHARED_WINDOW_MS = 20_000;
const FAILOVER_WINDOW_MS = 10_000;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Runs (sorted by start) that started before the previous one finished. */
const overlapping = (runs: RecordedRun[]) =>
  runs.flatMap((run, i) =>
    i > 0 && run.startedMs < runs[i - 1].finishedMs!
      ? [{ previous: runs[i - 1], run }]
      : [],
  );

const countByReplica = (runs: RecordedRun[]) =>
  Object.fromEntries(
    ['A', 'B'].map(name => [name, runs.filter(r => r.replica === name).length]),
  );

describeOnPostgres(
  `Two Maestro replicas on one PostgreSQL database${
    connectionString
      ? ''
      : ' (skipped: PostgreSQL only; set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)'
  }`,
  () => {
    const database = `maestro_replicas_${randomBytes(4).toString('hex')}`;
    const token = randomBytes(24).toString('hex');
    let admin: Knex;
    let db: Knex;
    let a: ReplicaProcess;
    let b: ReplicaProcess;
    let hookServer: http.Server;
    const hookCalls: number[] = [];
    let connectionId: string;
    let jobId: string;
    let jobCreatedAt: number;
    let windowStart: number;
    let windowEnd: number;

    const api = async (
      replica: ReplicaProcess,
      method: string,
      path: string,
      body?: unknown,
    ) => {
      const res = await fetch(`${replica.url}/api/maestro${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return {
        status: res.status,
        body: text ? JSON.parse(text) : undefined,
      };
    };

    beforeAll(async () => {
      const server = postgresConnection(connectionString!);
      admin = knexFactory({
        client: 'pg',
        connection: { ...server, database: 'postgres' },
      });
      await admin.raw('CREATE DATABASE ??', [database]);
      // The test's own pool, to read what the replicas recorded.
      db = knexFactory({ client: 'pg', connection: { ...server, database } });
      await createRunsTable(db);

      hookServer = http.createServer((req, res) => {
        hookCalls.push(Date.now());
        req.resume();
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
      await new Promise<void>(resolve =>
        hookServer.listen(0, '127.0.0.1', resolve),
      );

      const spawnReplica = async (name: string) => {
        const port = await freePort();
        return spawnReplicaProcess({
          name,
          port,
          config: replicaConfig({
            connectionString: connectionString!,
            database,
            port,
            token,
          }),
        });
      };
      a = await spawnReplica('A');
      b = await spawnReplica('B');
      // Both load at once; A starts first and creates the schema, as the
      // first replica of a new installation does, then B joins.
      await Promise.all([a.loaded, b.loaded]);
      await a.start();
      await b.start();
    });

    afterAll(async () => {
      await a?.stop();
      await b?.stop();
      await new Promise(resolve => hookServer?.close(resolve));
      await db?.destroy();
      await admin?.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
      await admin?.destroy();
    });

    it('schedules a connection and a job on both replicas, and both serve the API while the work runs', async () => {
      // Created on A, which schedules its task at once.
      const created = await api(a, 'POST', '/connections', {
        type: REPLICA_SOURCE_TYPE,
        title: 'Replica test',
        datacenter: 'datacenter:default/replica-lab',
        settings: { token: 'secret-token' },
      });
      expect(created.status).toBe(201);
      connectionId = created.body.id;

      const job = await api(a, 'POST', '/jobs', {
        name: 'replica-hook',
        period: { type: 'interval', seconds: JOB_SECONDS },
        webhook: {
          method: 'POST',
          url: `http://127.0.0.1:${
            (hookServer.address() as AddressInfo).port
          }/hook`,
          body: '{}',
        },
      });
      expect(job.status).toBe(201);
      jobId = job.body.id;
      jobCreatedAt = Date.now();

      // B finds the connection A created on its own, within its check
      // interval (2 s here), and schedules its task.
      const taskId = schedulerTaskId(connectionId, REPLICA_TASK);
      const scheduledOn = async (replica: ReplicaProcess) => {
        const res = await api(replica, 'GET', '/.backstage/scheduler/v1/tasks');
        return res.body.tasks.some((t: any) => t.taskId === taskId);
      };
      let seenByB = await scheduledOn(b);
      for (let i = 0; !seenByB && i < 40; i++) {
        await sleep(250);
        seenByB = await scheduledOn(b);
      }
      expect(seenByB).toBe(true);

      // "Sync now" on B runs it through the shared schedule; refused while
      // A runs it.
      const syncOnB = () =>
        api(
          b,
          'POST',
          `/connections/${connectionId}/tasks/${REPLICA_TASK}/sync`,
        );
      let sync = await syncOnB();
      for (let i = 0; sync.status === 409 && i < 40; i++) {
        await sleep(250);
        sync = await syncOnB();
      }
      expect(sync.status).toBe(202);
      windowStart = Date.now();

      // Each replica's own scheduler has a worker for both tasks.
      for (const replica of [a, b]) {
        const res = await api(replica, 'GET', '/.backstage/scheduler/v1/tasks');
        expect(res.status).toBe(200);
        const tasks = Object.fromEntries(
          res.body.tasks.map((t: any) => [t.taskId, t]),
        );
        expect(tasks[taskId]).toMatchObject({
          scope: 'global',
          settings: { cadence: `PT${REPLICA_TASK_SECONDS}S` },
        });
        expect(tasks[taskId].workerState.status).not.toBe('initial-wait');
        expect(tasks['maestro-jobs']).toMatchObject({ scope: 'global' });
      }

      // The shared window: both replicas compete for the work, and answer
      // requests meanwhile.
      const reads: Array<{ replica: string; path: string; status: number }> =
        [];
      while (Date.now() - windowStart < SHARED_WINDOW_MS) {
        for (const [replica, path] of [
          [a, `/connections/${connectionId}/tasks`],
          [b, `/connections/${connectionId}/tasks`],
          [a, `/jobs/${jobId}`],
          [b, '/scheduler/work'],
        ] as const) {
          const res = await api(replica, 'GET', path);
          reads.push({ replica: replica.name, path, status: res.status });
        }
        await sleep(1000);
      }
      windowEnd = Date.now();

      expect(reads.length).toBeGreaterThanOrEqual(20);
      expect(reads.filter(r => r.status !== 200)).toEqual([]);
      expect(new Set(reads.map(r => r.replica))).toEqual(new Set(['A', 'B']));
    });

    it('runs the discovery task once per interval across both replicas, never two at a time', async () => {
      expect(windowEnd).toBeDefined();
      const runs = await recordedRuns(db);
      const inWindow = runs.filter(
        r => r.startedMs >= windowStart && r.startedMs < windowEnd,
      );
      const intervals = (windowEnd - windowStart) / 1000 / REPLICA_TASK_SECONDS;
      // eslint-disable-next-line no-console
      console.log(
        `discovery: ${inWindow.length} runs in ${(
          (windowEnd - windowStart) /
          1000
        ).toFixed(1)} s (${intervals.toFixed(
          1,
        )} intervals of ${REPLICA_TASK_SECONDS} s), by replica ${JSON.stringify(
          countByReplica(inWindow),
        )}; ${runs.length} runs in all`,
      );

      // Either replica alone runs it about once an interval: both running
      // it would make about twice as many.
      expect(inWindow.length).toBeLessThanOrEqual(Math.floor(intervals) + 1);
      // A run waits at most one poll (one interval) past its time.
      expect(inWindow.length).toBeGreaterThanOrEqual(Math.floor(intervals / 2));
      const finished = runs.filter(r => r.finishedMs !== undefined);
      expect(runs.length - finished.length).toBeLessThanOrEqual(1);
      expect(overlapping(finished)).toEqual([]);

      // The engine's record of the task, read on the replica that did not
      // create the connection.
      const tasks = await api(b, 'GET', `/connections/${connectionId}/tasks`);
      expect(tasks.body.items).toEqual([
        expect.objectContaining({
          task: REPLICA_TASK,
          enabled: true,
          lastRunAt: expect.any(String),
        }),
      ]);
    });

    it('keeps running the work on the other replica when one shuts down', async () => {
      expect(windowEnd).toBeDefined();
      // Between runs: a replica cut off mid-run holds that task until the
      // run times out (see waitForQuietMoment), which is not what this shows.
      await waitForQuietMoment(db, {
        taskIds: [schedulerTaskId(connectionId, REPLICA_TASK), 'maestro-jobs'],
        // A replica stops claiming work within ~200 ms of SIGTERM.
        marginMs: 500,
        timeoutMs: 40_000,
      });
      await a.stop();
      const stoppedAt = Date.now();
      await sleep(FAILOVER_WINDOW_MS);

      const runs = await recordedRuns(db);
      const after = runs.filter(r => r.startedMs > stoppedAt);
      // eslint-disable-next-line no-console
      console.log(
        `failover: ${after.length} discovery runs in ${
          FAILOVER_WINDOW_MS / 1000
        } s after A stopped, by replica ${JSON.stringify(
          countByReplica(after),
        )}`,
      );
      expect(after.length).toBeGreaterThanOrEqual(2);
      expect(countByReplica(after)).toEqual({ A: 0, B: after.length });
      expect(overlapping(runs.filter(r => r.finishedMs !== undefined))).toEqual(
        [],
      );
    });

    it('runs each webhook job run once: the target sees exactly the runs in the history', async () => {
      expect(windowEnd).toBeDefined();
      // A run whose webhook just answered may still be recording it.
      const finishedRuns = async () => {
        const res = await api(b, 'GET', `/jobs/${jobId}/runs`);
        expect(res.status).toBe(200);
        return res.body.items as Array<Record<string, any>>;
      };
      let items = await finishedRuns();
      for (let i = 0; i < 20 && items.some(r => !r.finishedAt); i++) {
        await sleep(250);
        items = await finishedRuns();
      }
      const elapsed = Date.now() - jobCreatedAt;
      const history = [...items].reverse();
      const starts = history.map((r: any) => Date.parse(r.startedAt));
      const gaps = starts.slice(1).map((s: number, i: number) => s - starts[i]);
      const logged = (replica: ReplicaProcess) =>
        (replica.output().match(/Job replica-hook \([^)]+\) success/g) ?? [])
          .length;
      // eslint-disable-next-line no-console
      console.log(
        `jobs: ${hookCalls.length} webhook calls and ${
          history.length
        } runs in the history over ${(elapsed / 1000).toFixed(
          1,
        )} s, gaps ${JSON.stringify(gaps)} ms, by replica ${JSON.stringify({
          A: logged(a),
          B: logged(b),
        })}`,
      );

      // The first run is due an interval after creation, each next one an
      // interval after the previous: a second replica running them would
      // add runs.
      expect(history.length).toBeGreaterThanOrEqual(2);
      expect(history.length).toBeLessThanOrEqual(
        Math.floor(elapsed / 1000 / JOB_SECONDS),
      );
      expect(hookCalls).toHaveLength(history.length);
      expect(history).toEqual(
        history.map(() =>
          expect.objectContaining({ trigger: 'schedule', outcome: 'success' }),
        ),
      );
      for (const gap of gaps) {
        expect(gap).toBeGreaterThan(JOB_SECONDS * 1000 - 500);
      }
      const job = await api(b, 'GET', `/jobs/${jobId}`);
      expect(job.body.totalRuns).toBe(history.length);
      // Each run was made by exactly one of the two processes.
      expect(logged(a) + logged(b)).toBe(history.length);
    });
  },
);
