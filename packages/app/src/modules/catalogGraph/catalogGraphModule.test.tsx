import { screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import { catalogGraphApiRef } from '@backstage/plugin-catalog-graph';
import maestroPlugin from '@maestro/plugin-maestro/alpha';
import { maestroApiRef } from '@maestro/plugin-maestro';
import { fakeCatalogModule } from '../../testUtils/fakeCatalogModule';
import { catalogGraphModule } from './catalogGraphModule';

const server: Entity = {
  apiVersion: 'maestroserver.io/v1alpha1',
  kind: 'Server',
  metadata: { name: 'i-0abc', namespace: 'default' },
  spec: { hostname: 'web-01.example', owner: 'group:default/ops' },
  relations: [{ type: 'locatedIn', targetRef: 'datacenter:default/aws-east' }],
};

const datacenter: Entity = {
  apiVersion: 'maestroserver.io/v1alpha1',
  kind: 'Datacenter',
  metadata: { name: 'aws-east', namespace: 'default' },
  spec: { provider: 'AWS' },
  relations: [{ type: 'locationOf', targetRef: 'server:default/i-0abc' }],
};

describe('a Maestro entity page', () => {
  it('shows the Maestro cards and the graph with Maestro relations', async () => {
    const { apis } = renderTestApp({
      features: [
        catalogPlugin,
        catalogGraphPlugin,
        catalogGraphModule,
        maestroPlugin,
        fakeCatalogModule([server, datacenter]),
      ],
      apis: [[maestroApiRef, { getHistoryByRef: async () => [] }]],
      initialRouteEntries: ['/catalog/default/server/i-0abc'],
    });

    const slow = { timeout: 10000 };
    expect(
      await screen.findByText('Maestro details', {}, slow),
    ).toBeInTheDocument();
    expect(await screen.findByText('History', {}, slow)).toBeInTheDocument();
    expect(await screen.findByText('Relations', {}, slow)).toBeInTheDocument();
    expect(await screen.findByText('locatedIn', {}, slow)).toBeInTheDocument();

    const graph = apis.get(catalogGraphApiRef)!;
    expect(graph.knownRelations).toEqual(
      expect.arrayContaining(['ownedBy', 'locatedIn', 'runsOn', 'hosts']),
    );
    expect(graph.knownRelationPairs).toContainEqual([
      'locatedIn',
      'locationOf',
    ]);
    expect(graph.defaultRelations).toContain('attachedTo');
  });
});
