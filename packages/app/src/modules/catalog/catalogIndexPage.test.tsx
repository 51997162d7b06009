import { screen, waitFor } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { fakeCatalogModule } from '../../testUtils/fakeCatalogModule';
import { catalogModule } from './catalogModule';

const server: Entity = {
  apiVersion: 'maestroserver.io/v1alpha1',
  kind: 'Server',
  metadata: { name: 'i-0abc', namespace: 'default', title: 'web-01' },
  spec: {
    hostname: 'web-01.example',
    ipv4Private: '10.0.0.1',
    os: { base: 'Linux', dist: 'Ubuntu', version: '22.04' },
    environment: 'Production',
    datacenter: { ref: 'datacenter:default/aws-east' },
    owner: 'group:default/ops',
  },
};

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'shop', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/ops',
    lifecycle: 'production',
  },
};

function renderCatalog(kind: string) {
  return renderTestApp({
    features: [
      catalogPlugin,
      catalogModule,
      fakeCatalogModule([server, component]),
    ],
    initialRouteEntries: [
      `/catalog?filters%5Bkind%5D=${kind}&filters%5Buser%5D=all`,
    ],
  });
}

describe('catalog index page with Maestro columns', () => {
  it('shows hostname, private IP, OS, datacenter and environment for servers', async () => {
    renderCatalog('server');

    expect(
      await screen.findByRole(
        'link',
        { name: /web-01\.example/ },
        { timeout: 10000 },
      ),
    ).toHaveAttribute('href', '/catalog/default/server/i-0abc');
    for (const title of [
      'Hostname',
      'Private IP',
      'OS',
      'Datacenter',
      'Environment',
    ]) {
      expect(screen.getByText(title)).toBeInTheDocument();
    }
    expect(screen.getByText('10.0.0.1')).toBeInTheDocument();
    expect(screen.getByText('Ubuntu 22.04')).toBeInTheDocument();
    expect(screen.getByText('Production')).toBeInTheDocument();
  });

  it('keeps the catalog default columns for Backstage kinds', async () => {
    renderCatalog('component');

    // The table renders twice while the list loads; wait for the settled one.
    await waitFor(() => expect(screen.getByText('shop')).toBeInTheDocument(), {
      timeout: 10000,
    });
    expect(screen.getAllByText('Lifecycle').length).toBeGreaterThan(0);
    expect(screen.queryByText('Hostname')).not.toBeInTheDocument();
  });
});
