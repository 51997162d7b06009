/*
 * yarn bench load [--servers 100000] [--duration 60] [--connections 100]
 *                 [--warmup 5] [--timeout 30]
 *
 * 100 concurrent users for 60 s against a backend on PostgreSQL holding
 * 100,000 servers, each with an owner and 1-3 access entries (users and
 * teams, mixed roles), read under `maestro.access.defaultRead: restricted`
 * by a signed-in user (guest sign-in, a member of one team) who may read
 * about 30% of them, so every request is filtered by the access rules in
 * SQL. wrk (Debian) runs one process per endpoint at the same time, the
 * connections split between them (bench/load.lua):
 * - the servers list: a page of 20, filtered by environment, sorted;
 * - a record page: one of the servers the user may read;
 * - a report's rows: a page of 50 of a saved report, sorted.
 * Prints requests/s, p50/p99 latency and errors per endpoint and for the
 * whole run; exits non-zero on any error (non-2xx or socket error).
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const {
  startBackend,
  postRecords,
  benchServer,
  arg,
  seconds,
} = require('./lib');

const SERVERS = Number(arg('servers', '100000'));
const DURATION = Number(arg('duration', '60'));
const CONNECTIONS = Number(arg('connections', '100'));
const WARMUP = Number(arg('warmup', '5'));
const TIMEOUT = Number(arg('timeout', '30'));

const USER = 'user:default/bench-user';
const TEAM = 'group:default/team-3';
const ROLES = ['read', 'write', 'admin'];
const OTHER_TEAMS = Array.from({ length: 20 }, (_, n) => n)
  .filter(n => n !== 3)
  .map(n => `group:default/team-${n}`);
const ENDPOINTS = [
  { id: 'list', label: 'servers list (filter, sort)' },
  { id: 'record', label: 'record page' },
  { id: 'report', label: 'report rows' },
];

/** A well-mixed integer in [0, 2^32) for server i (deterministic). */
function mix(i) {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Someone other than the bench user and its team. */
function other(i, n) {
  const k = mix(i * 7 + n);
  return k % 2
    ? `user:default/u-${k % 500}`
    : OTHER_TEAMS[(k >>> 1) % OTHER_TEAMS.length];
}

/**
 * Server i's owner and 1-3 entries. 3% are owned by the bench user, 24%
 * grant its team a role, 3% grant the user read; the rest name others
 * only: the user reads 30%.
 */
function accessOf(i) {
  const r = mix(i) % 100;
  const owner = r < 3 ? USER : other(i, 0);
  const entries = new Map();
  if (r >= 3 && r < 27) entries.set(TEAM, ROLES[i % 3]);
  else if (r >= 27 && r < 30) entries.set(USER, 'read');
  for (let n = 1; entries.size < 1 + (i % 3); n++) {
    const principal = other(i, n);
    if (principal !== owner && !entries.has(principal))
      entries.set(principal, ROLES[(i + n) % 3]);
  }
  return { owner, entries: [...entries], readable: r < 30 };
}

function* servers() {
  for (let i = 0; i < SERVERS; i++)
    yield benchServer(i, { owner: accessOf(i).owner });
}

/** The entries go straight into the table, after the servers exist. */
async function insertEntries(backend) {
  const { Client } = require('pg');
  const client = new Client({
    connectionString: backend.pluginDatabaseUrl('maestro'),
  });
  await client.connect();
  const started = Date.now();
  const now = new Date().toISOString();
  let inserted = 0;
  try {
    for (let from = 0; from < SERVERS; from += 10000) {
      const refs = [];
      const principals = [];
      const roles = [];
      for (let i = from; i < Math.min(SERVERS, from + 10000); i++) {
        for (const [principal, role] of accessOf(i).entries) {
          refs.push(`server:default/v-${i}`);
          principals.push(principal);
          roles.push(role);
        }
      }
      const res = await client.query(
        `INSERT INTO maestro_record_access
           (record_id, principal, role, created_at, created_by)
         SELECT r.id, x.principal, x.role, $4, 'user:default/bench'
         FROM unnest($1::text[], $2::text[], $3::text[])
           AS x(ref, principal, role)
         JOIN maestro_records r ON r.entity_ref = x.ref`,
        [refs, principals, roles, now],
      );
      if (res.rowCount !== refs.length)
        throw new Error(`inserted ${res.rowCount} of ${refs.length} entries`);
      inserted += res.rowCount;
    }
    // What autovacuum does soon after a load: fresh planner statistics and
    // the visibility map that lets counts read the covering indexes alone.
    await client.query('VACUUM ANALYZE maestro_records');
    await client.query('VACUUM ANALYZE maestro_record_access');
  } finally {
    await client.end();
  }
  return { inserted, ms: Date.now() - started };
}

async function asUser(backend, token, urlPath) {
  const res = await fetch(`${backend.baseUrl}${urlPath}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

/** Checks that the rules filter what the user gets, before any load. */
async function checkAccess(backend, token, reportId, readable) {
  const expect = (what, actual, expected) => {
    if (actual !== expected)
      throw new Error(`${what}: got ${actual}, expected ${expected}`);
  };
  const list = await asUser(backend, token, '/api/maestro/entities/servers');
  expect('servers the user reads', list.body.totalCount, readable.length);
  const hidden = Array.from({ length: SERVERS }, (_, i) => i).find(
    i => !accessOf(i).readable,
  );
  const page = name => `/api/maestro/entities/servers/default/${name}`;
  expect(
    'a readable record',
    (await asUser(backend, token, page(readable[0]))).status,
    200,
  );
  expect(
    'a record the user may not read',
    (await asUser(backend, token, page(`v-${hidden}`))).status,
    404,
  );
  const rows = await asUser(
    backend,
    token,
    `/api/maestro/reports/${reportId}/rows?limit=1`,
  );
  const inReport = readable.filter(n => Number(n.slice(2)) % 3 !== 2).length;
  expect('report rows the user reads', rows.body.totalCount, inReport);
  return { listed: list.body.totalCount, inReport };
}

function ensureWrk() {
  if (!spawnSync('wrk', ['--version']).error) return;
  if (process.getuid?.() !== 0)
    throw new Error('wrk is missing: apt-get install wrk');
  console.log('installing Debian wrk');
  const apt = spawnSync(
    'sh',
    ['-c', 'apt-get update -qq && apt-get install -y -qq wrk >/dev/null'],
    { stdio: 'inherit' },
  );
  if (apt.status !== 0 || spawnSync('wrk', ['--version']).error)
    throw new Error('could not install wrk');
}

/**
 * Runs one wrk per endpoint at once, `connections` split between them;
 * resolves with their figures.
 */
async function runWrk(
  { baseUrl, token, reportId, namesFile, dir },
  secs,
  connections,
) {
  const share = i =>
    Math.floor(connections / 3) + (i < connections % 3 ? 1 : 0);
  const runs = ENDPOINTS.map(async (endpoint, i) => {
    const out = path.join(dir, `${endpoint.id}.json`);
    fs.rmSync(out, { force: true });
    const child = spawn(
      'wrk',
      [
        '-t1',
        `-c${share(i)}`,
        `-d${secs}s`,
        `--timeout`,
        `${TIMEOUT}s`,
        '-s',
        path.join(__dirname, 'load.lua'),
        baseUrl,
      ],
      {
        env: {
          ...process.env,
          MAESTRO_LOAD_ENDPOINT: endpoint.id,
          MAESTRO_LOAD_TOKEN: token,
          MAESTRO_LOAD_NAMES: namesFile,
          MAESTRO_LOAD_REPORT: reportId,
          MAESTRO_LOAD_OUT: out,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', d => (output += d));
    child.stderr.on('data', d => (output += d));
    const code = await new Promise(r => child.once('exit', r));
    if (code !== 0 || !fs.existsSync(out))
      throw new Error(`wrk ${endpoint.id} failed (${code}): ${output}`);
    return {
      ...endpoint,
      connections: share(i),
      ...JSON.parse(fs.readFileSync(out, 'utf8')),
    };
  });
  return Promise.all(runs);
}

/** Latency at percentile p of several endpoints' quantile tables merged. */
function mergedPercentile(results, p) {
  const points = [];
  for (const r of results) {
    let previous = 0;
    for (const [q, us] of r.latencyUs.quantiles) {
      points.push([us, ((q - previous) / 100) * r.requests]);
      previous = q;
    }
  }
  points.sort((a, b) => a[0] - b[0]);
  const total = points.reduce((s, [, w]) => s + w, 0);
  let seen = 0;
  for (const [us, w] of points) {
    seen += w;
    if (seen >= (p / 100) * total) return us;
  }
  return points[points.length - 1][0];
}

const quantile = (r, p) =>
  r.latencyUs.quantiles.find(([q]) => Math.abs(q - p) < 0.005)[1];
const ms = us => `${(us / 1000).toFixed(1)} ms`;
const errorsOf = r =>
  r.errors.non2xx +
  r.errors.connect +
  r.errors.read +
  r.errors.write +
  r.errors.timeout;

function cpuSeconds(pid) {
  const fields = fs
    .readFileSync(`/proc/${pid}/stat`, 'utf8')
    .split(') ')[1]
    .split(' ');
  // utime + stime, in clock ticks of 1/100 s (USER_HZ on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function print(results, secs, cpu) {
  const row = (label, requests, rps, p50, p99, max, errors) =>
    console.log(
      `  ${label.padEnd(34)}${String(requests).padStart(9)}${rps.padStart(
        10,
      )}${p50.padStart(11)}${p99.padStart(11)}${max.padStart(11)}${String(
        errors,
      ).padStart(8)}`,
    );
  console.log(
    `  ${'endpoint (connections)'.padEnd(34)}${'requests'.padStart(
      9,
    )}${'req/s'.padStart(10)}${'p50'.padStart(11)}${'p99'.padStart(
      11,
    )}${'max'.padStart(11)}${'errors'.padStart(8)}`,
  );
  for (const r of results) {
    row(
      `${r.label} (${r.connections})`,
      r.requests,
      (r.requests / (r.durationUs / 1e6)).toFixed(1),
      ms(quantile(r, 50)),
      ms(quantile(r, 99)),
      ms(r.latencyUs.max),
      errorsOf(r),
    );
  }
  const requests = results.reduce((s, r) => s + r.requests, 0);
  const rps = results.reduce(
    (s, r) => s + r.requests / (r.durationUs / 1e6),
    0,
  );
  row(
    `all (${CONNECTIONS})`,
    requests,
    rps.toFixed(1),
    ms(mergedPercentile(results, 50)),
    ms(mergedPercentile(results, 99)),
    ms(Math.max(...results.map(r => r.latencyUs.max))),
    results.reduce((s, r) => s + errorsOf(r), 0),
  );
  console.log(
    `  backend CPU ${Math.round(
      (cpu / secs) * 100,
    )}% of one core over the run (Node is single-threaded; PostgreSQL and wrk use the rest)`,
  );
  for (const r of results) {
    if (errorsOf(r))
      console.log(`  ${r.label} errors: ${JSON.stringify(r.errors)}`);
  }
  if (results.some(r => r.errors.timeout))
    console.log(
      `  (requests that timed out after ${TIMEOUT} s are errors, not in the latencies)`,
    );
}

async function main() {
  if (CONNECTIONS < 3) throw new Error('--connections must be 3 or more');
  ensureWrk();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maestro-bench-load-'));
  const backend = await startBackend({
    postgres: true,
    permissions: true,
    guest: { userEntityRef: USER, ownershipEntityRefs: [USER, TEAM] },
    // Servers are not copied to the catalog: its processing would compete.
    extraConfig:
      'maestro:\n  access:\n    defaultRead: restricted\n  catalog:\n    kinds: [Group]\n',
  });
  let failed = false;
  try {
    const filled = await postRecords(backend, servers());
    const entries = await insertEntries(backend);
    const readable = [];
    for (let i = 0; i < SERVERS; i++)
      if (accessOf(i).readable) readable.push(`v-${i}`);
    console.log(
      `PostgreSQL: stored ${filled.total} servers with owners in ${seconds(
        filled.ms,
      )} s through the batch API; ${
        entries.inserted
      } access entries in ${seconds(entries.ms)} s straight into the table`,
    );

    const report = await backend.request('POST', '/api/maestro/reports', {
      name: 'Production and staging servers',
      query: {
        type: 'general',
        kind: 'servers',
        filters: [
          {
            field: 'spec.environment',
            operator: 'oneOf',
            value: ['Production', 'Staging'],
          },
        ],
      },
    });
    // Saved reports have access of their own: the user's team may read it.
    await backend.request('PUT', `/api/maestro/reports/${report.id}/access`, {
      entries: [{ principal: TEAM, role: 'read' }],
    });
    const token = await backend.userToken();
    const seen = await checkAccess(backend, token, report.id, readable);
    console.log(
      `${USER} (team ${TEAM}) reads ${seen.listed} of ${SERVERS} servers (${(
        (seen.listed / SERVERS) *
        100
      ).toFixed(1)}%) and ${seen.inReport} rows of the report`,
    );

    const namesFile = path.join(dir, 'names.txt');
    fs.writeFileSync(namesFile, `${readable.join('\n')}\n`);
    const target = {
      baseUrl: backend.baseUrl,
      token,
      reportId: report.id,
      namesFile,
      dir,
    };
    // One connection per endpoint: the warm-up leaves at most three requests
    // behind it, not a queue that the measured run would wait for.
    if (WARMUP > 0) await runWrk(target, WARMUP, 3);
    const cpuBefore = cpuSeconds(backend.child.pid);
    const [load1] = os.loadavg();
    console.log(
      `wrk: ${CONNECTIONS} connections for ${DURATION} s after a ${WARMUP} s warm-up, timeout ${TIMEOUT} s; ${
        os.cpus().length
      } cores shared with other work (load average ${load1.toFixed(
        1,
      )} at start), so the figures are indicative`,
    );
    const results = await runWrk(target, DURATION, CONNECTIONS);
    print(results, DURATION, cpuSeconds(backend.child.pid) - cpuBefore);
    console.log(`  backend peak RSS ${backend.peakRssMb()} MB`);
    const errors = results.reduce((s, r) => s + errorsOf(r), 0);
    if (errors) {
      console.error(`FAIL: ${errors} requests failed`);
      failed = true;
    }
    const idle = results.filter(r => !r.requests).map(r => r.label);
    if (idle.length) {
      console.error(`FAIL: no answer within the run for ${idle.join(', ')}`);
      failed = true;
    }
  } finally {
    await backend.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
