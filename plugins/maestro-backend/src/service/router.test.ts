import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testStore';
import { startMaestroTestBackend } from '../__testUtils__/testBackend';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'Maestro REST API on %p',
  databaseId => {
    let server: any;
    const user = mockCredentials.user.header('user:default/ada');

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const backend = await startMaestroTestBackend({ knex });
      server = backend.server;
    });

    const api = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
      request(server)[method](`/api/maestro${path}`).set('Authorization', user);

    it('refuses unauthenticated requests', async () => {
      const res = await request(server).get('/api/maestro/entities/servers');
      expect(res.status).toBe(401);
    });

    it('serves its OpenAPI description without sign-in', async () => {
      const res = await request(server)
        .get('/api/maestro/openapi.json')
        .expect(200);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(Object.keys(res.body.paths)).toContain('/entities/{kind}');
    });

    it('answers 400 naming every bad field, and writes nothing', async () => {
      const res = await api('post', '/entities/servers')
        .send({
          metadata: { name: 'bad' },
          spec: { ipv4Private: 'nope', cpu: 'four' },
        })
        .expect(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.fieldErrors.map((e: any) => e.field).sort()).toEqual([
        'spec.cpu',
        'spec.hostname',
        'spec.ipv4Private',
      ]);
      const list = await api('get', '/entities/servers').expect(200);
      expect(list.body.totalCount).toBe(0);
    });

    it('creates, reads, updates, lists, deletes a server and keeps its history', async () => {
      const created = await api('post', '/entities/servers')
        .send({
          metadata: { title: 'web-01.prod' },
          spec: {
            hostname: 'web-01.prod',
            ipv4Private: '10.1.0.10',
            environment: 'Production',
            cpu: 2,
          },
        })
        .expect(201);
      expect(created.body.entity.metadata.name).toBe('web-01.prod');
      expect(created.body.createdBy).toBe('user:default/ada');

      const path = '/entities/servers/default/web-01.prod';
      const read = await api('get', path).expect(200);
      const entity = read.body.entity;

      await api('put', path)
        .send({ ...entity, spec: { ...entity.spec, cpu: 4 } })
        .expect(200);
      await api('put', path)
        .send({ ...entity, metadata: { ...entity.metadata, name: 'renamed' } })
        .expect(400);

      const list = await api(
        'get',
        '/entities/servers?filter.spec.environment=Production&sort=spec.cpu&order=desc',
      ).expect(200);
      expect(list.body.totalCount).toBe(1);
      expect(list.body.items[0].entity.spec.cpu).toBe(4);
      await api('get', '/entities/servers?filter.spec.cpu)--=1').expect(400);
      await api('get', '/entities/servers?order=sideways').expect(400);

      const history = await api('get', `${path}/history`).expect(200);
      expect(history.body.items.map((r: any) => r.action)).toEqual([
        'update',
        'create',
      ]);
      expect(history.body.items[0].diff).toEqual([
        { path: 'spec.cpu', before: 2, after: 4 },
      ]);
      const byRef = await api(
        'get',
        '/records/by-ref/history?ref=server:default/web-01.prod',
      ).expect(200);
      expect(byRef.body.items).toHaveLength(2);

      await api('delete', path).expect(204);
      await api('get', path).expect(404);
      await api('delete', path).expect(404);
    });

    it('answers 404 for unknown kinds and 409 for a taken name', async () => {
      const unknown = await api('get', '/entities/spaceships');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toMatch(/Unknown kind 'spaceships'/);
      const body = { metadata: { name: 'dc-1' }, spec: { provider: 'AWS' } };
      await api('post', '/entities/datacenters').send(body).expect(201);
      const taken = await api('post', '/entities/datacenters').send(body);
      expect(taken.status).toBe(409);
      expect(taken.body.error.message).toMatch(
        /datacenter:default\/dc-1 already exists/,
      );
    });

    it('writes a batch all or nothing, and upserts by identity', async () => {
      const entities = [
        {
          kind: 'Server',
          metadata: { name: 'i-1' },
          spec: { hostname: 'a', uniqueId: 'i-1' },
        },
        {
          kind: 'Server',
          metadata: { name: 'i-2' },
          spec: { hostname: 'b', uniqueId: 'i-2' },
        },
      ];
      const bad = await api('post', '/records/batch')
        .send({
          mode: 'upsert',
          entities: [...entities, { kind: 'Server', spec: {} }],
        })
        .expect(400);
      expect(bad.body.fieldErrors).toEqual([
        { field: '[2].spec.hostname', message: 'is required' },
      ]);
      expect(
        (
          await api('get', '/entities/servers?filter.spec.uniqueId=i-1').expect(
            200,
          )
        ).body.totalCount,
      ).toBe(0);

      const first = await api('post', '/records/batch')
        .send({ mode: 'upsert', entities })
        .expect(200);
      expect(first.body).toMatchObject({
        created: 2,
        updated: 0,
        unchanged: 0,
      });
      const again = await api('post', '/records/batch')
        .send({
          mode: 'upsert',
          entities: [
            entities[0],
            { kind: 'Server', spec: { hostname: 'b2', uniqueId: 'i-2' } },
          ],
        })
        .expect(200);
      expect(again.body).toMatchObject({
        created: 0,
        updated: 1,
        unchanged: 1,
        refs: ['server:default/i-1', 'server:default/i-2'],
      });
      await api('post', '/records/batch')
        .send({ mode: 'replace', entities })
        .expect(400);
    });

    it('serves the change feed in order, to services only', async () => {
      const feed = (path: string) =>
        request(server)
          .get(`/api/maestro${path}`)
          .set('Authorization', mockCredentials.service.header());
      // It holds every record: a user reads records through access rules.
      await api('get', '/changes?after=0').expect(403);
      const res = await feed('/changes?after=0&limit=1000').expect(200);
      const seqs = res.body.items.map((i: any) => i.seq);
      expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b));
      expect(res.body.cursor).toBe(seqs[seqs.length - 1]);
      await feed('/changes?after=-1').expect(400);
    });
  },
);
