import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

/** The directory: each user's teams, as a catalog sign-in resolver gives them. */
export type TestTeams = Record<string, string[]>;

/**
 * The mock auth service, except that a token a plugin obtains on behalf of
 * a user authenticates as that user acting through that plugin, as the
 * real auth service does. The permission backend answers a plugin's
 * conditional request (a list, a search) only for such a token; a
 * browser's direct request must name a resource.
 */
export const authKeepingActorServiceFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const mock = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: (token, options) => mock.authenticate(token, options),
      getNoneCredentials: () => mock.getNoneCredentials(),
      getOwnServiceCredentials: () => mock.getOwnServiceCredentials(),
      isPrincipal: mock.isPrincipal.bind(mock) as AuthService['isPrincipal'],
      getLimitedUserToken: c => mock.getLimitedUserToken(c),
      listPublicServiceKeys: () => mock.listPublicServiceKeys(),
      async getPluginRequestToken(options) {
        const { principal } = options.onBehalfOf as BackstageCredentials<any>;
        if (principal.type === 'user') {
          return {
            token: mockCredentials.user.token(principal.userEntityRef, {
              actor: { subject: `plugin:${plugin.getId()}` },
            }),
          };
        }
        return mock.getPluginRequestToken(options);
      },
    };
  },
});

/** Ownership refs of a sign-in: the user and its teams. */
export function directoryUserInfoServiceFactory(teams: TestTeams) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials: BackstageCredentials) {
        const { userEntityRef } = credentials.principal as {
          userEntityRef: string;
        };
        return {
          userEntityRef,
          ownershipEntityRefs: [userEntityRef, ...(teams[userEntityRef] ?? [])],
        };
      },
    }),
  });
}
