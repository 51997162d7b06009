import { digitalOceanDiscoverySource } from './digitalOceanSource';

const TOKEN = `dop_v1_${'ab12'.repeat(16)}`;
const validate = (
  settings: Record<string, string>,
  credentials: Record<string, string> = { token: TOKEN },
) => digitalOceanDiscoverySource.validate!({ settings, credentials });

describe('digitalOceanDiscoverySource', () => {
  it('declares the token secret and required, and one task per Maestro rule', () => {
    const fields = Object.fromEntries(
      digitalOceanDiscoverySource.fields.map(f => [f.name, f]),
    );
    expect(fields.token).toMatchObject({ secret: true, required: true });
    expect(fields.spacesSecretAccessKey.secret).toBe(true);
    expect(fields.spacesAccessKeyId.secret).toBeFalsy();
    expect(digitalOceanDiscoverySource.tasks.map(t => t.name)).toEqual([
      'server-list',
      'loadbalance-list',
      'volumes-list',
      'snapshot-list',
      'cdns-list',
      'container-orchestration-list',
      'images-list',
      'security-list',
      'storage-object-list',
    ]);
    expect(
      digitalOceanDiscoverySource.tasks.find(t => t.name === 'server-list')!
        .defaultInterval,
    ).toEqual({ every: 5, period: 'minutes' });
  });

  it('accepts a token alone, and a full Spaces setup', () => {
    expect(validate({})).toEqual([]);
    expect(validate({}, { token: 'f'.repeat(64) })).toEqual([]);
    expect(
      validate(
        {
          spacesAccessKeyId: 'DO00ABCDEFGHIJKLMNOP',
          spacesRegions: 'nyc3, ams3',
          endpoint: 'http://127.0.0.1:4000/digitalocean',
          spacesEndpoint: 'http://127.0.0.1:4000/digitalocean/spaces/{region}',
        },
        { token: TOKEN, spacesSecretAccessKey: 'secret' },
      ),
    ).toEqual([]);
  });

  it('points at each field that is wrong', () => {
    expect(validate({}, { token: `Bearer ${TOKEN}` })).toEqual([
      { field: 'token', message: 'must not start with "Bearer"' },
    ]);
    expect(validate({}, { token: 'dop_v1_short' })[0].field).toBe('token');
    expect(validate({ endpoint: 'https://api.digitalocean.com/v2' })).toEqual([
      {
        field: 'endpoint',
        message: 'must leave out /v2 (the API paths start with it)',
      },
    ]);
    expect(
      validate({ spacesAccessKeyId: 'DO00ABCDEFGHIJKLMNOP' }).map(e => e.field),
    ).toEqual(['spacesSecretAccessKey', 'spacesRegions']);
    expect(
      validate({}, { token: TOKEN, spacesSecretAccessKey: 's' }).map(
        e => e.field,
      ),
    ).toEqual(['spacesAccessKeyId']);
    expect(
      validate(
        {
          spacesAccessKeyId: 'lowercase-key',
          spacesRegions: 'nyc3,us-east-1',
          endpoint: 'ftp://x',
          spacesEndpoint: 'https://spaces.example.com',
        },
        { token: TOKEN, spacesSecretAccessKey: 's' },
      ),
    ).toEqual([
      { field: 'spacesAccessKeyId', message: 'is not a Spaces access key' },
      {
        field: 'spacesRegions',
        message: 'are region slugs such as nyc3; not us-east-1',
      },
      { field: 'endpoint', message: 'must be an http(s) URL' },
      {
        field: 'spacesEndpoint',
        message: 'must be an http(s) URL with {region} in it',
      },
    ]);
  });
});
