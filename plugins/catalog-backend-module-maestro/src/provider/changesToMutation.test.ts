import { Entity } from '@backstage/catalog-model';
import { MaestroChange } from '@maestro/plugin-maestro-common';
import { changesToMutation } from './changesToMutation';

function server(name: string, hostname = name): Entity {
  return {
    apiVersion: 'maestroserver.io/v1alpha1',
    kind: 'Server',
    metadata: { name, annotations: { 'maestroserver.io/source': 'discovery' } },
    spec: { hostname },
  };
}

function change(
  seq: number,
  entityRef: string,
  entity: Entity | null,
): MaestroChange {
  return { seq, entityRef, entity };
}

describe('changesToMutation', () => {
  it('adds entities with the Maestro location and access entries, keeping their own annotations', () => {
    const { added, removed, skipped } = changesToMutation(
      [
        {
          ...change(1, 'server:default/web-1', server('web-1')),
          access: [{ principal: 'group:default/ops', role: 'read' }],
        },
      ],
      {},
    );
    expect(removed).toEqual([]);
    expect(skipped).toEqual([]);
    expect(added).toEqual([
      {
        locationKey: 'maestro',
        entity: expect.objectContaining({
          metadata: {
            name: 'web-1',
            annotations: {
              'maestroserver.io/source': 'discovery',
              'backstage.io/managed-by-location':
                'maestro:server:default/web-1',
              'backstage.io/managed-by-origin-location':
                'maestro:server:default/web-1',
              'maestroserver.io/access-controlled': 'true',
            },
          },
          spec: expect.objectContaining({
            access: [{ principal: 'group:default/ops', role: 'read' }],
          }),
        }),
      },
    ]);
  });

  it('keeps only the last change of each entity', () => {
    const { added, removed } = changesToMutation(
      [
        change(1, 'server:default/web-1', server('web-1', 'old')),
        change(2, 'server:default/web-2', server('web-2')),
        change(3, 'Server:default/WEB-1', server('web-1', 'new')),
        change(4, 'server:default/web-2', null),
      ],
      {},
    );
    expect(added.map(a => a.entity.spec?.hostname)).toEqual(['new']);
    expect(removed).toEqual([
      { entityRef: 'server:default/web-2', locationKey: 'maestro' },
    ]);
  });

  it('removes the kinds that are not published', () => {
    const datacenter: Entity = {
      apiVersion: 'maestroserver.io/v1alpha1',
      kind: 'Datacenter',
      metadata: { name: 'aws' },
      spec: { provider: 'AWS' },
    };
    const { added, removed } = changesToMutation(
      [
        change(1, 'datacenter:default/aws', datacenter),
        change(2, 'server:default/web-1', server('web-1')),
      ],
      { kinds: new Set(['Server']) },
    );
    expect(added.map(a => a.entity.kind)).toEqual(['Server']);
    expect(removed).toEqual([
      { entityRef: 'datacenter:default/aws', locationKey: 'maestro' },
    ]);
  });

  it('skips what the catalog would refuse, instead of failing the page', () => {
    const { added, removed, skipped } = changesToMutation(
      [
        change(1, 'not a ref:', null),
        change(2, 'server:default/web-1', { kind: 'Server' } as Entity),
        change(3, 'server:default/web-2', server('web-3')),
        change(4, 'server:default/web-4', server('web-4')),
      ],
      {},
    );
    expect(skipped.map(s => s.seq)).toEqual([1, 2, 3]);
    expect(skipped[2].reason).toContain('server:default/web-3');
    expect(added.map(a => a.entity.metadata.name)).toEqual(['web-4']);
    expect(removed).toEqual([]);
  });
});
