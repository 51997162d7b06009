import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testStore';
import { startMaestroTestBackend } from '../__testUtils__/testBackend';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('Jobs API on %p', databaseId => {
  let server: any;
  const user = mockCredentials.user.header('user:default/ada');

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    const backend = await startMaestroTestBackend({
      knex,
      config: {
        maestro: {
          discovery: { encryptionKey: 'a-test-key-of-enough-length' },
        },
      },
    });
    server = backend.server;
  });

  const api = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
    request(server)[method](`/api/maestro${path}`).set('Authorization', user);

  const job = {
    name: 'Nightly export hook',
    period: { type: 'cron', cron: '0 3 * * *' },
    webhook: {
      method: 'POST',
      url: 'https://hooks.example.com/maestro',
      headers: { Authorization: 'Bearer s3cret' },
      body: '{}',
    },
  };

  it('creates a job, never showing its header values', async () => {
    const created = await api('post', '/jobs').send(job).expect(201);
    expect(created.body).toMatchObject({
      name: 'Nightly export hook',
      enabled: true,
      totalRuns: 0,
      createdBy: 'user:default/ada',
      webhook: { headers: { Authorization: '********' } },
    });
    expect(new Date(created.body.nextRunAt).getUTCHours()).toBe(3);
    const list = await api('get', '/jobs').expect(200);
    expect(JSON.stringify(list.body)).not.toContain('s3cret');

    // Sending the mask back keeps the stored value; the job can be renamed.
    const updated = await api('put', `/jobs/${created.body.id}`)
      .send({ ...job, name: 'Renamed', webhook: created.body.webhook })
      .expect(200);
    expect(updated.body.name).toBe('Renamed');
    await api('delete', `/jobs/${created.body.id}`).expect(204);
    await api('get', `/jobs/${created.body.id}`).expect(404);
  });

  it('refuses a bad job naming every field, and stores nothing', async () => {
    const res = await api('post', '/jobs')
      .send({
        name: '',
        period: { type: 'interval', seconds: 1 },
        webhook: {
          method: 'TRACE',
          url: 'file:///etc/passwd',
          headers: { 'Bad Header': 'x' },
        },
      })
      .expect(400);
    expect(res.body.fieldErrors.map((e: any) => e.field)).toEqual([
      'name',
      'period.seconds',
      'webhook.method',
      'webhook.url',
      'webhook.headers.Bad Header',
    ]);
    expect((await api('get', '/jobs').expect(200)).body.items).toEqual([]);
  });

  it('runs a job now, refusing a private address, and keeps the run', async () => {
    const created = await api('post', '/jobs')
      .send({ ...job, webhook: { method: 'GET', url: 'http://10.0.0.5/hook' } })
      .expect(201);
    const run = await api('post', `/jobs/${created.body.id}/run`).expect(200);
    expect(run.body).toMatchObject({ trigger: 'manual', outcome: 'failure' });
    expect(run.body.message).toMatch(/maestro\.jobs\.webhooks\.allow/);
    const runs = await api('get', `/jobs/${created.body.id}/runs`).expect(200);
    expect(runs.body.items).toHaveLength(1);
  });

  it('refuses anonymous requests', async () => {
    const res = await request(server).get('/api/maestro/jobs');
    expect(res.status).toBe(401);
  });
});
