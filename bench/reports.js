/*
 * yarn bench reports [--servers 100000] [--apps 5000] [--systems 500]
 *                    [--clients 50] [--runs 10] [--postgres]
 *
 * Fills a fresh store through the batch API (the catalog mirrors only
 * Groups, so its processing does not compete), then measures through the
 * REST API:
 * - a general servers report with 3 filters: run (count) and first page;
 * - a pivot over 4 levels (clients -> systems -> applications -> servers):
 *   run and first page;
 * - a CSV export of all servers: seconds, rows/s, MB;
 * median and p95 latency of each, and the backend's peak RSS.
 */
const {
  startBackend,
  postRecords,
  benchServer,
  arg,
  seconds,
} = require('./lib');

const SERVERS = Number(arg('servers', '100000'));
const APPS = Number(arg('apps', '5000'));
const SYSTEMS = Number(arg('systems', '500'));
const CLIENTS = Number(arg('clients', '50'));
const RUNS = Number(arg('runs', '10'));
const postgres = process.argv.includes('--postgres');
const BATCH = 1000;
const OWNER = 'group:default/bench';

const clientRef = i => `client:default/c-${i}`;
const systemRef = i => `system:default/s-${i}`;
const serverRef = i => `server:default/v-${i}`;

function* entities() {
  for (let i = 0; i < CLIENTS; i++) {
    yield {
      apiVersion: 'maestroserver.io/v1alpha1',
      kind: 'Client',
      metadata: { name: `c-${i}`, title: `Client ${i}` },
      spec: {},
    };
  }
  for (let i = 0; i < SYSTEMS; i++) {
    yield {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `s-${i}`, title: `System ${i}` },
      spec: {
        owner: OWNER,
        clients: [clientRef(i % CLIENTS), clientRef((i + 7) % CLIENTS)],
      },
    };
  }
  const perApp = Math.ceil(SERVERS / APPS);
  for (let i = 0; i < APPS; i++) {
    const servers = [];
    for (let j = i * perApp; j < Math.min(SERVERS, (i + 1) * perApp); j++)
      servers.push(serverRef(j));
    yield {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `a-${i}`, title: `App ${i}` },
      spec: {
        type: 'service',
        lifecycle: 'production',
        family: 'Application',
        owner: OWNER,
        systems: [systemRef(i % SYSTEMS)],
        servers,
      },
    };
  }
  for (let i = 0; i < SERVERS; i++) yield benchServer(i);
}

function percentile(sorted, p) {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

async function timed(fn) {
  const times = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    last = await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    median: Math.round(percentile(times, 50)),
    p95: Math.round(percentile(times, 95)),
    last,
  };
}

/** Streams the export, counting lines, never holding the file. */
async function exportCsv(backend, id) {
  const started = performance.now();
  const res = await fetch(
    `${backend.baseUrl}/api/maestro/reports/${id}/export?format=csv`,
    { headers: { authorization: `Bearer ${backend.token}` } },
  );
  if (!res.ok) throw new Error(`export: ${res.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body) {
    bytes += chunk.byteLength;
    for (const b of chunk) if (b === 10) lines++;
  }
  return { ms: performance.now() - started, bytes, rows: lines - 1 };
}

async function main() {
  const backend = await startBackend({
    postgres,
    extraConfig: 'maestro:\n  catalog:\n    kinds: [Group]\n',
  });
  try {
    const filled = await postRecords(backend, entities(), BATCH);
    console.log(
      `${postgres ? 'PostgreSQL' : 'SQLite'}: stored ${
        filled.total
      } records in ${seconds(
        filled.ms,
      )} s (${SERVERS} servers, ${APPS} applications, ${SYSTEMS} systems, ${CLIENTS} clients)`,
    );
    const create = (name, query) =>
      backend.request('POST', '/api/maestro/reports', { name, query });

    const general = await create('3 filters', {
      type: 'general',
      kind: 'servers',
      filters: [
        { field: 'spec.environment', operator: 'oneOf', value: ['Production'] },
        { field: 'spec.cpu', operator: 'gte', value: 4 },
        { field: 'spec.os.dist', operator: 'equal', value: 'Ubuntu' },
      ],
    });
    const pivot = await create('4 levels', {
      type: 'pivot',
      levels: [
        { level: 'clients', filters: [] },
        { level: 'systems', filters: [] },
        { level: 'applications', filters: [] },
        { level: 'servers', filters: [] },
      ],
    });
    const all = await create('All servers', {
      type: 'general',
      kind: 'servers',
      filters: [],
    });

    const report = async (label, id) => {
      const run = await timed(() =>
        backend.request('POST', `/api/maestro/reports/${id}/run`),
      );
      const page = await timed(() =>
        backend.request(
          'GET',
          `/api/maestro/reports/${id}/rows?limit=50&sort=${
            label.startsWith('pivot')
              ? 'servers.metadata.title'
              : 'metadata.title'
          }`,
        ),
      );
      console.log(
        `${label}: ${run.last.rowCount} rows; run (count) median ${run.median} ms, p95 ${run.p95} ms; first page of 50 sorted median ${page.median} ms, p95 ${page.p95} ms`,
      );
    };
    await report('general, 3 filters', general.id);
    await report('pivot, 4 levels', pivot.id);

    // Peak RSS of the export alone: Linux resets VmHWM on "5" > clear_refs.
    const beforeExport = backend.peakRssMb();
    try {
      require('fs').writeFileSync(`/proc/${backend.child.pid}/clear_refs`, '5');
    } catch {
      // Not permitted: the figure below then includes the fill.
    }
    const exports = [];
    for (let i = 0; i < Math.min(RUNS, 3); i++)
      exports.push(await exportCsv(backend, all.id));
    exports.sort((a, b) => a.ms - b.ms);
    const mid = exports[Math.floor(exports.length / 2)];
    console.log(
      `CSV export of all servers: ${mid.rows} rows, ${(mid.bytes / 1e6).toFixed(
        1,
      )} MB in ${seconds(mid.ms)} s (${Math.round(
        mid.rows / (mid.ms / 1000),
      )} rows/s; median of ${exports.length})`,
    );
    console.log(
      `backend peak RSS: ${beforeExport} MB while filling and querying; ${backend.peakRssMb()} MB during the exports`,
    );
  } finally {
    await backend.stop();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
