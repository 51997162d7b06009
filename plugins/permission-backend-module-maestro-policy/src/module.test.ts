import { mockServices } from '@backstage/backend-test-utils';
import { readAdmins } from './module';

const config = (admins: string[]) =>
  mockServices.rootConfig({ data: { maestro: { access: { admins } } } });

describe('maestro.access.admins', () => {
  it('reads users and groups as lower-case refs; a bare name is a group', () => {
    expect(
      readAdmins(
        config(['user:default/Jane', 'Maestro-Admins', 'group:ops/sre']),
      ),
    ).toEqual([
      'user:default/jane',
      'group:default/maestro-admins',
      'group:ops/sre',
    ]);
    expect(readAdmins(mockServices.rootConfig())).toEqual([]);
  });

  it('refuses to start with something that is not a user or a group', () => {
    expect(() =>
      readAdmins(config(['user:default/jane', 'component:default/web'])),
    ).toThrow(
      'maestro.access.admins[1] must be a user or a group, not a component',
    );
    expect(() => readAdmins(config(['user:']))).toThrow(
      /maestro.access.admins\[0\] is not an entity ref/,
    );
  });
});
