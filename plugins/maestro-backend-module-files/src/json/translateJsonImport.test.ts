import { translateJsonImport } from './translateJsonImport';

// The example of Maestro's documentation (4.2.8), completed where it breaks off.
const documented = {
  servers: [
    {
      name: 'myname',
      hostname: 'myhostname',
      ipv4_private: '127.0.0.2',
      ipv4_public: '89.89.89.89',
      os: { base: 'Linux', dist: 'Ubuntu', version: '14' },
      datacenters: {
        name: 'random-1',
        provider: 'randomdc',
        region: 'region-1',
        zone: 'zon1',
      },
      role: 'Application',
      environment: 'Production',
      services: [{}],
      tags: [{}],
      cpu: 2,
      memory: 2,
      storage: [],
    },
  ],
  applications: [{ name: 'myname', family: 'Applications' }],
  volumes: [{ name: 'vvolume', size: '500' }],
  flavors: [{ name: 'flavors' }],
  snapshots: [{ name: 'snashots', size: '500' }],
  images: [{ name: 'myimages', size: '500' }],
};

describe('translateJsonImport', () => {
  it("reads the documentation's example: one record of each list", () => {
    const { entities, errors } = translateJsonImport(documented);
    expect(errors).toEqual([]);
    expect(entities.map(e => `${e.kind}:${e.metadata.name}`)).toEqual([
      'Server:myhostname',
      'Component:myname',
      'Volume:vvolume',
      'Snapshot:snashots',
      'Image:myimages',
      'Flavor:flavors',
    ]);
    const [server, app, volume] = entities;
    expect(server.metadata.title).toBe('myname');
    expect(server.spec).toEqual({
      hostname: 'myhostname',
      ipv4Private: '127.0.0.2',
      ipv4Public: '89.89.89.89',
      os: { base: 'Linux', dist: 'Ubuntu', version: '14' },
      cpu: 2,
      memory: 2,
      role: 'Application',
      environment: 'Production',
      datacenter: {
        ref: 'datacenter:default/random-1',
        provider: 'randomdc',
        region: 'region-1',
        zone: 'zon1',
      },
    });
    expect(app.spec).toMatchObject({
      family: 'Application',
      type: 'service',
      lifecycle: 'production',
    });
    expect(volume.spec).toEqual({ size: 500 });
  });

  it('places everything in the connection datacenter when given', () => {
    const { entities } = translateJsonImport(documented, {
      datacenter: 'datacenter:default/site-a',
    });
    expect(entities[0].spec!.datacenter).toMatchObject({
      ref: 'datacenter:default/site-a',
      zone: 'zon1',
    });
  });

  it('makes other families Resources', () => {
    const { entities } = translateJsonImport({
      applications: [{ name: 'orders-db', family: 'Database' }],
    });
    expect(entities[0]).toMatchObject({
      kind: 'Resource',
      spec: { type: 'database', family: 'Database' },
    });
  });

  it('names the list, index and field of every problem', () => {
    const { errors } = translateJsonImport({
      servers: [
        { hostname: 'ok' },
        { name: 'no-hostname' },
        { hostname: 'bad', ipv4_private: 'x.y' },
      ],
      volumes: 'nope',
      gadgets: [],
    });
    expect(errors).toEqual([
      {
        location: 'gadgets',
        message:
          'is not a list Maestro imports (servers, applications, volumes, snapshots, images, flavors)',
      },
      {
        location: 'servers[1].hostname',
        message: 'is required (a non-empty string)',
      },
      {
        location: 'servers[2] (spec.ipv4Private)',
        message: expect.stringMatching(/ipv4/),
      },
      { location: 'volumes', message: 'must be an array' },
    ]);
  });
});
