import {
  IdentityProviders,
  SignInPage,
  SignInProviderConfig,
} from '@backstage/core-components';
import {
  configApiRef,
  createFrontendModule,
  githubAuthApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import {
  SignInPageBlueprint,
  SignInPageProps,
} from '@backstage/plugin-app-react';

const github: SignInProviderConfig = {
  id: 'github-auth-provider',
  title: 'GitHub',
  message: 'Sign in with your GitHub account',
  apiRef: githubAuthApiRef,
};

/**
 * The sign-in page offers the providers named in `app.signInProviders`:
 * guest in development, GitHub in production (app-config.production.yaml).
 */
export function signInProviders(
  names: string[] | undefined,
): IdentityProviders {
  return (names ?? ['guest']).map(name => {
    if (name === 'github') return github;
    if (name === 'guest') return 'guest';
    throw new Error(
      `app.signInProviders: unknown provider '${name}' (guest, github)`,
    );
  });
}

function MaestroSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const providers = signInProviders(
    config.getOptionalStringArray('app.signInProviders'),
  );
  return <SignInPage {...props} providers={providers} />;
}

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: { loader: async () => MaestroSignInPage },
    }),
  ],
});
