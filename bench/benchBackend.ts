/*
 * The backend the benchmarks measure: the catalog with the Maestro module and
 * the Maestro plugin, as in packages/backend, started in its own process so
 * that its memory is measured alone.
 */
import { createBackend } from '@backstage/backend-defaults';
import { PerformanceObserver } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';

// The longest garbage-collection pause, kept in a file the bench reads: it
// tells a GC pause apart from work that blocks the event loop.
const gcFile = process.env.MAESTRO_BENCH_GC_FILE;
if (gcFile) {
  let longest = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (entry.duration <= longest) continue;
      longest = entry.duration;
      writeFileSync(gcFile, String(Math.round(longest)));
    }
  }).observe({ entryTypes: ['gc'] });
}

const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
// Maestro's per-record access policy, as in the portal.
backend.add(import('@maestro/plugin-permission-backend-module-maestro-policy'));
backend.add(import('@maestro/plugin-maestro-backend'));
backend.add(import('@maestro/plugin-maestro-backend-module-files'));
backend.add(import('@maestro/plugin-maestro-backend-module-aws'));
backend.add(import('@maestro/plugin-catalog-backend-module-maestro'));
// Benches that act as a signed-in user (load) sign in with the guest provider;
// the others leave auth out so their memory figures stay comparable.
if (process.env.MAESTRO_BENCH_GUEST) {
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
}
backend.start();
