import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  DiscoverySource,
  maestroDiscoveryExtensionPoint,
} from '@maestro/plugin-maestro-node';
import { Knex } from 'knex';

/** Where every run of the test task writes which replica ran it, and when. */
export const RUNS_TABLE = 'replica_test_runs';
export const REPLICA_SOURCE_TYPE = 'replica-test';
export const REPLICA_TASK = 'tick';
export const REPLICA_TASK_SECONDS = 2;

/** Creates the run log in the test database (before the replicas start). */
export async function createRunsTable(knex: Knex) {
  await knex.schema.createTable(RUNS_TABLE, table => {
    table.increments('id');
    table.string('replica').notNullable();
    table.string('connection_id').notNullable();
    table.bigInteger('started_ms').notNullable();
    table.bigInteger('finished_ms');
  });
}

export interface RecordedRun {
  replica: string;
  startedMs: number;
  finishedMs?: number;
}

export async function recordedRuns(knex: Knex): Promise<RecordedRun[]> {
  const rows = await knex(RUNS_TABLE).orderBy('started_ms');
  return rows.map(row => ({
    replica: row.replica,
    startedMs: Number(row.started_ms),
    finishedMs: row.finished_ms === null ? undefined : Number(row.finished_ms),
  }));
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>(resolve => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * A discovery source whose one task runs every 2 seconds and logs each run
 * (replica, start, end) in the shared database. A run lasts a random
 * 100-1200 ms, as crawls of different sizes do, so that runs can overlap if
 * the scheduler let two replicas start one.
 */
function replicaTestSource(replica: string, db: () => Promise<Knex>) {
  const source: DiscoverySource = {
    type: REPLICA_SOURCE_TYPE,
    title: 'Replica test source',
    fields: [{ name: 'token', title: 'Token', secret: true, required: true }],
    tasks: [
      {
        name: REPLICA_TASK,
        description: 'Logs its runs',
        defaultInterval: { every: REPLICA_TASK_SECONDS, period: 'seconds' },
        permissions: [],
        run: async context => {
          const knex = await db();
          const [row] = await knex(RUNS_TABLE)
            .insert({
              replica,
              connection_id: context.connection.id,
              started_ms: Date.now(),
            })
            .returning('id');
          await sleep(100 + Math.floor(Math.random() * 1100), context.signal);
          await knex(RUNS_TABLE)
            .where({ id: row.id ?? row })
            .update({ finished_ms: Date.now() });
        },
      },
    ],
  };
  return source;
}

/** The test source as a module of the Maestro plugin, named after its replica. */
export function replicaTestModule(replica: string) {
  return createBackendModule({
    pluginId: 'maestro',
    moduleId: 'replica-test-source',
    register(env) {
      env.registerInit({
        deps: {
          discovery: maestroDiscoveryExtensionPoint,
          database: coreServices.database,
        },
        async init({ discovery, database }) {
          discovery.addSource(
            replicaTestSource(replica, () => database.getClient()),
          );
        },
      });
    },
  });
}
