import { Entity } from '@backstage/catalog-model';
import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import { teamEntity } from './TeamDialog';
import { isMaestroTeam } from './TeamsPage';

describe('teamEntity', () => {
  it('builds a Group that Maestro and the catalog accept', () => {
    const entity = teamEntity({
      title: 'Platform SRE',
      email: 'sre@example.com',
      picture: 'https://example.com/sre.png',
      url: 'https://wiki.example.com/sre',
      members: ['user:default/ada', 'user:default/grace'],
    });
    expect(validateMaestroEntity(entity)).toEqual([]);
    expect(entity).toMatchObject({
      kind: 'Group',
      metadata: {
        title: 'Platform SRE',
        links: [{ url: 'https://wiki.example.com/sre' }],
      },
      spec: {
        type: 'team',
        members: ['user:default/ada', 'user:default/grace'],
        profile: { displayName: 'Platform SRE', email: 'sre@example.com' },
      },
    });
  });

  it('tells Maestro teams from directory groups', () => {
    const group = (location?: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'x',
        annotations: location
          ? { 'backstage.io/managed-by-location': location }
          : {},
      },
    });
    expect(isMaestroTeam(group('maestro:group:default/x'))).toBe(true);
    expect(isMaestroTeam(group('url:https://github.com/org/teams.yaml'))).toBe(
      false,
    );
    expect(isMaestroTeam(group())).toBe(false);
  });
});
