/*
 * yarn bench inventory [--count 100000] [--postgres] [--requests 50]
 *
 * The Inventory's servers table against a store of N servers: the requests
 * the table sends (GET /entities/servers with paging, a column filter, a
 * sort), 50 of each, through the real REST router over HTTP; prints the
 * median and p95 of each. Maestro's store, write path and router run in
 * this process (no catalog, whose ingestion would compete for the CPU);
 * the store is a SQLite file, or PostgreSQL at 127.0.0.1:5432 with
 * --postgres (MAESTRO_BENCH_PG overrides the URL).
 */
require('@backstage/cli/config/nodeTransform.cjs');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { arg, root, seconds } = require('./lib');

const BATCH = 1000;
const backendSrc = path.join(root, 'plugins/maestro-backend/src');

function syntheticServer(i) {
  const id = `i-${i.toString(16).padStart(17, '0')}`;
  return {
    apiVersion: 'maestroserver.io/v1alpha1',
    kind: 'Server',
    metadata: { name: id, title: `srv-${i}` },
    spec: {
      hostname: `srv-${i}.bench.internal`,
      ipv4Private: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      os: { base: 'Linux', dist: ['Ubuntu', 'CentOS', 'Debian'][i % 3] },
      cpu: 2 + (i % 8),
      environment: ['Production', 'Staging', 'Development'][i % 3],
      role: 'Application',
      datacenter: { ref: `datacenter:default/bench-dc-${i % 4}` },
      auth: [{ type: 'PKI', name: 'bench.pem', username: 'ec2-user' }],
    },
  };
}

async function openDatabase(postgres) {
  if (!postgres) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maestro-bench-inv-'));
    const knex = require('knex')({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'maestro.sqlite') },
      useNullAsDefault: true,
    });
    return {
      knex,
      label: 'SQLite file',
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url =
    process.env.MAESTRO_BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432';
  const name = `bench_inventory_${Date.now()}`;
  const admin = require('knex')({ client: 'pg', connection: url });
  await admin.raw(`CREATE DATABASE ${name}`);
  const knex = require('knex')({
    client: 'pg',
    connection: `${url.replace(/\/$/, '')}/${name}`,
  });
  return {
    knex,
    label: 'PostgreSQL',
    drop: async () => {
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}

/** The REST router alone, with every caller taken as one signed-in user. */
async function serveRouter(store, writePath) {
  const express = require('express');
  const { createRouter } = require(`${backendSrc}/service/router.ts`);
  const httpAuth = {
    credentials: async () => ({
      principal: { type: 'user', userEntityRef: 'user:default/bench' },
    }),
  };
  const app = express();
  app.use(
    '/api/maestro',
    createRouter({ store, writePath, importer: {}, httpAuth }),
  );
  const server = await new Promise(resolve => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}/api/maestro`,
    close: () => new Promise(r => server.close(r)),
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

async function measure(baseUrl, label, query, requests) {
  const times = [];
  let totalCount;
  // Warm-up requests (statement caches, JIT) are not counted.
  for (let i = 0; i < 3; i++)
    await fetch(`${baseUrl}/entities/servers?${query}`);
  for (let i = 0; i < requests; i++) {
    const t = process.hrtime.bigint();
    const res = await fetch(`${baseUrl}/entities/servers?${query}`);
    const body = await res.json();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (!res.ok)
      throw new Error(`${query}: ${res.status} ${JSON.stringify(body)}`);
    totalCount = body.totalCount;
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(34)} median ${percentile(times, 0.5).toFixed(
      1,
    )} ms, p95 ${percentile(times, 0.95).toFixed(
      1,
    )} ms  (${totalCount} matching; ?${query})`,
  );
}

async function main() {
  const count = Number(arg('count', '100000'));
  const requests = Number(arg('requests', '50'));
  const postgres = process.argv.includes('--postgres');
  const db = await openDatabase(postgres);
  console.log(
    `Inventory table benchmark: ${count} servers, ${db.label}, ${requests} requests each`,
  );
  const { migrateStore } = require(`${backendSrc}/store/migrations.ts`);
  const { RecordStore } = require(`${backendSrc}/store/RecordStore.ts`);
  const { WritePath } = require(`${backendSrc}/writePath/WritePath.ts`);
  const quiet = { info() {}, warn() {}, error() {}, debug() {} };
  quiet.child = () => quiet;
  const store = new RecordStore(
    await migrateStore({ getClient: async () => db.knex }),
  );
  const writePath = new WritePath(store, { published: async () => {} }, quiet);
  let router;
  try {
    const t0 = Date.now();
    for (let i = 0; i < count; i += BATCH) {
      const entities = [];
      for (let j = i; j < Math.min(count, i + BATCH); j++)
        entities.push(syntheticServer(j));
      await writePath.writeMany(entities, {
        mode: 'create',
        source: { type: 'api' },
        actor: 'user:default/bench',
      });
    }
    console.log(`  loaded ${count} servers in ${seconds(Date.now() - t0)} s`);
    router = await serveRouter(store, writePath);
    const page = 'offset=0&limit=20';
    const half = Math.floor(count / 2);
    await measure(router.baseUrl, 'first page', page, requests);
    await measure(
      router.baseUrl,
      'filtered page (hostname contains)',
      `filter.spec.hostname=~srv-${half}&${page}`,
      requests,
    );
    await measure(
      router.baseUrl,
      'filtered page (environment exact)',
      `filter.spec.environment=Staging&${page}`,
      requests,
    );
    await measure(
      router.baseUrl,
      'sorted page (hostname desc)',
      `sort=spec.hostname&order=desc&${page}`,
      requests,
    );
    await measure(
      router.baseUrl,
      'sorted page (OS, a JSON field)',
      `sort=spec.os.dist&order=asc&offset=5000&limit=20`,
      requests,
    );
  } finally {
    await router?.close();
    await db.knex.destroy();
    await db.drop();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
