import token from '../__fixtures__/keystoneToken.json';
import {
  CatalogEntry,
  catalogRegions,
  missingEndpoint,
  selectEndpoint,
  serviceBaseUrl,
} from './catalog';

const catalog = token.token.catalog as CatalogEntry[];

describe('service catalog', () => {
  it('picks the endpoint of a service by region and interface', () => {
    expect(selectEndpoint(catalog, 'compute', 'RegionOne', 'public')).toBe(
      'https://compute.cloud.example/v2.1',
    );
    expect(selectEndpoint(catalog, 'compute', 'RegionOne', 'internal')).toBe(
      'http://10.0.0.5:8774/v2.1',
    );
    expect(selectEndpoint(catalog, 'compute', 'RegionTwo', 'public')).toBe(
      'https://compute.two.cloud.example/v2.1',
    );
  });

  it('finds Cinder under its older catalog type', () => {
    expect(
      selectEndpoint(catalog, 'block-storage', 'RegionOne', 'public'),
    ).toBe('https://volume.cloud.example/v3/9c3e1f7a2b4d4c6e8f0a1b2c3d4e5f60');
  });

  it('prefers block-storage over volumev3 when both are published', () => {
    const both: CatalogEntry[] = [
      ...catalog,
      {
        type: 'block-storage',
        endpoints: [
          {
            interface: 'public',
            region_id: 'RegionOne',
            url: 'https://bs.example/v3/p',
          },
        ],
      },
    ];
    expect(selectEndpoint(both, 'block-storage', 'RegionOne', 'public')).toBe(
      'https://bs.example/v3/p',
    );
  });

  it('lists the regions that offer a service', () => {
    expect(catalogRegions(catalog, 'compute', 'public')).toEqual([
      'RegionOne',
      'RegionTwo',
    ]);
    expect(catalogRegions(catalog, 'image', 'public')).toEqual(['RegionOne']);
    expect(catalogRegions(catalog, 'compute', 'internal')).toEqual([
      'RegionOne',
    ]);
    expect(catalogRegions(catalog, 'load-balancer', 'public')).toEqual([]);
  });

  it('says which endpoint is missing', () => {
    expect(
      missingEndpoint('block-storage', 'internal', 'any region').message,
    ).toBe(
      'The service catalog has no block-storage or volumev3 or volumev2 or block-store endpoint on the internal interface in any region',
    );
    expect(() =>
      selectEndpoint(catalog, 'load-balancer', 'RegionOne', 'public'),
    ).toThrow(
      expect.objectContaining({
        kind: 'provider',
        code: 'EndpointNotFound',
        message:
          'The service catalog has no load-balancer endpoint on the public interface in region RegionOne',
      }),
    );
    expect(() =>
      selectEndpoint(catalog, 'image', 'RegionTwo', 'public'),
    ).toThrow(/no image endpoint on the public interface in region RegionTwo/);
  });

  it('writes each service base so the API paths fit', () => {
    const project = '9c3e1f7a2b4d4c6e8f0a1b2c3d4e5f60';
    expect(serviceBaseUrl('compute', 'http://h:8774/v2.1/', project)).toBe(
      'http://h:8774/v2.1',
    );
    expect(serviceBaseUrl('compute', 'http://h:8774', project)).toBe(
      'http://h:8774/v2.1',
    );
    expect(serviceBaseUrl('block-storage', 'http://h/volume', project)).toBe(
      `http://h/volume/v3/${project}`,
    );
    expect(
      serviceBaseUrl('block-storage', `http://h:8776/v3/${project}`, project),
    ).toBe(`http://h:8776/v3/${project}`);
    expect(serviceBaseUrl('image', 'http://h:9292/v2/', project)).toBe(
      'http://h:9292',
    );
    expect(serviceBaseUrl('network', 'https://n:9696/v2.0', project)).toBe(
      'https://n:9696',
    );
    expect(
      serviceBaseUrl('load-balancer', 'http://h/load-balancer/v2', project),
    ).toBe('http://h/load-balancer');
  });
});
