import { openstackDiscoverySource } from './openstackSource';
import {
  identityBaseUrl,
  keystoneRef,
  readOpenStackSettings,
} from './openstackSettings';

const validate = (settings: Record<string, string>) =>
  openstackDiscoverySource.validate!({
    settings,
    credentials: { password: 'x' },
  });

describe('OpenStack connection', () => {
  const valid = {
    authUrl: 'https://keystone.example.com:5000/v3',
    username: 'maestro',
    projectName: 'web-shop',
  };

  it('declares every task of the seed with the rules of Maestro 0.6', () => {
    expect(openstackDiscoverySource.type).toBe('openstack');
    expect(
      openstackDiscoverySource.tasks.map(t => [t.name, t.defaultInterval]),
    ).toEqual([
      ['server-list', { every: 5, period: 'minutes' }],
      ['loadbalance-list', { every: 6, period: 'hours' }],
      ['volumes-list', { every: 6, period: 'hours' }],
      ['snapshot-list', { every: 14, period: 'days' }],
      ['images-list', { every: 14, period: 'days' }],
      ['security-list', { every: 6, period: 'hours' }],
      ['flavor-list', { every: 14, period: 'days' }],
      ['network-list', { every: 7, period: 'days' }],
    ]);
    expect(openstackDiscoverySource.tasks[0].permissions).toEqual([
      'compute: os_compute_api:servers:detail',
      'compute: GET /flavors/detail (open to project members)',
      'network: get_port',
    ]);
    const password = openstackDiscoverySource.fields.find(
      f => f.name === 'password',
    );
    expect(password).toMatchObject({ secret: true, required: true });
  });

  it('accepts a complete connection', () => {
    expect(validate(valid)).toEqual([]);
    expect(
      validate({
        ...valid,
        projectName: '',
        projectId: '9c3e1f7a2b4d4c6e8f0a1b2c3d4e5f60',
        apiVersion: 'v3',
        interface: 'internal',
        region: 'RegionOne, RegionTwo',
      }),
    ).toEqual([]);
  });

  it('explains what is wrong, field by field', () => {
    expect(
      validate({
        authUrl: 'keystone.example.com',
        username: 'maestro',
        apiVersion: '2.0',
        interface: 'admin',
        region: 'RegionOne,bad/region',
      }),
    ).toEqual([
      { field: 'authUrl', message: 'must be an http(s) URL' },
      { field: 'apiVersion', message: 'must be 3 (Keystone v3)' },
      { field: 'projectName', message: 'or projectId is required' },
      { field: 'interface', message: 'must be one of public, internal' },
      { field: 'region', message: 'is not a region id: bad/region' },
    ]);
    expect(
      validate({ ...valid, authUrl: 'https://keystone.example.com:5000/v2.0' }),
    ).toEqual([
      {
        field: 'authUrl',
        message:
          'is a Keystone v2.0 URL; v2.0 left Keystone in Queens, give the v3 one',
      },
    ]);
  });

  it('reads domains as ids or names, and the v3 base of an auth URL', () => {
    expect(keystoneRef('default')).toEqual({ id: 'default' });
    expect(keystoneRef('0123456789abcdef0123456789abcdef')).toEqual({
      id: '0123456789abcdef0123456789abcdef',
    });
    expect(keystoneRef('Default')).toEqual({ name: 'Default' });
    expect(keystoneRef('')).toEqual({ name: 'Default' });
    expect(identityBaseUrl('https://h/identity/')).toBe(
      'https://h/identity/v3',
    );
    expect(identityBaseUrl('https://h:5000/v3/')).toBe('https://h:5000/v3');
    expect(
      readOpenStackSettings({
        settings: { ...valid, projectDomain: 'Customers', region: 'a,b' },
        credentials: { password: 'p' },
      }),
    ).toMatchObject({
      identityUrl: 'https://keystone.example.com:5000/v3',
      project: { name: 'web-shop', domain: { name: 'Customers' } },
      userDomain: { name: 'Default' },
      regions: ['a', 'b'],
      interface: 'public',
    });
  });
});
