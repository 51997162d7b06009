/*
 * Child process of `yarn bench discovery`: runs the Backstage community's
 * EC2 provider (@roadiehq/catalog-backend-module-aws, AWSEC2Provider) from
 * its isolated install, one provider instance per region of the fake AWS
 * account, so its memory and event-loop stalls are its own.
 *
 * Started by driveRoadieEc2.js with an IPC channel and the environment the
 * AWS SDK reads (keys, AWS_REGION, AWS_ENDPOINT_URL_EC2/_STS). Messages in:
 *   { type: 'setup', installDir, accountId, roleArn, regions }
 *   { type: 'sync', label }  run every provider's task once, together
 *   { type: 'finish' }
 * Messages out: { type: 'ready', baselineRssMb }, { type: 'synced', ... },
 * { type: 'finished', peakRssMb }, or { type: 'failed', message }.
 */
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');
const { monitorEventLoopDelay } = require('perf_hooks');

/** Resident memory (now or peak) of this process in MB, from Linux. */
function rssMb(field) {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  return Math.round(
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)[1]) / 1024,
  );
}

/** Roadie logs through the Backstage logger; only its problems are shown. */
const logger = {
  debug() {},
  info() {},
  warn: (message, meta) =>
    process.stderr.write(
      `roadie warn: ${message} ${meta ? JSON.stringify(meta) : ''}\n`,
    ),
  error: (message, meta) =>
    process.stderr.write(
      `roadie error: ${message} ${meta ? JSON.stringify(meta) : ''}\n`,
    ),
  child() {
    return logger;
  },
};

/**
 * Backstage's catalog hands a provider an EntityProviderConnection; this
 * one stands in for the catalog and only counts what arrives and when, so
 * the figures are the provider's own work (listing and rendering), not the
 * catalog's processing of the mutation.
 */
function countingConnection() {
  const connection = {
    mutations: [],
    async applyMutation(mutation) {
      connection.mutations.push({
        at: Date.now(),
        type: mutation.type,
        entities:
          mutation.type === 'full'
            ? mutation.entities.length
            : mutation.added.length + mutation.removed.length,
      });
    },
    async refresh() {},
  };
  return connection;
}

/**
 * The task runner Roadie's `connect` registers its work with: the scheduler
 * would call it on a schedule; the bench calls it on demand.
 */
function onDemandTaskRunner() {
  const runner = {
    task: undefined,
    async run(task) {
      runner.task = task;
    },
  };
  return runner;
}

let providers = [];
const stalls = monitorEventLoopDelay({ resolution: 10 });

/**
 * A second measure of the same stalls: a 10 ms timer's lateness. The two
 * should agree; the bench keeps the larger.
 */
function timerDrift() {
  const drift = { longestMs: 0 };
  let last = Date.now();
  const tick = () => {
    const now = Date.now();
    drift.longestMs = Math.max(drift.longestMs, now - last - 10);
    last = now;
    drift.timer = setTimeout(tick, 10);
  };
  drift.timer = setTimeout(tick, 10);
  drift.stop = () => clearTimeout(drift.timer);
  return drift;
}

async function setup({ installDir, accountId, roleArn, regions }) {
  // Everything resolves from the isolated install, never from the
  // workspace's (newer) @backstage packages.
  const requireRoadie = createRequire(path.join(installDir, 'package.json'));
  const { AWSEC2Provider } = requireRoadie(
    '@roadiehq/catalog-backend-module-aws',
  );
  const { ConfigReader } = requireRoadie('@backstage/config');
  providers = [];
  for (const [index, region] of regions.entries()) {
    const taskRunner = onDemandTaskRunner();
    const connection = countingConnection();
    // With temporary credentials the EC2 client takes the region from the
    // provider's config (otherwise from AWS_REGION, one region a process),
    // so one backend holds one provider per region, as here.
    const provider = AWSEC2Provider.fromConfig(
      new ConfigReader({ accountId, roleName: roleArn, roleArn, region }),
      {
        logger,
        taskRunner,
        providerId: `${index}`,
        useTemporaryCredentials: true,
      },
    );
    await provider.connect(connection);
    if (!taskRunner.task) {
      throw new Error('AWSEC2Provider registered no task with its task runner');
    }
    providers.push({ region, taskRunner, connection });
  }
  stalls.enable();
  return { type: 'ready', baselineRssMb: rssMb('VmRSS') };
}

/** Runs every provider's task once, all at once, as a schedule would. */
async function sync({ label }) {
  stalls.reset();
  const drift = timerDrift();
  const started = Date.now();
  let regions;
  try {
    regions = await Promise.all(
      providers.map(async ({ region, taskRunner, connection }) => {
        const before = connection.mutations.length;
        await taskRunner.task.fn();
        const mutation = connection.mutations[before];
        if (!mutation) throw new Error(`no mutation for ${region}`);
        return {
          region,
          ms: mutation.at - started,
          type: mutation.type,
          entities: mutation.entities,
        };
      }),
    );
  } finally {
    drift.stop();
  }
  return {
    type: 'synced',
    label,
    ms: Date.now() - started,
    regions,
    entities: regions.reduce((n, r) => n + r.entities, 0),
    loopDelayMaxMs: Math.round(stalls.max / 1e6),
    timerDriftMaxMs: drift.longestMs,
    longestStallMs: Math.max(Math.round(stalls.max / 1e6), drift.longestMs),
  };
}

const handlers = {
  setup,
  sync,
  finish: async () => ({ type: 'finished', peakRssMb: rssMb('VmHWM') }),
};

process.on('message', async message => {
  try {
    const answer = await handlers[message.type](message);
    // After the last answer, end: the SDK's kept-alive sockets would not.
    process.send(answer, () => message.type === 'finish' && process.exit(0));
  } catch (e) {
    process.send({ type: 'failed', message: e?.stack ?? String(e) });
  }
});
