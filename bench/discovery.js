/*
 * yarn bench discovery [--instances N] [--regions R] [--postgres] [--no-roadie]
 *                      [--timeout-minutes 180] [--processing-interval-minutes 60]
 *
 * A fake AWS account (@maestro/fake-cloud: real EC2 Query XML, paged) with N
 * instances in mixed states and about N volumes over R regions, discovered
 * by the Maestro AWS module in a real backend through the real SDK. Prints:
 * records discovered, the first full sync's time to the store and to the
 * catalog, a second sync with nothing changed, a sync with 1% changed, the
 * backend's peak RSS and the longest a request waited during the syncs.
 *
 * Then the Backstage community's EC2 provider (AWSEC2Provider of
 * @roadiehq/catalog-backend-module-aws, installed by bench/roadie/install.js
 * outside the workspace) runs against the same fake in its own process, one
 * provider per region, and the two are printed side by side. `--no-roadie`
 * skips it.
 */
require('@backstage/cli/config/nodeTransform.cjs');
const { startBackend, arg, seconds } = require('./lib');
const { startFakeCloud } = require('@maestro/fake-cloud');
const { ensureRoadieInstalled, ROADIE_PACKAGE } = require('./roadie/install');
const { startRoadieEc2 } = require('./roadie/driveRoadieEc2');

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'sa-east-1'];

/**
 * Asks the backend's liveness route every 20 ms and keeps the slowest
 * answer: how long any request waits for the event loop while a sync runs
 * (an upper bound of the backend's longest event-loop stall). The route
 * touches no database, so the probe adds no load of its own: a Maestro
 * route that counts records would keep a database connection busy at
 * 100,000 records and measure the database, not the wait.
 */
function startLatencyProbe(backend) {
  let longest = 0;
  let phase = '';
  let longestPhase = '';
  let running = true;
  // A failed request ends the probe; its error surfaces at stop(), not as
  // an unhandled rejection that would hide why the backend went away.
  const loop = (async () => {
    while (running) {
      const t = Date.now();
      await backend.request('GET', '/.backstage/health/v1/liveness');
      const waited = Date.now() - t;
      if (waited > longest) {
        longest = waited;
        longestPhase = phase;
      }
      await new Promise(r => setTimeout(r, 20));
    }
  })();
  loop.catch(() => {});
  return {
    /** Names what the backend is doing, to say when the longest wait came. */
    phase(name) {
      phase = name;
    },
    async stop() {
      running = false;
      await loop;
      return { longest, phase: longestPhase };
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

/**
 * Runs a task now and waits for its outcome. A scheduled run of the task
 * may be under way (a long catalog wait outlasts the schedule): it is let
 * finish first, since the backend refuses a second one (409).
 */
async function sync(backend, id, task) {
  for (;;) {
    const state = await taskState(backend, id, task);
    if (state.running) {
      await waitForRun(backend, id, task, state.lastRunAt);
      continue;
    }
    const started = Date.now();
    try {
      await backend.request(
        'POST',
        `/api/maestro/connections/${id}/tasks/${task}/sync`,
      );
    } catch (e) {
      if (/: 409 /.test(e.message)) continue;
      throw e;
    }
    const run = await waitForRun(backend, id, task, state.lastRunAt);
    return { ms: run.ms - started, state: run.state };
  }
}

async function catalogCount(backend, kind) {
  const r = await backend.request(
    'GET',
    `/api/catalog/entities/by-query?filter=kind=${kind}&limit=1`,
  );
  return r.totalItems;
}

/** How often a long wait for the catalog prints how far it got. */
const CATALOG_PROGRESS_MS = 5 * 60_000;

async function waitForCatalog(backend, kind, count, started, timeoutMs) {
  let last = { at: Date.now(), served: await catalogCount(backend, kind) };
  for (;;) {
    const served = await catalogCount(backend, kind);
    if (served >= count) return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      console.log(`    catalog serves ${served}/${count} ${kind} entities`);
      return undefined;
    }
    // A long wait says how far it got, so a run cut short still shows the
    // catalog's pace.
    if (Date.now() - last.at >= CATALOG_PROGRESS_MS) {
      const perMinute = Math.round(
        ((served - last.served) * 60_000) / (Date.now() - last.at),
      );
      console.log(
        `    after ${seconds(
          Date.now() - started,
        )} s the catalog serves ${served}/${count} ${kind} entities (${perMinute}/min lately)`,
      );
      last = { at: Date.now(), served };
    }
    // The catalog's count reads its search table: every 5 s, so that the
    // asking does not slow what it measures.
    await new Promise(r => setTimeout(r, 5000));
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

/** Tags 1% of the instances (every 100th of each region) with `team`. */
function changeOnePercent(regions, team) {
  const changed = [];
  for (const region of regions) {
    for (let i = 0; i < region.instances.length; i += 100) {
      region.instances[i].tags = [
        ...region.instances[i].tags.filter(t => t.key !== 'team'),
        { key: 'team', value: team },
      ];
      changed.push(region.instances[i]);
    }
  }
  return changed;
}

/** Maestro's part: its own lines as it goes, its figures for the table. */
async function benchMaestro({
  fake,
  regions,
  postgres,
  timeoutMs,
  processingIntervalMinutes,
}) {
  const all = [...fake.aws.regions.values()];
  const totalInstances = all.reduce((n, r) => n + r.instances.length, 0);
  const totalVolumes = all.reduce((n, r) => n + r.volumes.length, 0);
  const backend = await startBackend({
    postgres,
    processingIntervalMinutes,
    extraConfig: `maestro:\n  discovery:\n    encryptionKey: bench-discovery-encryption-key\n`,
  });
  let stderr = '';
  backend.child.stderr.on('data', d => {
    stderr = (stderr + d).slice(-2000);
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
    probe.phase('first sync to the store');

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
    probe.phase("the catalog's intake of the first sync");
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
    probe.phase('the second sync');
    const second = await sync(backend, id, 'server-list');
    line('second sync, nothing changed', second.state, second.ms);
    const cursor2 = await feedEnd(backend, cursor);
    console.log(`    changes sent to the catalog: ${cursor2 - cursor}`);

    probe.phase('the 1% sync');
    const changed = changeOnePercent(all, 'changed').length;
    const third = await sync(backend, id, 'server-list');
    line(`sync with 1% changed (${changed} instances)`, third.state, third.ms);
    const cursor3 = await feedEnd(backend, cursor2);
    console.log(`    changes sent to the catalog: ${cursor3 - cursor2}`);

    const { longest: longestWaitMs, phase } = await probe.stop();
    const peakRssMb = backend.peakRssMb();
    console.log(
      `  longest wait of a portal request during the syncs: ${longestWaitMs} ms (during ${phase})`,
    );
    console.log(
      `  longest garbage-collection pause in the backend: ${backend.longestGcPauseMs()} ms`,
    );
    console.log(`  backend peak RSS: ${peakRssMb} MB`);
    return {
      instances: servers.state.seen,
      firstMs: servers.ms - t0,
      firstCatalogMs: servedServers,
      secondMs: second.ms,
      secondChanges: cursor2 - cursor,
      changedMs: third.ms,
      changedChanges: cursor3 - cursor2,
      peakRssMb,
      longestWaitMs,
    };
  } catch (e) {
    const { exitCode, signalCode } = backend.child;
    if (exitCode === null && signalCode === null) throw e;
    throw new Error(
      `the backend exited (${
        exitCode ?? signalCode
      }) during the run: ${stderr.trim()}`,
    );
  } finally {
    // stop() waits for an exit that has already happened when it died.
    if (backend.child.exitCode === null && backend.child.signalCode === null)
      await backend.stop();
  }
}

const roadieLine = (label, run) =>
  console.log(
    `  ${label}: ${seconds(run.ms)} s, ${
      run.entities
    } entities in full mutations; per region ${run.regions
      .map(r => `${r.region} ${r.entities} in ${seconds(r.ms)} s`)
      .join(', ')}`,
  );

/**
 * The community provider's part, after Maestro's backend has stopped so
 * the two never share the CPU. Returns its figures, or `{ reason }`.
 */
async function benchRoadie({ fake, regions }) {
  const install = ensureRoadieInstalled();
  if (install.reason) return install;
  const all = [...fake.aws.regions.values()];
  const running = all.reduce(
    (n, r) => n + r.instances.filter(i => i.state === 'running').length,
    0,
  );
  console.log(
    `${ROADIE_PACKAGE}@${install.version}, AWSEC2Provider: its own process, one provider per region (${regions.length}, run together), a connection that counts entities in place of the catalog`,
  );
  let roadie;
  try {
    roadie = await startRoadieEc2({ installDir: install.dir, fake, regions });
    const first = await roadie.sync('first');
    roadieLine('first sync, to the provider connection', first);
    console.log(
      `  records discovered: ${first.entities}/${running} running instances (it lists running ones only)`,
    );
    const second = await roadie.sync('second');
    roadieLine('second sync, nothing changed', second);
    const changed = changeOnePercent(all, 'changed-again');
    const changedRunning = changed.filter(i => i.state === 'running').length;
    const third = await roadie.sync('changed');
    roadieLine(
      `sync with 1% changed (${changed.length} instances, ${changedRunning} running)`,
      third,
    );
    const longestStallMs = Math.max(
      first.longestStallMs,
      second.longestStallMs,
      third.longestStallMs,
    );
    console.log(
      `  longest event-loop stall during the syncs: ${longestStallMs} ms (first ${first.longestStallMs}, second ${second.longestStallMs}, 1% changed ${third.longestStallMs}; the larger of monitorEventLoopDelay and a 10 ms timer's drift)`,
    );
    const { peakRssMb } = await roadie.finish();
    console.log(
      `  process peak RSS: ${peakRssMb} MB (${roadie.baselineRssMb} MB once loaded, before the first sync)`,
    );
    return {
      version: install.version,
      running,
      instances: first.entities,
      firstMs: first.ms,
      secondMs: second.ms,
      secondEntities: second.entities,
      changedMs: third.ms,
      changedEntities: third.entities,
      peakRssMb,
      baselineRssMb: roadie.baselineRssMb,
      longestStallMs,
    };
  } catch (e) {
    roadie?.kill();
    return { reason: `it failed: ${e.message.split('\n')[0]}` };
  }
}

function printSideBySide(maestro, roadie) {
  const rows = [
    [
      'records discovered (instances)',
      `${maestro.instances} (every state)`,
      `${roadie.instances} (running only, of ${roadie.running})`,
    ],
    [
      'first full sync',
      `${seconds(maestro.firstMs)} s to the store, ${
        maestro.firstCatalogMs === undefined
          ? 'TIMEOUT'
          : `${seconds(maestro.firstCatalogMs)} s`
      } to the catalog`,
      `${seconds(roadie.firstMs)} s to the connection`,
    ],
    [
      'second sync, nothing changed',
      `${seconds(maestro.secondMs)} s, ${maestro.secondChanges} changes sent`,
      `${seconds(roadie.secondMs)} s, ${
        roadie.secondEntities
      } entities re-sent`,
    ],
    [
      'sync with 1% changed',
      `${seconds(maestro.changedMs)} s, ${maestro.changedChanges} changes sent`,
      `${seconds(roadie.changedMs)} s, ${
        roadie.changedEntities
      } entities re-sent`,
    ],
    [
      'peak RSS',
      `${maestro.peakRssMb} MB (whole backend)`,
      `${roadie.peakRssMb} MB (provider process)`,
    ],
    [
      'longest event-loop stall',
      `${maestro.longestWaitMs} ms (request wait)`,
      `${roadie.longestStallMs} ms (loop delay, timer drift)`,
    ],
  ];
  const head = ['', 'Maestro', `Roadie EC2 provider ${roadie.version}`];
  const widths = head.map((h, c) =>
    Math.max(h.length, ...rows.map(r => r[c].length)),
  );
  const format = r =>
    `  ${r.map((cell, c) => cell.padEnd(widths[c])).join('  ')}`.trimEnd();
  console.log('\nSide by side, same fake account:');
  console.log(format(head));
  rows.forEach(r => console.log(format(r)));
  console.log(
    '  Maestro: a whole backend, writes to its store and the catalog, sends only changes; stall measured as the longest wait of a request to it.\n' +
      '  Roadie: the provider alone; its connection only counts entities, so the catalog work on each full mutation is not included; stall from monitorEventLoopDelay and timer drift in its process.',
  );
}

async function main() {
  const instances = Number(arg('instances', '100000'));
  const regions = REGIONS.slice(0, Number(arg('regions', '4')));
  const postgres = process.argv.includes('--postgres');
  const withRoadie = !process.argv.includes('--no-roadie');
  const timeoutMs = Number(arg('timeout-minutes', '180')) * 60_000;
  // The catalog reprocesses every entity once per interval: at Backstage's
  // default (about 2 minutes) a large inventory's reprocessing alone would
  // outrun the catalog, so the interval grows with it, as the README says.
  const processingIntervalMinutes = arg('processing-interval-minutes', '60');
  const perRegion = Math.ceil(instances / regions.length);

  const fake = await startFakeCloud({
    aws: {
      regions,
      instancesPerRegion: perRegion,
      // Root volumes of live instances plus detached/data ones: ~N volumes.
      extraVolumesPerRegion: Math.round(perRegion * 0.08),
    },
  });
  try {
    const all = [...fake.aws.regions.values()];
    const totalInstances = all.reduce((n, r) => n + r.instances.length, 0);
    const totalVolumes = all.reduce((n, r) => n + r.volumes.length, 0);
    console.log(
      `Discovery benchmark: fake AWS account with ${totalInstances} instances and ${totalVolumes} volumes over ${
        regions.length
      } regions, ${
        postgres ? 'PostgreSQL' : 'SQLite file'
      }, catalog processing interval ${processingIntervalMinutes} min`,
    );
    const maestro = await benchMaestro({
      fake,
      regions,
      postgres,
      timeoutMs,
      processingIntervalMinutes,
    });
    if (!withRoadie) {
      console.log('Roadie EC2 provider: not run (--no-roadie)');
      return;
    }
    const roadie = await benchRoadie({ fake, regions });
    if (roadie.reason) {
      console.log(`Roadie EC2 provider: not run, ${roadie.reason}`);
      return;
    }
    printSideBySide(maestro, roadie);
  } finally {
    await fake.close();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
