/*
 * yarn bench ingest [--count N] [--postgres]
 *
 * Pushes N synthetic servers through the write path (the batch API) into a
 * fresh store, and measures: records/s into the store, seconds until the
 * catalog serves all N, the same for a second run with nothing changed, and
 * the backend's peak RSS.
 *
 * --processing-interval-minutes M sets catalog.processingInterval: the catalog
 * reprocesses every entity once per interval in the backend's process, so
 * a large inventory wants a longer one (Backstage's default is about 2 min).
 */
const { startBackend, arg, seconds } = require('./lib');

const BATCH = 1000;

function syntheticServer(i, generation) {
  const id = `i-${i.toString(16).padStart(17, '0')}`;
  return {
    apiVersion: 'maestroserver.io/v1alpha1',
    kind: 'Server',
    metadata: { name: id, title: `srv-${i}` },
    spec: {
      hostname: `srv-${i}.bench.internal`,
      uniqueId: id,
      ipv4Private: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      os: {
        base: 'Linux',
        dist: i % 2 ? 'Ubuntu' : 'CentOS',
        version: '22.04',
      },
      cpu: 2 + (i % 8),
      memory: 4 + (i % 16) + generation,
      environment: ['Production', 'Staging', 'Development'][i % 3],
      role: 'Application',
      datacenter: {
        ref: 'datacenter:default/bench-dc',
        provider: 'AWS',
        region: 'us-east-1',
        zone: 'us-east-1a',
        instanceId: id,
      },
      storage: [{ name: '/dev/xvda', size: 50, root: true, type: 'built-in' }],
      auth: [{ type: 'PKI', name: 'bench.pem', username: 'ec2-user' }],
    },
  };
}

async function push(backend, count, generation) {
  const started = Date.now();
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < count; i += BATCH) {
    const entities = [];
    for (let j = i; j < Math.min(count, i + BATCH); j++)
      entities.push(syntheticServer(j, generation));
    const r = await backend.request('POST', '/api/maestro/records/batch', {
      mode: 'upsert',
      entities,
    });
    for (const k of Object.keys(counts)) counts[k] += r[k];
  }
  return { ms: Date.now() - started, counts };
}

/** The last change number of the feed, read from `after` to the end. */
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

async function catalogCount(backend) {
  const r = await backend.request(
    'GET',
    '/api/catalog/entities/by-query?filter=kind=server&limit=1',
  );
  return r.totalItems;
}

async function waitForCatalog(backend, count, started, timeoutMs) {
  let lastReport = 0;
  for (;;) {
    const served = await catalogCount(backend);
    if (served >= count) return Date.now() - started;
    if (Date.now() - lastReport > 15_000) {
      console.log(
        `    ... catalog serves ${served}/${count} servers after ${seconds(
          Date.now() - started,
        )} s`,
      );
      lastReport = Date.now();
    }
    if (Date.now() - started > timeoutMs) return undefined;
    await new Promise(r => setTimeout(r, 1000));
  }
}

async function main() {
  const count = Number(arg('count', '10000'));
  const postgres = process.argv.includes('--postgres');
  const timeoutMs = Number(arg('timeout-minutes', '90')) * 60_000;
  const processingIntervalMinutes = arg(
    'processing-interval-minutes',
    undefined,
  );
  console.log(
    `Ingest benchmark: ${count} servers, ${
      postgres ? 'PostgreSQL' : 'SQLite file'
    }, catalog processing interval: ${
      processingIntervalMinutes ? `${processingIntervalMinutes} min` : 'default'
    }`,
  );
  const backend = await startBackend({ postgres, processingIntervalMinutes });
  try {
    const t0 = Date.now();
    const first = await push(backend, count, 0);
    console.log(
      `  first run: ${count} records into the store in ${seconds(
        first.ms,
      )} s = ${Math.round(
        count / (first.ms / 1000),
      )} records/s (${JSON.stringify(first.counts)})`,
    );
    const servedMs = await waitForCatalog(backend, count, t0, timeoutMs);
    console.log(
      `  first run: catalog serves all ${count} after ${
        servedMs === undefined ? 'TIMEOUT' : seconds(servedMs)
      } s`,
    );

    const cursorAfterFirst = await feedEnd(backend, 0);
    const t1 = Date.now();
    const second = await push(backend, count, 0);
    const changesSecond =
      (await feedEnd(backend, cursorAfterFirst)) - cursorAfterFirst;
    const served2 = await waitForCatalog(backend, count, t1, timeoutMs);
    console.log(
      `  second run (nothing changed): ${seconds(second.ms)} s = ${Math.round(
        count / (second.ms / 1000),
      )} records/s (${JSON.stringify(
        second.counts,
      )}); changes sent to the catalog: ${changesSecond}; catalog serves all ${count} after ${seconds(
        served2,
      )} s`,
    );
    console.log(`  backend peak RSS: ${backend.peakRssMb()} MB`);
  } finally {
    await backend.stop();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
