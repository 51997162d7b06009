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

/** Starts bench/benchBackend.ts with a fresh SQLite folder (or PostgreSQL). */
async function startBackend({
  postgres = false,
  extraConfig = '',
  processingIntervalMinutes,
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
  enabled: false
catalog:
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
      env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
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
    /** Peak resident memory of the backend process so far, in MB (Linux). */
    peakRssMb() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)[1]);
      return Math.round(kb / 1024);
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise(r => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (postgres) await dropDatabases(pgUrl, prefix);
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

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const seconds = ms => (ms / 1000).toFixed(1);

module.exports = { startBackend, arg, seconds, root };
