import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  TestTeams,
  authKeepingActorServiceFactory,
  directoryUserInfoServiceFactory,
} from '@maestro/plugin-maestro-node/testUtils';
import permissionBackend from '@backstage/plugin-permission-backend';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import maestroPolicy from '@maestro/plugin-permission-backend-module-maestro-policy';
import { Knex } from 'knex';
import { maestroPlugin } from '../plugin';

/**
 * The Maestro plugin with the real permission backend and Maestro's
 * policy, on one test database: every access decision goes the way it
 * goes in a portal.
 */
export function startAccessTestBackend(opts: {
  knex: Knex;
  defaultRead: 'signed-in' | 'restricted';
  teams?: TestTeams;
  /** `maestro.access.admins`: users and groups that hold admin on everything. */
  admins?: string[];
  config?: Record<string, any>;
  /** More features, e.g. a module adding a discovery source. */
  features?: BackendFeature[];
}) {
  return startTestBackend({
    features: [
      maestroPlugin,
      ...(opts.features ?? []),
      permissionBackend,
      maestroPolicy,
      authKeepingActorServiceFactory,
      directoryUserInfoServiceFactory(opts.teams ?? {}),
      mockServices.database.factory({ knex: opts.knex }),
      mockServices.rootConfig.factory({
        data: {
          ...opts.config,
          permission: { enabled: true },
          maestro: {
            ...opts.config?.maestro,
            access: {
              defaultRead: opts.defaultRead,
              ...(opts.admins ? { admins: opts.admins } : {}),
            },
          },
        },
      }),
      // The real HTTP auth, so requests authenticate through the auth above.
      httpAuthServiceFactory,
    ],
  });
}
