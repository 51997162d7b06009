import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testStore';
import { startAccessTestBackend } from '../__testUtils__/accessTestBackend';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const YAML = 'url:https://git.example/infra/catalog-info.yaml';

/** Entities as the catalog serves them after reading a catalog-info.yaml. */
const declared = (kind: string, name: string, etag: string, spec: object) => ({
  apiVersion:
    kind === 'Server' ? 'maestroserver.io/v1alpha1' : 'backstage.io/v1alpha1',
  kind,
  metadata: {
    name,
    namespace: 'default',
    etag,
    annotations: { 'backstage.io/managed-by-location': YAML },
  },
  spec,
});
const yamlServer = declared('Server', 'yaml-web', 'e1', {
  hostname: 'yaml-web',
  owner: 'team-a',
  environment: 'Production',
});
const unownedServer = declared('Server', 'yaml-free', 'e1', {
  hostname: 'yaml-free',
});
/** A Component from a repository, running on a server Maestro discovered. */
const yamlApp = declared('Component', 'yaml-shop', 'e1', {
  type: 'service',
  lifecycle: 'production',
  owner: 'group:default/team-a',
  servers: ['server:default/maestro-db'],
});

const catalogService = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('plugin:catalog'),
  targetPluginId: 'maestro',
});

describe.each(databases.eachSupportedId())(
  'Catalog-declared entities in reports on %p',
  databaseId => {
    let app: any;
    const as = (user: string) => {
      const auth = mockCredentials.user.header(`user:default/${user}`);
      return {
        get: (p: string) =>
          request(app).get(`/api/maestro${p}`).set('authorization', auth),
        post: (p: string, body: object) =>
          request(app)
            .post(`/api/maestro${p}`)
            .set('authorization', auth)
            .send(body),
        put: (p: string, body: object) =>
          request(app)
            .put(`/api/maestro${p}`)
            .set('authorization', auth)
            .send(body),
      };
    };
    const catalog = {
      get: (p: string) =>
        request(app)
          .get(`/api/maestro${p}`)
          .set('authorization', catalogService),
      post: (p: string, body: object) =>
        request(app)
          .post(`/api/maestro${p}`)
          .set('authorization', catalogService)
          .send(body),
    };
    /** Entity refs of a saved report's rows as a user sees them. */
    const rowsOf = async (user: string, reportId: string, column: string) => {
      const page = await as(user)
        .get(`/reports/${reportId}/rows?limit=1000`)
        .expect(200);
      expect(page.body.totalCount).toBe(page.body.items.length);
      return page.body.items.map((r: any) => r[column]).sort();
    };
    let serversReport: string;
    let pivotReport: string;

    beforeAll(async () => {
      ({ server: app } = await startAccessTestBackend({
        knex: await databases.init(databaseId),
        defaultRead: 'restricted',
        teams: { 'user:default/ada': ['group:default/team-a'] },
      }));
      // Maestro's own records: a server, and an application on the yaml one.
      for (const entity of [
        {
          kind: 'Server',
          metadata: { name: 'maestro-db' },
          spec: { hostname: 'maestro-db', owner: 'group:default/team-a' },
        },
        {
          kind: 'Component',
          metadata: { name: 'maestro-api' },
          spec: {
            type: 'service',
            lifecycle: 'production',
            owner: 'group:default/team-a',
            servers: ['server:default/yaml-web'],
          },
        },
      ]) {
        const plural = entity.kind === 'Server' ? 'servers' : 'applications';
        await as('ada').post(`/entities/${plural}`, entity).expect(201);
      }
      serversReport = (
        await as('ada')
          .post('/reports', {
            name: 'Active servers',
            query: {
              type: 'general',
              kind: 'servers',
              filters: [
                { field: 'spec.active', operator: 'equal', value: true },
              ],
            },
          })
          .expect(201)
      ).body.id;
      pivotReport = (
        await as('ada')
          .post('/reports', {
            name: 'Applications and servers',
            query: {
              type: 'pivot',
              levels: [
                { level: 'applications', filters: [] },
                { level: 'servers', filters: [] },
              ],
            },
          })
          .expect(201)
      ).body.id;
    });

    it('takes the copy from the catalog plugin only', async () => {
      const body = { entities: [yamlServer] };
      const refused = await as('ada')
        .post('/catalog-entities', body)
        .expect(403);
      expect(refused.body.error.name).toBe('NotAllowedError');
      await request(app)
        .post('/api/maestro/catalog-entities')
        .set(
          'authorization',
          mockCredentials.service.header({
            onBehalfOf: mockCredentials.service('plugin:scaffolder'),
            targetPluginId: 'maestro',
          }),
        )
        .send(body)
        .expect(403);
      await catalog.get('/catalog-entities').expect(200, { items: [] });
      const bad = await catalog
        .post('/catalog-entities', { entities: 'x' })
        .expect(400);
      expect(bad.body.error.message).toBe(`'entities' must be a list`);
    });

    it('puts catalog-declared entities in general and pivot report rows, for who may read them', async () => {
      expect(await rowsOf('ada', serversReport, 'entityRef')).toEqual([
        'server:default/maestro-db',
      ]);
      const written = await catalog
        .post('/catalog-entities', {
          entities: [yamlServer, unownedServer, yamlApp],
        })
        .expect(200);
      expect(written.body).toEqual({ stored: 3, unchanged: 0, skipped: [] });

      // Owned by ada's team: hers to read, as a record owned by it would be.
      expect(await rowsOf('ada', serversReport, 'entityRef')).toEqual([
        'server:default/maestro-db',
        'server:default/yaml-web',
      ]);
      const rows = await as('ada')
        .get(`/reports/${serversReport}/rows?sort=spec.hostname`)
        .expect(200);
      expect(rows.body.items[1]).toMatchObject({
        entityRef: 'server:default/yaml-web',
        'spec.hostname': 'yaml-web',
        'spec.environment': 'Production',
      });
      // Unowned and without entries: the configured default (restricted).
      // (bob may read the report itself, not the records in it.)
      await as('ada')
        .put(`/reports/${serversReport}/access`, {
          entries: [{ principal: 'user:default/bob', role: 'read' }],
        })
        .expect(200);
      expect(await rowsOf('bob', serversReport, 'entityRef')).toEqual([]);
      const run = await as('ada')
        .post(`/reports/${serversReport}/run`, {})
        .expect(200);
      // A run counts as the service: every record and every copy.
      expect(run.body.rowCount).toBe(3);

      // Pivots join across: a yaml app on a Maestro server and back.
      const pivot = await as('ada')
        .get(`/reports/${pivotReport}/rows?limit=100`)
        .expect(200);
      expect(
        pivot.body.items
          .map(
            (r: any) =>
              `${r['applications.entityRef']} ${r['servers.entityRef']}`,
          )
          .sort(),
      ).toEqual([
        'component:default/maestro-api server:default/yaml-web',
        'component:default/yaml-shop server:default/maestro-db',
      ]);
    });

    it('drops an entity from the rows when the catalog no longer has it', async () => {
      await catalog
        .post('/catalog-entities', {
          entities: [yamlServer, unownedServer, yamlApp],
        })
        .expect(200, { stored: 0, unchanged: 3, skipped: [] });
      expect(
        (await catalog.get('/catalog-entities').expect(200)).body.items,
      ).toEqual([
        { entityRef: 'component:default/yaml-shop', etag: 'e1' },
        { entityRef: 'server:default/yaml-free', etag: 'e1' },
        { entityRef: 'server:default/yaml-web', etag: 'e1' },
      ]);
      const removed = await catalog
        .post('/catalog-entities/removals', {
          entityRefs: [
            'server:default/yaml-web',
            'component:default/yaml-shop',
          ],
        })
        .expect(200);
      expect(removed.body).toEqual({ removed: 2 });
      expect(await rowsOf('ada', serversReport, 'entityRef')).toEqual([
        'server:default/maestro-db',
      ]);
      expect(
        (await as('ada').get(`/reports/${pivotReport}/rows`).expect(200)).body
          .items,
      ).toEqual([]);
    });
  },
);
