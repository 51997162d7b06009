import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testStore';
import { startMaestroTestBackend } from '../__testUtils__/testBackend';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('Settings API on %p', databaseId => {
  let server: any;
  const user = mockCredentials.user.header('user:default/ada');

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    const backend = await startMaestroTestBackend({ knex });
    server = backend.server;
  });

  const api = (method: 'get' | 'put', path: string) =>
    request(server)[method](`/api/maestro${path}`).set('Authorization', user);

  it('starts from Maestro defaults', async () => {
    const res = await api('get', '/settings').expect(200);
    expect(res.body.options.environments).toContain('Production');
    expect(res.body.options['oracle.role']).toContain('Primary');
    expect(res.body.services.map((s: any) => s.name)).toContain('MySQL');
    expect(res.body.regions.AWS['us-west-2 (Oregon)']).toEqual([
      'us-west-2a',
      'us-west-2b',
      'us-west-2c',
    ]);
  });

  it('edits an option list, which the forms then offer', async () => {
    await api('put', '/settings/options/environments')
      .send({ values: ['Production', 'Staging', 'QA'] })
      .expect(200);
    await api('put', '/settings/options/oracle.role')
      .send({ values: ['Primary', 'Far Sync'] })
      .expect(200);
    const res = await api('get', '/options').expect(200);
    expect(res.body.options.environments).toEqual([
      'Production',
      'Staging',
      'QA',
    ]);
    expect(res.body.options.oracle.role).toEqual(['Primary', 'Far Sync']);
    // Lists nobody edited keep their defaults.
    expect(res.body.options.authTypes).toContain('LDAP');
  });

  it('refuses a bad option list naming the entry, and keeps the old one', async () => {
    const res = await api('put', '/settings/options/environments')
      .send({ values: ['Production', '', 'production'] })
      .expect(400);
    expect(res.body.fieldErrors).toEqual([
      { field: 'values.1', message: 'must be a non-empty string' },
      { field: 'values.2', message: "'production' is repeated" },
    ]);
    const after = await api('get', '/settings').expect(200);
    expect(after.body.options.environments).toEqual([
      'Production',
      'Staging',
      'QA',
    ]);
    await api('put', '/settings/options/nonsense')
      .send({ values: ['x'] })
      .expect(404);
  });

  it('replaces the services catalog, checking families', async () => {
    const bad = await api('put', '/settings/services')
      .send({
        services: [
          { name: 'Varnish', families: ['Cache', 'Teleport'] },
          { name: '', families: [] },
        ],
      })
      .expect(400);
    expect(bad.body.fieldErrors.map((e: any) => e.field)).toEqual([
      'services.0.families.1',
      'services.1.name',
    ]);
    await api('put', '/settings/services')
      .send({ services: [{ name: 'Varnish', families: ['cache'] }] })
      .expect(200);
    const res = await api('get', '/options').expect(200);
    expect(res.body.services).toEqual([
      { name: 'Varnish', families: ['Cache'] },
    ]);
  });

  it('sets and removes a provider regions and zones', async () => {
    await api('put', '/settings/regions/DigitalOcean')
      .send({ regions: { nyc3: [], ams3: [] } })
      .expect(200);
    await api('put', '/settings/regions/Azure').send({ regions: {} });
    const res = await api('get', '/settings').expect(200);
    expect(res.body.regions.DigitalOcean).toEqual({ nyc3: [], ams3: [] });
    expect(res.body.regions.Azure).toBeUndefined();
    expect(res.body.regions.AWS).toBeDefined();
    const bad = await api('put', '/settings/regions/AWS')
      .send({ regions: { 'eu-west-1': 'eu-west-1a' } })
      .expect(400);
    expect(bad.body.fieldErrors[0].field).toBe('regions.eu-west-1');
  });

  it('refuses anonymous changes', async () => {
    await request(server)
      .put('/api/maestro/settings/services')
      .send({ services: [] })
      .expect(401);
  });
});
