import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { maestroPlugin } from '../../plugin';
import { createTestDatabases } from '../../__testUtils__/testStore';
import { loadDirectory } from '../../import';
import {
  DEMO_COUNTS,
  DEMO_DIR,
  DEMO_TOTAL,
} from '../../__testUtils__/demoData';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'Maestro 0.6 import through the API on %p',
  databaseId => {
    let server: any;
    let files: Record<string, unknown>;
    const auth = mockCredentials.user.header('user:default/ada');

    beforeAll(async () => {
      files = await loadDirectory(DEMO_DIR);
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [maestroPlugin, mockServices.database.factory({ knex })],
      });
      server = backend.server;
    }, 60_000);

    const post = (body: object) =>
      request(server)
        .post('/api/maestro/import/maestro-0.6')
        .set('Authorization', auth)
        .send(body);
    const get = (p: string) =>
      request(server).get(`/api/maestro${p}`).set('Authorization', auth);

    it('refuses a bad export naming file, item and field, and writes nothing', async () => {
      const servers = (files['servers.json'] as any[]).map(s => ({ ...s }));
      delete servers[7].hostname;
      const res = await post({
        files: { ...files, 'servers.json': servers },
      }).expect(400);
      expect(res.body.fieldErrors).toContainEqual({
        field: 'servers.json[7].hostname',
        message: expect.any(String),
      });
      expect(
        (await get('/entities/servers?limit=1').expect(200)).body.totalCount,
      ).toBe(0);
      await post({ files: [] }).expect(400);
    });

    it('imports the demo inventory with its counts', async () => {
      const res = await post({ files }).expect(200);
      expect(res.body.created).toEqual(DEMO_COUNTS);
      const attached = (files['servers.json'] as any[])
        .flatMap(s => s.storage)
        .filter(s => s === '#attach').length;
      expect(res.body.created.Volume).toBe(attached);
    }, 60_000);

    it('keeps every dependency of deps.json with its protocol', async () => {
      const deps = files['deps.json'] as Record<
        string,
        Array<{ name: string; endpoint: string }>
      >;
      const byTitle = new Map<string, any>();
      for (const kind of ['applications', 'resources']) {
        const page = (await get(`/entities/${kind}?limit=1000`).expect(200))
          .body;
        for (const r of page.items)
          byTitle.set(r.entity.metadata.title, r.entity);
      }
      const refOf = (e: any) =>
        `${e.kind.toLowerCase()}:default/${e.metadata.name}`;
      let edges = 0;
      for (const [source, targets] of Object.entries(deps)) {
        if (source === 'root') continue;
        const from = byTitle.get(source.replace('#name::', ''));
        for (const t of targets) {
          const to = byTitle.get(t.name.replace('#name::', ''));
          expect(from.spec.dependencies).toContainEqual(
            expect.objectContaining({
              target: refOf(to),
              protocol: t.endpoint,
            }),
          );
          edges++;
        }
      }
      expect(edges).toBeGreaterThan(40);
      const webserver = byTitle.get('WebServer Maestro');
      expect(webserver.spec.dependencies).toContainEqual(
        expect.objectContaining({
          target: 'resource:default/db-mongodb',
          protocol: 'tcp',
        }),
      );
    });

    it('changes nothing when the same export is imported again', async () => {
      const res = await post({ files }).expect(200);
      expect(res.body.created).toEqual({});
      expect(res.body.updated).toEqual({});
      expect(res.body.total).toBe(DEMO_TOTAL);
      expect(res.body.unchanged).toEqual(DEMO_COUNTS);
    }, 60_000);
  },
);
