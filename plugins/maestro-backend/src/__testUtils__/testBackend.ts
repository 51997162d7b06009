import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { maestroPlugin } from '../plugin';

/**
 * The Maestro plugin in a real test backend on one test database, with the
 * given configuration. Requests without a token are anonymous, as in a real
 * backend.
 */
export function startMaestroTestBackend(opts: {
  knex: Knex;
  config?: Record<string, any>;
}) {
  return startTestBackend({
    features: [
      maestroPlugin,
      mockServices.database.factory({ knex: opts.knex }),
      mockServices.rootConfig.factory({ data: opts.config ?? {} }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
}
