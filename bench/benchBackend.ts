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
backend.start();
