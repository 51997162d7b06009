/* Shared by the benchmarks: start a backend in a child process, talk to it. */
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts bench/benchBackend.ts with a fresh SQLite folder (or PostgreSQL).
 * `permissions` turns the permission framework on (Maestro's policy then
 * decides); `guest` adds the auth backend with the guest provider signing
 * in as `guest.userEntityRef` with `guest.ownershipEntityRefs` (a real user
 * token, see `userToken()`, to which the per-record rules apply).
 */
async function startBackend({
  postgres = false,
  extraConfig = '',
  processingIntervalMinutes,
  permissions = false,
  guest,
} = {}) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maestro-bench-'));
  const token = crypto.randomBytes(24).toString('hex');
  const prefix = `bench_${Date.now()}_`;
  const pgUrl =
    process.env.MAESTRO_BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432';
  const database = postgres
    ? `    client: pg
    connection: ${pgUrl}
    prefix: ${prefix}`
    : `    client: better-sqlite3
    connection:
      directory: ${dataDir}`;
  const configFile = path.join(dataDir, 'app-config.yaml');
  // The backend writes its longest GC pause here (benchBackend.ts).
  const gcPauseFile = path.join(dataDir, 'longest-gc-pause');
  fs.writeFileSync(
    configFile,
    `backend:
  baseUrl: http://127.0.0.1:${port}
  listen: { port: ${port}, host: 127.0.0.1 }
  auth:
    externalAccess:
      - type: static
        options: { token: ${token}, subject: bench }
  database:
${database}
permission:
  enabled: ${permissions}
${
  guest
    ? `app:
  baseUrl: http://127.0.0.1:${port}
auth:
  providers:
    guest:
      dangerouslyAllowOutsideDevelopment: true
      userEntityRef: ${guest.userEntityRef}
      ownershipEntityRefs: [${guest.ownershipEntityRefs.join(', ')}]
`
    : ''
}catalog:
${
  processingIntervalMinutes
    ? `  processingInterval: { minutes: ${processingIntervalMinutes} }\n`
    : ''
}  rules:
    - allow: [Component, System, API, Resource, Location, Group, User, Datacenter, Server, Volume, Snapshot, Image, Network, Flavor, Client]
${extraConfig}`,
  );
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.join(__dirname, 'benchBackend.ts'),
      '--config',
      configFile,
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        MAESTRO_BENCH_GC_FILE: gcPauseFile,
        ...(guest ? { MAESTRO_BENCH_GUEST: '1' } : {}),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', d => {
    stderr = (stderr + d).slice(-4000);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const backend = {
    child,
    baseUrl,
    token,
    async request(method, urlPath, body) {
      const res = await fetch(`${baseUrl}${urlPath}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok)
        throw new Error(
          `${method} ${urlPath}: ${res.status} ${text.slice(0, 500)}`,
        );
      return text ? JSON.parse(text) : undefined;
    },
    /** A plugin's own database (PostgreSQL runs only), for direct loading. */
    pluginDatabaseUrl(pluginId) {
      if (!postgres) throw new Error('pluginDatabaseUrl needs --postgres');
      return `${pgUrl.replace(/\/$/, '')}/${prefix}${pluginId}`;
    },
    /** A user token from the guest sign-in (needs the `guest` option). */
    async userToken() {
      const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
      const body = await res.json().catch(() => ({}));
      const userToken = body?.backstageIdentity?.token;
      if (!res.ok || !userToken)
        throw new Error(`guest sign-in failed: ${res.status}`);
      return userToken;
    },
    /** Peak resident memory of the backend process so far, in MB (Linux). */
    peakRssMb() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)[1]);
      return Math.round(kb / 1024);
    },
    /** The backend's longest garbage-collection pause so far, in ms. */
    longestGcPauseMs() {
      return fs.existsSync(gcPauseFile)
        ? Number(fs.readFileSync(gcPauseFile, 'utf8'))
        : 0;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise(r => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
      // MAESTRO_BENCH_KEEP=1 keeps the databases, to study them afterwards.
      if (postgres && !process.env.MAESTRO_BENCH_KEEP)
        await dropDatabases(pgUrl, prefix);
    },
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`backend exited: ${stderr}`);
    try {
      await backend.request('GET', '/api/maestro/kinds');
      return backend;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`backend did not start: ${stderr}`);
      await new Promise(r => setTimeout(r, 500));
    }
  }
}

/** Drops the per-plugin databases a PostgreSQL bench run created. */
async function dropDatabases(url, prefix) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

/** POSTs entities to the batch API, `batchSize` at a time, in order. */
async function postRecords(backend, entities, batchSize = 1000) {
  const started = Date.now();
  let batch = [];
  let total = 0;
  const flush = async () => {
    await backend.request('POST', '/api/maestro/records/batch', {
      mode: 'create',
      entities: batch,
    });
    total += batch.length;
    batch = [];
  };
  for (const entity of entities) {
    batch.push(entity);
    if (batch.length === batchSize) await flush();
  }
  if (batch.length) await flush();
  return { total, ms: Date.now() - started };
}

/** A synthetic server `v-<i>` as the reports and load benches store it. */
function benchServer(i, extraSpec = {}) {
  return {
    apiVersion: 'maestroserver.io/v1alpha1',
    kind: 'Server',
    metadata: { name: `v-${i}`, title: `srv-${i}` },
    spec: {
      hostname: `srv-${i}.bench.internal`,
      ipv4Private: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      os: {
        base: 'Linux',
        dist: i % 2 ? 'Ubuntu' : 'CentOS',
        version: '22.04',
      },
      cpu: 2 + (i % 8),
      memory: 4 + (i % 16),
      environment: ['Production', 'Staging', 'Development'][i % 3],
      datacenter: { provider: ['AWS', 'Azure'][i % 2], region: 'us-east-1' },
      auth: [{ type: 'PKI', name: 'bench.pem', username: 'ec2-user' }],
      tags: [{ key: 'team', value: `t${i % 10}` }],
      ...extraSpec,
    },
  };
}

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const seconds = ms => (ms / 1000).toFixed(1);

module.exports = {
  startBackend,
  postRecords,
  benchServer,
  arg,
  seconds,
  root,
};
