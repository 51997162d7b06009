import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  TestApiProvider,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { maestroApiRef } from '../../api';
import { InventoryPage } from './InventoryPage';
import { InMemoryMaestroApi } from './__testUtils__/InMemoryMaestroApi';

function servers(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'maestroserver.io/v1alpha1',
    kind: 'Server',
    metadata: { name: `srv-${i}`, title: `srv-${i}` },
    spec: {
      hostname: `host-${String(i).padStart(2, '0')}.lan`,
      ipv4Private: `10.0.0.${i}`,
      environment: 'Production',
      auth: [{ type: 'PKI', name: 'k.pem' }],
    },
  }));
}

describe('InventoryPage', () => {
  it('lists servers a page at a time, with a count, and filters in the backend', async () => {
    const api = new InMemoryMaestroApi(servers(25));
    await renderInTestApp(
      <TestApiProvider apis={[[maestroApiRef, api]]}>
        <InventoryPage />
      </TestApiProvider>,
      { initialRouteEntries: ['/servers'] },
    );

    expect(await screen.findByText('Maestro Servers (25)')).toBeInTheDocument();
    const tabs = screen.getByRole('tablist', { name: 'Inventory sections' });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map(t => t.textContent),
    ).toEqual([
      'Servers',
      'Applications',
      'Load Balancers',
      'Databases',
      'Systems',
      'Datacenters',
      'Clients',
      'Volumes',
      'Snapshots',
      'Images',
      'Networks',
      'Flavors',
    ]);
    expect(api.callsOf('listRecords')[0]).toEqual([
      'servers',
      { filter: {}, sort: undefined, order: undefined, offset: 0, limit: 20 },
    ]);
    const link = screen.getByRole('link', { name: 'host-00.lan' });
    expect(link).toHaveAttribute('href', '/catalog/default/server/srv-0');
    expect(screen.getAllByText('PKI').length).toBe(20);

    fireEvent.change(
      screen.getByRole('searchbox', { name: 'filter data by Hostname' }),
      { target: { value: 'host-1' } },
    );
    await waitFor(() =>
      expect(screen.getByText('Maestro Servers (10)')).toBeInTheDocument(),
    );
    expect(api.callsOf('listRecords').slice(-1)[0]).toEqual([
      'servers',
      expect.objectContaining({ filter: { 'spec.hostname': '~host-1' } }),
    ]);
  });

  it('shows the table once the settings are in, so their pick lists do not rebuild its columns and drop a filter', async () => {
    const api = new InMemoryMaestroApi(servers(25));
    let settingsIn!: () => void;
    const settings = api.getSettings();
    api.getSettings = () =>
      new Promise(resolve => {
        settingsIn = () => resolve(settings);
      });
    await renderInTestApp(
      <TestApiProvider apis={[[maestroApiRef, api]]}>
        <InventoryPage />
      </TestApiProvider>,
      { initialRouteEntries: ['/servers'] },
    );

    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.callsOf('listRecords')).toEqual([]);
    settingsIn();
    expect(await screen.findByText('Maestro Servers (25)')).toBeInTheDocument();
    fireEvent.change(
      screen.getByRole('searchbox', { name: 'filter data by Hostname' }),
      { target: { value: 'host-1' } },
    );
    expect(await screen.findByText('Maestro Servers (10)')).toBeInTheDocument();
  });

  it('has a menu for every other resource family', async () => {
    const api = new InMemoryMaestroApi();
    await renderInTestApp(
      <TestApiProvider apis={[[maestroApiRef, api]]}>
        <InventoryPage />
      </TestApiProvider>,
      { initialRouteEntries: ['/servers'] },
    );
    fireEvent.click(
      await screen.findByRole('button', { name: /Other families/ }),
    );
    const items = screen.getAllByRole('menuitem').map(m => m.textContent);
    expect(items).toEqual(
      expect.arrayContaining([
        'Caches',
        'Brokers/Streams',
        'CI/CD',
        'DNS',
        'NAS',
        'Corporate',
        'VPNs',
      ]),
    );
    fireEvent.click(screen.getByRole('menuitem', { name: 'Caches' }));
    await waitFor(() =>
      expect(api.callsOf('listRecords').slice(-1)[0]).toEqual([
        'resources',
        expect.objectContaining({ filter: { 'spec.family': 'Cache' } }),
      ]),
    );
  });
});
