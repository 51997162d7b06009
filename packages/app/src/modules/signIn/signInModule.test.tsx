import { githubAuthApiRef } from '@backstage/frontend-plugin-api';
import { signInProviders } from './signInModule';

// The page itself (guest) is exercised by the browser test.
describe('signInProviders', () => {
  it('offers guest sign-in by default', () => {
    expect(signInProviders(undefined)).toEqual(['guest']);
  });

  it('offers GitHub when production config names it', () => {
    const [github] = signInProviders(['github']) as any[];
    expect(github).toMatchObject({
      id: 'github-auth-provider',
      apiRef: githubAuthApiRef,
    });
  });

  it('refuses an unknown provider naming the setting', () => {
    expect(() => signInProviders(['okta'])).toThrow(
      /app.signInProviders: unknown provider 'okta'/,
    );
  });
});
