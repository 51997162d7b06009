import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityKindFilter,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { demoServer } from '../__fixtures__/entities';
import { maestroCatalogColumns } from './maestroCatalogColumns';

const filteredTo = (kind?: string) => ({
  filters: kind ? { kind: new EntityKindFilter(kind, kind) } : {},
});

describe('maestroCatalogColumns', () => {
  it('gives servers hostname, private IP, OS, datacenter and environment', async () => {
    const columns = maestroCatalogColumns(filteredTo('server'))!;
    expect(columns.map(c => c.title)).toEqual([
      'Hostname',
      'Private IP',
      'OS',
      'Datacenter',
      'Environment',
      'Owner',
    ]);

    const row = { entity: demoServer };
    await renderInTestApp(
      <table>
        <tbody>
          <tr>
            {columns.map(c => (
              <td key={String(c.title)}>{c.render!(row, 'row')}</td>
            ))}
          </tr>
        </tbody>
      </table>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      screen.getByRole('link', { name: /web-01\.maestro\.local/ }),
    ).toHaveAttribute('href', '/catalog/default/server/i-0abc123');
    expect(screen.getByText('10.168.1.10')).toBeInTheDocument();
    expect(screen.getByText('Ubuntu 22.04')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /aws-us-east/ })).toHaveAttribute(
      'href',
      '/catalog/default/datacenter/aws-us-east',
    );
    expect(screen.getByText('Production')).toBeInTheDocument();
  });

  it('sorts and searches on the rendered text', () => {
    const [hostname, privateIp] = maestroCatalogColumns(filteredTo('Server'))!;
    const a = {
      entity: {
        ...demoServer,
        spec: {
          ...demoServer.spec,
          hostname: 'web-2',
          ipv4Private: '10.0.0.9',
        },
      },
    };
    const b = {
      entity: {
        ...demoServer,
        spec: {
          ...demoServer.spec,
          hostname: 'web-10',
          ipv4Private: '10.0.0.10',
        },
      },
    };

    expect(hostname.customSort!(a, b, 'row')).toBeLessThan(0);
    expect(privateIp.customSort!(a, b, 'row')).toBeLessThan(0);
    expect(hostname.customFilterAndSearch!('WEB-1', b, hostname)).toBe(true);
    expect(hostname.customFilterAndSearch!('db', b, hostname)).toBe(false);
  });

  it('leaves Backstage kinds and an unfiltered list to the catalog defaults', () => {
    expect(maestroCatalogColumns(filteredTo('component'))).toBeUndefined();
    expect(maestroCatalogColumns(filteredTo())).toBeUndefined();
  });

  it('has columns for each of Maestro own kinds', () => {
    for (const kind of [
      'datacenter',
      'volume',
      'snapshot',
      'image',
      'network',
      'flavor',
      'client',
    ]) {
      expect(maestroCatalogColumns(filteredTo(kind))?.[0].title).toBe('Name');
    }
  });
});
