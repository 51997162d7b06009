/*
 * yarn bench discovery [--instances N] [--regions R] [--postgres]
 *
 * A fake AWS account (@maestro/fake-cloud: real EC2 Query XML, paged) with N
 * instances in mixed states and about N volumes over R regions, discovered
 * by the Maestro AWS module in a real backend through the real SDK. Prints:
 * records discovered, the first full sync's time to the store and to the
 * catalog, a second sync with nothing changed, a sync with 1% changed, the
 * backend's peak RSS and the longest a request waited during the syncs.
 *
 * The Backstage community's provider (@roadiehq/catalog-backend-module-aws)
 * is not installed in this repository, so it is not run side by side.
 */
require('@backstage/cli/config/nodeTransform.cjs');
const { startBackend, arg, seconds } = require('./lib');
const { startFakeCloud } = require('@maestro/fake-cloud');

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'sa-east-1'];

/**
 * Asks the backend for a cheap route every 20 ms and keeps the slowest
 * answer: how long a portal request waits while a sync runs (an upper bound
 * of the backend's longest event-loop stall).
 */
function startLatencyProbe(backend) {
  let longest = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = Date.now();
      await backend.request('GET', '/api/maestro/kinds');
      longest = Math.max(longest, Date.now() - t);
      await new Promise(r => setTimeout(r, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return longest;
    },
  };
}

async function taskState(backend, id, task) {
  const r = await backend.request(
    'GET',
    `/api/maestro/connections/${id}/tasks`,
  );
  return r.items.find(t => t.task === task);
}

/** Waits for a run of the task that ends after `before`; `ms` is when. */
async function waitForRun(backend, id, task, before) {
  for (;;) {
    const state = await taskState(backend, id, task);
    if (!state.running && state.lastRunAt && state.lastRunAt !== before) {
      return { ms: Date.now(), state };
    }
    await new Promise(r => setTimeout(r, 250));
  }
}

/** Runs a task now and waits for its outcome. */
async function sync(backend, id, task) {
  const before = (await taskState(backend, id, task)).lastRunAt;
  const started = Date.now();
  await backend.request(
    'POST',
    `/api/maestro/connections/${id}/tasks/${task}/sync`,
  );
  const run = await waitForRun(backend, id, task, before);
  return { ms: run.ms - started, state: run.state };
}

async function catalogCount(backend, kind) {
  const r = await backend.request(
    'GET',
    `/api/catalog/entities/by-query?filter=kind=${kind}&limit=1`,
  );
  return r.totalItems;
}

async function waitForCatalog(backend, kind, count, started, timeoutMs) {
  for (;;) {
    const served = await catalogCount(backend, kind);
    if (served >= count) return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      console.log(`    catalog serves ${served}/${count} ${kind} entities`);
      return undefined;
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}

async function feedEnd(backend, after) {
  let cursor = after;
  for (;;) {
    const page = await backend.request(
      'GET',
      `/api/maestro/changes?after=${cursor}&limit=5000`,
    );
    cursor = page.cursor;
    if (!page.more) return cursor;
  }
}

const line = (label, task, ms) =>
  console.log(
    `  ${label}: ${seconds(ms)} s, ${task.outcome}${
      task.message ? ` (${task.message})` : ''
    }; seen ${task.seen}, created ${task.created}, updated ${
      task.updated
    }, deactivated ${task.deactivated}`,
  );

async function main() {
  const instances = Number(arg('instances', '100000'));
  const regions = REGIONS.slice(0, Number(arg('regions', '4')));
  const postgres = process.argv.includes('--postgres');
  const timeoutMs = Number(arg('timeout-minutes', '60')) * 60_000;
  const perRegion = Math.ceil(instances / regions.length);

  const fake = await startFakeCloud({
    aws: {
      regions,
      instancesPerRegion: perRegion,
      // Root volumes of live instances plus detached/data ones: ~N volumes.
      extraVolumesPerRegion: Math.round(perRegion * 0.08),
    },
  });
  const all = [...fake.aws.regions.values()];
  const totalInstances = all.reduce((n, r) => n + r.instances.length, 0);
  const totalVolumes = all.reduce((n, r) => n + r.volumes.length, 0);
  console.log(
    `Discovery benchmark: fake AWS account with ${totalInstances} instances and ${totalVolumes} volumes over ${
      regions.length
    } regions, ${postgres ? 'PostgreSQL' : 'SQLite file'}`,
  );

  const backend = await startBackend({
    postgres,
    extraConfig: `maestro:\n  discovery:\n    encryptionKey: bench-discovery-encryption-key\n`,
  });
  try {
    const t0 = Date.now();
    const connection = await backend.request(
      'POST',
      '/api/maestro/connections',
      {
        type: 'aws',
        title: 'Bench account',
        datacenter: 'datacenter:default/aws-bench',
        owner: 'group:default/sre',
        settings: {
          accessKeyId: fake.aws.defaultKey.accessKeyId,
          secretAccessKey: fake.aws.defaultKey.secretAccessKey,
          regions: regions.join(','),
          endpoint: fake.url,
        },
      },
    );
    const id = connection.id;
    const probe = startLatencyProbe(backend);

    // A new connection runs all its tasks at once: the first sync.
    const first = {};
    for (const task of ['server-list', 'volumes-list']) {
      first[task] = await waitForRun(backend, id, task, undefined);
    }
    const servers = first['server-list'];
    const volumes = first['volumes-list'];
    line(
      'first sync, server-list, to the store',
      servers.state,
      servers.ms - t0,
    );
    line(
      'first sync, volumes-list, to the store',
      volumes.state,
      volumes.ms - t0,
    );
    console.log(
      `  records discovered: ${servers.state.seen}/${totalInstances} instances (every state and region), ${volumes.state.seen}/${totalVolumes} volumes`,
    );
    const servedServers = await waitForCatalog(
      backend,
      'server',
      totalInstances,
      t0,
      timeoutMs,
    );
    const servedVolumes = await waitForCatalog(
      backend,
      'volume',
      totalVolumes,
      t0,
      timeoutMs,
    );
    console.log(
      `  first sync to the catalog (from the start of the sync): servers ${
        servedServers === undefined ? 'TIMEOUT' : `${seconds(servedServers)} s`
      }, volumes ${
        servedVolumes === undefined ? 'TIMEOUT' : `${seconds(servedVolumes)} s`
      }`,
    );

    const cursor = await feedEnd(backend, 0);
    const second = await sync(backend, id, 'server-list');
    line('second sync, nothing changed', second.state, second.ms);
    const cursor2 = await feedEnd(backend, cursor);
    console.log(`    changes sent to the catalog: ${cursor2 - cursor}`);

    let changed = 0;
    for (const region of all) {
      for (let i = 0; i < region.instances.length; i += 100) {
        region.instances[i].tags = [
          ...region.instances[i].tags.filter(t => t.key !== 'team'),
          { key: 'team', value: 'changed' },
        ];
        changed++;
      }
    }
    const third = await sync(backend, id, 'server-list');
    line(`sync with 1% changed (${changed} instances)`, third.state, third.ms);
    const cursor3 = await feedEnd(backend, cursor2);
    console.log(`    changes sent to the catalog: ${cursor3 - cursor2}`);

    console.log(
      `  longest wait of a portal request during the syncs: ${await probe.stop()} ms`,
    );
    console.log(`  backend peak RSS: ${backend.peakRssMb()} MB`);
    console.log(
      '  @roadiehq/catalog-backend-module-aws: not installed here, not run',
    );
  } finally {
    await backend.stop();
    await fake.close();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
