/*
 * The backend the benchmarks measure: the catalog with the Maestro module and
 * the Maestro plugin, as in packages/backend, started in its own process so
 * that its memory is measured alone.
 */
import { createBackend } from '@backstage/backend-defaults';

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
