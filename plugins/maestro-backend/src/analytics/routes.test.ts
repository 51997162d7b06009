import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testStore';
import { readDemoFiles } from '../__testUtils__/demoData';
import { startMaestroTestBackend } from '../__testUtils__/testBackend';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const LB_CLIENT = 'resource:default/lb-client-maestro-prd';

describe.each(databases.eachSupportedId())(
  'Analytics REST API on %p',
  databaseId => {
    let server: any;
    const user = mockCredentials.user.header('user:default/ada');
    const api = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
      request(server)[method](`/api/maestro${path}`).set('Authorization', user);

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const backend = await startMaestroTestBackend({
        knex,
        config: { maestro: { analytics: { maxDepth: 30 } } },
      });
      server = backend.server;
      await api('post', '/import/maestro-0.6')
        .send({ files: readDemoFiles() })
        .expect(200);
    });

    it('needs sign-in for graphs', async () => {
      const res = await request(server).get('/api/maestro/analytics/graphs');
      expect(res.status).toBe(401);
      await request(server)
        .post('/api/maestro/analytics/graphs')
        .send({ name: 'x', source: { type: 'application', ref: LB_CLIENT } })
        .expect(401);
    });

    it('refuses bad input with a 400 naming the field, and saves nothing', async () => {
      const bad = [
        [{ source: { type: 'application', ref: LB_CLIENT } }, /name/],
        [
          { name: 'x', source: { type: 'team', ref: LB_CLIENT } },
          /source\.type/,
        ],
        [
          { name: 'x', source: { type: 'system', ref: LB_CLIENT } },
          /source\.ref/,
        ],
        [
          {
            name: 'x',
            source: { type: 'application', ref: 'component:default/nope' },
          },
          /source\.ref/,
        ],
      ] as const;
      for (const [body, field] of bad) {
        const res = await api('post', '/analytics/graphs')
          .send(body)
          .expect(400);
        expect(res.body.error.message).toMatch(field);
      }
      const list = await api('get', '/analytics/graphs').expect(200);
      expect(list.body.items).toEqual([]);
    });

    it('creates a graph from lb-client-maestro-prd, exports it, shares it publicly and revokes the link', async () => {
      const created = await api('post', '/analytics/graphs')
        .send({
          name: 'Maestro Server - Architecture',
          source: { type: 'application', ref: LB_CLIENT },
        })
        .expect(201);
      expect(created.body).toMatchObject({
        status: 'finished',
        createdBy: 'user:default/ada',
        summary: { nodes: 16, connections: 29 },
      });
      const id = created.body.id;
      const graph = await api('get', `/analytics/graphs/${id}`).expect(200);
      expect(graph.body.stale).toBe(false);
      expect(graph.body.result.graph.edges).toHaveLength(29);
      expect(graph.body.result.metrics.depthHistogram).toEqual([
        1, 1, 2, 2, 3, 2, 3, 2,
      ]);
      const list = await api('get', '/analytics/graphs').expect(200);
      expect(list.body.items.map((g: any) => g.id)).toEqual([id]);
      expect(list.body.items[0].result).toBeUndefined();

      const svg = await api('get', `/analytics/graphs/${id}/svg`).expect(200);
      expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
      expect(
        String(svg.text ?? svg.body).match(/<g class="node"/g),
      ).toHaveLength(16);

      await api('post', `/analytics/graphs/${id}/shares`)
        .send({ expiresInHours: 0 })
        .expect(400);
      const shared = await api('post', `/analytics/graphs/${id}/shares`)
        .send({ expiresInHours: 48 })
        .expect(201);
      expect(shared.body.path).toBe(`/public/graphs/${shared.body.token}`);

      // No Authorization header: the public page works without sign-in.
      const page = await request(server)
        .get(`/api/maestro${shared.body.path}`)
        .expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['x-frame-options']).toBeUndefined();
      expect(page.headers['content-security-policy']).toMatch(
        /default-src 'none'/,
      );
      expect(page.text).toContain('Maestro Server - Architecture');
      expect(page.text).toContain('WebServer Maestro');
      expect(page.text).not.toMatch(/<script/i);
      await request(server)
        .get(`/api/maestro${shared.body.path}/svg`)
        .expect(200)
        .expect('content-type', /image\/svg\+xml/);

      const [payload, signature] = shared.body.token.split('.');
      const tampered = await request(server)
        .get(`/api/maestro/public/graphs/${payload}.x${signature.slice(1)}`)
        .expect(404);
      expect(tampered.text).not.toContain('WebServer');

      // The public route serves share pages only, not the signed-in API.
      await request(server).get('/api/maestro/analytics/graphs').expect(401);

      const shares = await api('get', `/analytics/graphs/${id}/shares`).expect(
        200,
      );
      expect(shares.body.items).toHaveLength(1);
      expect(shares.body.items[0].token).toBeUndefined();
      await api(
        'delete',
        `/analytics/graphs/${id}/shares/${shared.body.id}`,
      ).expect(204);
      const gone = await request(server)
        .get(`/api/maestro${shared.body.path}`)
        .expect(410);
      expect(gone.text).not.toContain('WebServer');
    });

    it('commits the dependency maker through the write path; the graph then says stale and recomputes', async () => {
      const created = await api('post', '/analytics/graphs')
        .send({
          name: 'maker',
          source: { type: 'application', ref: LB_CLIENT },
        })
        .expect(201);
      const evil = await api('post', '/entities/applications')
        .send({
          metadata: { name: 'evil-app', title: '<script>alert(1)</script>' },
          spec: {
            type: 'service',
            owner: 'group:default/sre',
            lifecycle: 'production',
          },
        })
        .expect(201);
      const evilRef = evil.body.entity.metadata.name
        ? `component:default/${evil.body.entity.metadata.name}`
        : '';
      await api('post', '/analytics/dependencies')
        .send({
          dependencies: [
            {
              source: 'component:default/analytics-front',
              target: evilRef,
              protocol: 'gRPC',
            },
            {
              source: 'component:default/analytics-front',
              target: evilRef,
              protocol: 'gRPC',
            },
          ],
        })
        .expect(200);
      const history = await api(
        'get',
        '/records/by-ref/history?ref=component:default/analytics-front',
      ).expect(200);
      expect(history.body.items[0]).toMatchObject({
        actor: 'user:default/ada',
        source: 'ui:dependency-maker',
      });
      const record = await api(
        'get',
        '/records/by-ref?ref=component:default/analytics-front',
      ).expect(200);
      expect(record.body.entity.spec.dependencies).toEqual([
        { target: evilRef, protocol: 'gRPC' },
      ]);

      const id = created.body.id;
      // The write announced a change: the graph is recomputed in the
      // background, without anyone asking.
      let current: any;
      for (let attempt = 0; attempt < 150; attempt++) {
        current = (await api('get', `/analytics/graphs/${id}`)).body;
        if (!current.stale && current.summary?.nodes === 17) break;
        await new Promise(r => setTimeout(r, 200));
      }
      expect(current).toMatchObject({
        stale: false,
        summary: { nodes: 17, connections: 30 },
      });
      // Asking still works, and gives the same.
      const recomputed = await api(
        'post',
        `/analytics/graphs/${id}/compute`,
      ).expect(200);
      expect(recomputed.body.summary).toMatchObject({
        nodes: 17,
        connections: 30,
      });
      expect((await api('get', `/analytics/graphs/${id}`)).body.stale).toBe(
        false,
      );

      const svg = await api('get', `/analytics/graphs/${id}/svg`).expect(200);
      const text = String(svg.text ?? svg.body);
      expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(text).not.toMatch(/<script/i);
    });

    it('refuses bad dependencies, writing nothing', async () => {
      const before = await api(
        'get',
        '/records/by-ref/history?ref=component:default/data-api',
      ).expect(200);
      for (const dependencies of [
        [],
        [
          {
            source: 'component:default/data-api',
            target: 'component:default/data-api',
          },
        ],
        [
          {
            source: 'component:default/data-api',
            target: 'system:default/maestro-ws',
          },
        ],
        [
          {
            source: 'component:default/data-api',
            target: 'resource:default/redis-aws',
          },
          {
            source: 'component:default/data-api',
            target: 'component:default/nope',
          },
        ],
      ]) {
        await api('post', '/analytics/dependencies')
          .send({ dependencies })
          .expect(400);
      }
      const after = await api(
        'get',
        '/records/by-ref/history?ref=component:default/data-api',
      ).expect(200);
      expect(after.body.items).toHaveLength(before.body.items.length);
    });
  },
);
