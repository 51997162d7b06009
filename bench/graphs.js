/*
 * yarn bench graphs [--sizes 100,1000,5000] [--browser-sizes 1000,5000] [--no-browser]
 *
 * Synthetic dependency graphs of N applications (about 2 dependencies each,
 * all reachable from one entry, a few cycles) are written through the batch
 * API, then measured:
 * - analysis: GraphAnalyzer on Maestro's store (in this process, SQLite in
 *   memory): store reads depth by depth + every metric;
 * - layout: the Analytics page's own layoutGraph in node, one thread
 *   (elkjs layered up to 2,000 nodes, its own layered layout above);
 * - browser: the real portal (packages/backend serving the built app) in
 *   Chromium: the longest main-thread task while the graph page lays the
 *   graph out (in the ELK worker) and renders it, and the time until all
 *   nodes are drawn (SVG up to a few hundred nodes, a canvas above), then
 *   the longest task while the user pans and zooms the drawn graph. The app must have been built (the e2e test builds it,
 *   or `yarn workspace app build`).
 */
require('@backstage/cli/config/nodeTransform.cjs');
const fs = require('fs');
const path = require('path');
const { arg, root } = require('./lib');

const sizes = arg('sizes', '100,1000,5000').split(',').map(Number);
const browserSizes = process.argv.includes('--no-browser')
  ? []
  : arg('browser-sizes', '1000,5000').split(',').map(Number);

/** N apps: app j>0 hangs under app (j-1)>>1 (a tree), plus one more edge each. */
function syntheticApps(prefix, n) {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const ref = j => `component:default/${prefix}-${j}`;
  const deps = Array.from({ length: n }, () => []);
  for (let j = 1; j < n; j++) deps[(j - 1) >> 1].push(j);
  for (let i = 0; i < n; i++) {
    // Mostly forward; 1 in 50 points back, making cycles.
    const back = random() < 0.02;
    const j = back
      ? Math.floor(random() * (i + 1))
      : i + 1 + Math.floor(random() * Math.max(1, n - i - 1));
    if (j < n && j !== i && !deps[i].includes(j)) deps[i].push(j);
  }
  const protocols = ['rest', 'tcp/ip', 'amqp', 'gRPC'];
  return deps.map((targets, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: `${prefix}-${i}`, title: `${prefix} app ${i}` },
    spec: {
      type: 'service',
      owner: 'group:default/bench',
      lifecycle: 'production',
      family: 'Application',
      system: `system:default/${prefix}-s${i % 20}`,
      dependencies: targets.map((t, k) => ({
        target: ref(t),
        protocol: protocols[(i + k) % protocols.length],
      })),
      dependsOn: targets.map(ref),
    },
  }));
}

async function load(request, prefix, n) {
  const apps = syntheticApps(prefix, n);
  for (let i = 0; i < apps.length; i += 1000) {
    await request('POST', '/api/maestro/records/batch', {
      mode: 'upsert',
      entities: apps.slice(i, i + 1000),
    });
  }
  return apps.reduce((sum, a) => sum + a.spec.dependencies.length, 0);
}

const ms = t => `${Math.round(t)} ms`;

/** Maestro's store and write path in this process, on in-memory SQLite. */
async function inProcessStore() {
  const knex = require('knex')({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  const backendSrc = path.join(root, 'plugins/maestro-backend/src');
  const { migrateStore } = require(`${backendSrc}/store/migrations.ts`);
  const { RecordStore } = require(`${backendSrc}/store/RecordStore.ts`);
  const { WritePath } = require(`${backendSrc}/writePath/WritePath.ts`);
  const { GraphAnalyzer } = require(`${backendSrc}/analytics/GraphAnalyzer.ts`);
  const quiet = { info() {}, warn() {}, error() {}, debug() {} };
  quiet.child = () => quiet;
  const store = new RecordStore(
    await migrateStore({ getClient: async () => knex }),
  );
  const writePath = new WritePath(store, { published: async () => {} }, quiet);
  const request = async (_method, _path, body) =>
    writePath.writeMany(body.entities, {
      mode: 'upsert',
      source: { type: 'api' },
      actor: 'user:default/bench',
    });
  return { knex, request, analyzer: new GraphAnalyzer(store, 1000) };
}

async function analysisAndLayout() {
  const ELK = require('elkjs/lib/elk.bundled.js');
  const { layoutGraph } = require(path.join(
    root,
    'plugins/maestro/src/components/Analytics/layoutGraph.ts',
  ));
  const { knex, request, analyzer } = await inProcessStore();
  try {
    console.log(
      'in-process, SQLite: size  deps   analysis  layout (one thread)       drawn nodes/edges',
    );
    for (const n of sizes) {
      const prefix = `g${n}`;
      const deps = await load(request, prefix, n);
      let started = performance.now();
      const result = await analyzer.analyze({
        type: 'application',
        ref: `component:default/${prefix}-0`,
      });
      const analysis = performance.now() - started;
      started = performance.now();
      const layout = await layoutGraph(result, new ELK());
      const layoutTime = performance.now() - started;
      console.log(
        `  ${String(n).padEnd(5)} ${String(deps).padEnd(6)} ${ms(
          analysis,
        ).padEnd(9)} ${ms(layoutTime).padEnd(26)} ${layout.nodes.length}/${
          layout.edges.length
        } (depth ${result.metrics.depthHistogram.length}, cycles ${
          result.metrics.cycles.length
        }, density ${result.metrics.density.toFixed(5)})`,
      );
    }
  } finally {
    await knex.destroy();
  }
}

async function browser() {
  if (!browserSizes.length) return;
  if (!fs.existsSync(path.join(root, 'packages/app/dist/index.html'))) {
    console.log(
      'browser: skipped, packages/app/dist is missing (build the app first)',
    );
    return;
  }
  const { PortalProcess, launchChromium } = require(path.join(
    root,
    'packages/backend/src/e2e/__testUtils__/portalProcess.ts',
  ));
  const portal = new PortalProcess();
  await portal.start();
  const chromium = await launchChromium();
  const request = async (method, urlPath, body) => {
    const res = await fetch(`${portal.baseUrl}${urlPath}`, {
      method,
      headers: {
        authorization: `Bearer ${portal.token}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${urlPath}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  try {
    console.log(
      '\nbrowser (Chromium, real portal): size  longest main-thread task  time to all nodes drawn  then, zooming and panning',
    );
    const context = await chromium.newContext({
      viewport: { width: 1500, height: 1000 },
    });
    const page = await context.newPage();
    await page.goto(portal.baseUrl);
    const enter = page.getByRole('button', { name: /enter/i });
    await enter.click();
    await enter.waitFor({ state: 'detached' });
    for (const n of browserSizes) {
      const prefix = `b${n}`;
      await load(request, prefix, n);
      const graph = await request('POST', '/api/maestro/analytics/graphs', {
        name: `browser bench ${n}`,
        source: { type: 'application', ref: `component:default/${prefix}-0` },
      });
      await page.goto(`${portal.baseUrl}/maestro/analytics`);
      await page.getByText('Analytics').first().waitFor();
      // Long tasks from the moment the graph page starts, in-page.
      await page.evaluate(() => {
        window.__longTasks = [];
        new PerformanceObserver(list => {
          for (const e of list.getEntries())
            window.__longTasks.push(e.duration);
        }).observe({ type: 'longtask' });
      });
      const started = Date.now();
      await page.getByRole('link', { name: `browser bench ${n}` }).click();
      // Drawn: as SVG nodes (small graphs) or painted on the canvas (large).
      await page
        .waitForFunction(
          count =>
            document.querySelectorAll('[data-testid="graph-node"]').length ===
              count ||
            document
              .querySelector('[data-testid="graph-canvas"]')
              ?.getAttribute('data-nodes') === String(count),
          n,
          { timeout: 600_000, polling: 200 },
        )
        .catch(async error => {
          // What the page showed instead, to see why.
          const shown = await page.evaluate(() => ({
            canvas: document
              .querySelector('[data-testid="graph-canvas"]')
              ?.getAttribute('data-nodes'),
            main: document.querySelector('main')?.innerText.slice(0, 600),
          }));
          console.log(
            `  ${n}: not drawn; the page shows ${JSON.stringify(shown)}`,
          );
          throw error;
        });
      const drawn = Date.now() - started;
      const tasks = await page.evaluate(() => window.__longTasks.splice(0));
      // The user then zooms in and pans around the drawn graph.
      const diagram = page.getByTestId('graph-diagram');
      const box = await diagram.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 12; i++) {
        await page.mouse.wheel(0, -100);
        await page.waitForTimeout(50);
      }
      await page.mouse.down();
      for (let i = 0; i < 20; i++)
        await page.mouse.move(
          box.x + box.width / 2 - i * 20,
          box.y + box.height / 2 - i * 10,
        );
      await page.mouse.up();
      await page.waitForTimeout(500);
      const interacting = await page.evaluate(() => window.__longTasks);
      console.log(
        `  ${String(n).padEnd(5)} ${ms(Math.max(0, ...tasks)).padEnd(10)} (${
          tasks.length
        } long tasks)  ${ms(drawn).padEnd(10)} zoom and pan: longest task ${ms(
          Math.max(0, ...interacting),
        )} (${interacting.length} long tasks)`,
      );
    }
  } finally {
    await chromium.close();
    await portal.stop();
    portal.cleanUp();
  }
}

(async () => {
  await analysisAndLayout();
  await browser();
})().catch(e => {
  console.error(e);
  process.exit(1);
});
