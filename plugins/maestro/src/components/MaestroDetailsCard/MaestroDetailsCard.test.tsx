import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import {
  demoApplication,
  demoDatacenter,
  demoServer,
} from '../../__fixtures__/entities';
import { MaestroDetailsCard } from './MaestroDetailsCard';

function renderCard(entity: Entity) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <MaestroDetailsCard />
    </EntityProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('MaestroDetailsCard', () => {
  it('shows a server: addresses, OS, datacenter link, storage and auth', async () => {
    await renderCard(demoServer);

    expect(await screen.findByText('Maestro details')).toBeInTheDocument();
    expect(screen.getByText('web-01.maestro.local')).toBeInTheDocument();
    expect(screen.getByText('10.168.1.10')).toBeInTheDocument();
    expect(screen.getByText('54.12.3.4')).toBeInTheDocument();
    expect(screen.getByText('Ubuntu 22.04 (Linux)')).toBeInTheDocument();
    expect(screen.getByText('16 GB')).toBeInTheDocument();
    expect(screen.getByText('t3.xlarge')).toBeInTheDocument();

    const datacenterLink = screen.getByRole('link', { name: /aws-us-east/ });
    expect(datacenterLink).toHaveAttribute(
      'href',
      '/catalog/default/datacenter/aws-us-east',
    );

    const storage = screen.getByRole('table', { name: 'Storage' });
    const rows = within(storage).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + two disks
    expect(within(rows[1]).getByText('/dev/xvda')).toBeInTheDocument();
    expect(within(rows[1]).getByText('30 GB')).toBeInTheDocument();
    expect(
      within(rows[2]).getByText('VG data, PV /dev/xvdf'),
    ).toBeInTheDocument();
    expect(
      within(rows[2]).getByRole('link', { name: /vol-0data/ }),
    ).toHaveAttribute('href', '/catalog/default/volume/vol-0data');

    const auth = screen.getByRole('table', { name: 'Auth' });
    expect(within(auth).getByText('PKI')).toBeInTheDocument();
    expect(within(auth).getByText('ops-key')).toBeInTheDocument();
    expect(within(auth).getByText('ubuntu')).toBeInTheDocument();

    expect(screen.getByText('team: web')).toBeInTheDocument();
  });

  it("groups a server's fields in cards as Maestro did", async () => {
    await renderCard(demoServer);
    await screen.findByText('Maestro details');
    const cardTitles = Array.from(
      document.querySelectorAll('.MuiCardHeader-root'),
    ).map(header => header.textContent);
    expect(cardTitles).toEqual([
      'Maestro details',
      'Services',
      'Storage',
      'Auth',
      'Datacenter',
    ]);
    // The private IP is part of the details, the zone of the datacenter card.
    const datacenterCard = screen
      .getAllByText('Datacenter')
      .map(el => el.closest('.MuiCard-root'))
      .find(
        card => card && within(card as HTMLElement).queryByText('t3.xlarge'),
      );
    expect(datacenterCard).toBeTruthy();
    expect(
      within(datacenterCard as HTMLElement).queryByText('10.168.1.10'),
    ).toBeNull();
  });

  it('lays out a datacenter with its own fields', async () => {
    await renderCard(demoDatacenter);

    expect(await screen.findByText('Provider')).toBeInTheDocument();
    expect(screen.getByText('us-east-1a, us-east-1b')).toBeInTheDocument();
    expect(screen.queryByText('Hostname')).not.toBeInTheDocument();
  });

  it('links an application to its servers and dependencies', async () => {
    await renderCard(demoApplication);

    expect(await screen.findByText('Python')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /i-0abc123/ })).toHaveAttribute(
      'href',
      '/catalog/default/server/i-0abc123',
    );
    const deps = screen.getByRole('table', { name: 'Dependencies' });
    expect(within(deps).getByText('tcp/ip')).toBeInTheDocument();
    expect(
      within(deps).getByRole('link', { name: /db-mongodb/ }),
    ).toBeInTheDocument();
  });

  it('says so when no Maestro field is set', async () => {
    await renderCard({
      apiVersion: 'maestroserver.io/v1alpha1',
      kind: 'Image',
      metadata: { name: 'ami-1' },
      spec: {},
    });

    expect(
      await screen.findByText('No Maestro fields are set for this image.'),
    ).toBeInTheDocument();
  });
});
