import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { maestroDiscoveryExtensionPoint } from '@maestro/plugin-maestro-node';
import request from 'supertest';
import { maestroPlugin } from '../plugin';
import { createTestDatabases } from '../__testUtils__/testStore';
import {
  TestDiscoverySource,
  discoveredServer,
} from '../__testUtils__/testDiscoverySource';

const databases = createTestDatabases();
jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'Discovery REST API on %p',
  databaseId => {
    let server: any;
    const source = new TestDiscoverySource();
    // Everything the backend logs, at every level.
    const logged: unknown[][] = [];
    const user = mockCredentials.user.header('user:default/ada');

    beforeAll(async () => {
      for (const level of ['debug', 'info', 'warn', 'error'] as const) {
        jest
          .spyOn(console, level)
          .mockImplementation((...args: unknown[]) => logged.push(args));
      }
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          maestroPlugin,
          createBackendModule({
            pluginId: 'maestro',
            moduleId: 'test-source',
            register(env) {
              env.registerInit({
                deps: { discovery: maestroDiscoveryExtensionPoint },
                async init({ discovery }) {
                  discovery.addSource(source);
                },
              });
            },
          }),
          mockServices.database.factory({ knex }),
          mockServices.rootLogger.factory({ level: 'debug' }),
          mockServices.rootConfig.factory({
            data: {
              maestro: {
                discovery: { encryptionKey: 'rest-test-encryption-key' },
              },
            },
          }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      });
      server = backend.server;
    });

    const api = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
      request(server)[method](`/api/maestro${path}`).set('Authorization', user);

    it('refuses unauthenticated requests', async () => {
      const res = await request(server).get('/api/maestro/connections');
      expect(res.status).toBe(401);
    });

    it('describes the installed sources for the connection form', async () => {
      const res = await api('get', '/connection-types').expect(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          type: 'test',
          fields: expect.arrayContaining([
            expect.objectContaining({ name: 'token', secret: true }),
          ]),
          tasks: [
            expect.objectContaining({
              name: 'server-list',
              permissions: ['test:ListServers'],
              interval: { every: 5, period: 'minutes' },
            }),
          ],
        }),
      ]);
    });

    it('answers 400 naming the bad fields, and creates nothing', async () => {
      const res = await api('post', '/connections')
        .send({ type: 'test', title: '', datacenter: 'nope', settings: {} })
        .expect(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.fieldErrors.map((e: any) => e.field).sort()).toEqual([
        'datacenter',
        'settings.account',
        'settings.token',
        'title',
      ]);
      const list = await api('get', '/connections').expect(200);
      expect(list.body.items).toEqual([]);
    });

    it('creates, reads, updates, syncs and deletes a connection without ever returning its secret', async () => {
      const created = await api('post', '/connections')
        .send({
          type: 'test',
          title: 'Test account',
          datacenter: 'datacenter:default/test-cloud',
          owner: 'group:default/sre',
          settings: { account: '42', token: 'the-secret-token' },
        })
        .expect(201);
      const id = created.body.id;
      expect(created.body.secretsSet).toEqual(['token']);
      for (const path of ['/connections', `/connections/${id}`]) {
        const res = await api('get', path).expect(200);
        expect(JSON.stringify(res.body)).not.toContain('the-secret-token');
      }

      const updated = await api('put', `/connections/${id}`)
        .send({
          title: 'Renamed',
          datacenter: 'datacenter:default/test-cloud',
          owner: 'group:default/sre',
          settings: { account: '43' },
        })
        .expect(200);
      expect(updated.body).toMatchObject({
        title: 'Renamed',
        settings: { account: '43' },
        secretsSet: ['token'],
      });

      source.regions.set('r1', [
        discoveredServer('i-1'),
        discoveredServer('i-2'),
      ]);
      await api('post', `/connections/${id}/tasks/server-list/sync`).expect(
        202,
      );
      const tasks = await api('get', `/connections/${id}/tasks`).expect(200);
      expect(tasks.body.items).toEqual([
        expect.objectContaining({
          task: 'server-list',
          enabled: true,
          outcome: 'success',
          seen: 2,
          created: 2,
          permissions: ['test:ListServers'],
        }),
      ]);
      const discovered = await api(
        'get',
        '/entities/servers/default/i-1',
      ).expect(200);
      expect(discovered.body.entity.spec.owner).toBe('group:default/sre');
      expect(source.received).toContainEqual({ token: 'the-secret-token' });

      await api('put', `/connections/${id}/tasks/server-list`)
        .send({ enabled: 'yes' })
        .expect(400);
      const disabled = await api('put', `/connections/${id}/tasks/server-list`)
        .send({ enabled: false })
        .expect(200);
      expect(disabled.body.enabled).toBe(false);
      await api('post', `/connections/${id}/tasks/nope/sync`).expect(404);

      await api('delete', `/connections/${id}`).expect(204);
      await api('get', `/connections/${id}`).expect(404);
      // The records it discovered stay.
      await api('get', '/entities/servers/default/i-1').expect(200);
    });

    it('never logs a secret', () => {
      expect(logged.length).toBeGreaterThan(0);
      const text = JSON.stringify(logged);
      expect(text).toContain('server-list');
      expect(text).not.toContain('the-secret-token');
    });
  },
);
