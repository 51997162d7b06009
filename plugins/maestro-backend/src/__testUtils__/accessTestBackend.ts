import {
  AuthService,
  BackendFeature,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionBackend from '@backstage/plugin-permission-backend';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import maestroPolicy from '@maestro/plugin-permission-backend-module-maestro-policy';
import { Knex } from 'knex';
import { maestroPlugin } from '../plugin';

const SERVICE_TOKEN_PREFIX = 'mock-service-token:';

/**
 * The mock auth service, except that a token a plugin obtained on behalf
 * of a user authenticates as that user *acting through the plugin*, as the
 * real auth service does. The permission backend relies on that to tell a
 * plugin's conditional request from a browser's direct one.
 */
const authKeepingActor = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const mock = mockServices.auth({ pluginId: plugin.getId() });
    return {
      ...mock,
      getOwnServiceCredentials: () => mock.getOwnServiceCredentials(),
      getNoneCredentials: () => mock.getNoneCredentials(),
      isPrincipal: mock.isPrincipal.bind(mock) as AuthService['isPrincipal'],
      getPluginRequestToken: o => mock.getPluginRequestToken(o),
      getLimitedUserToken: c => mock.getLimitedUserToken(c),
      listPublicServiceKeys: () => mock.listPublicServiceKeys(),
      async authenticate(token, options) {
        const credentials = await mock.authenticate(token, options);
        if (token.startsWith(SERVICE_TOKEN_PREFIX)) {
          const { obo } = JSON.parse(token.slice(SERVICE_TOKEN_PREFIX.length));
          if (obo) {
            return mockCredentials.user(obo, {
              actor: { subject: 'plugin:maestro' },
            }) as typeof credentials;
          }
        }
        return credentials;
      },
    };
  },
});

/** The directory: who belongs to which team (a sign-in resolver's job). */
export type TestTeams = Record<string, string[]>;

/** Ownership refs as a catalog sign-in resolver gives them: self + teams. */
function directoryUserInfo(teams: TestTeams) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials: any) {
        const userEntityRef = credentials.principal.userEntityRef as string;
        return {
          userEntityRef,
          ownershipEntityRefs: [userEntityRef, ...(teams[userEntityRef] ?? [])],
        };
      },
    }),
  });
}

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
      authKeepingActor,
      directoryUserInfo(opts.teams ?? {}),
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
