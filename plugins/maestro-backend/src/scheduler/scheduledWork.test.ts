import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startMaestroTestBackend } from '../__testUtils__/testBackend';
import { describeDuration } from './scheduledWork';

jest.setTimeout(120_000);

describe('describeDuration', () => {
  it('says how often', () => {
    expect(describeDuration({ hours: 1 })).toBe('every 1 hour');
    expect(describeDuration({ days: 3 })).toBe('every 3 days');
    expect(describeDuration({ minutes: 90 })).toBe('every 90 minutes');
  });
});

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

describe('GET /scheduler/work', () => {
  it('lists scheduled reports with their period, last run and next run, and not the others', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startMaestroTestBackend({
      knex,
      config: {
        maestro: {
          reports: {
            refresh: { frequency: { hours: 6 }, timeout: { minutes: 5 } },
          },
        },
      },
    });
    const user = mockCredentials.user.header('user:default/ada');
    const create = (name: string, scheduled: boolean) =>
      request(server)
        .post('/api/maestro/reports')
        .set('authorization', user)
        .send({
          name,
          scheduled,
          query: { type: 'general', kind: 'servers', filters: [] },
        })
        .expect(201);
    const nightly = await create('Nightly', true);
    await create('Ad hoc', false);
    await request(server)
      .post(`/api/maestro/reports/${nightly.body.id}/run`)
      .set('authorization', user)
      .expect(200);

    const res = await request(server)
      .get('/api/maestro/scheduler/work')
      .set('authorization', user)
      .expect(200);
    expect(res.body.items).toHaveLength(1);
    const [work] = res.body.items;
    expect(work).toMatchObject({
      id: `report:${nightly.body.id}`,
      module: 'reports',
      name: 'Nightly',
      period: 'every 6 hours',
      outcome: 'success',
      runPath: `/reports/${nightly.body.id}/run`,
    });
    expect(
      new Date(work.nextRunAt).getTime() - new Date(work.lastRunAt).getTime(),
    ).toBe(6 * 3600_000);
    await request(server).get('/api/maestro/scheduler/work').expect(401);
  });
});
