import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { startAccessTestBackend } from '../__testUtils__/accessTestBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const server = (name: string, owner?: string) => ({
  kind: 'Server',
  metadata: { name, title: name },
  spec: { hostname: name, ...(owner ? { owner } : {}) },
});

describe.each(databases.eachSupportedId())(
  'per-record access on %p',
  databaseId => {
    let app: any;
    let knex: Knex;
    const as = (user: string) => ({
      get: (path: string) =>
        request(app)
          .get(`/api/maestro${path}`)
          .set(
            'authorization',
            mockCredentials.user.header(`user:default/${user}`),
          ),
      put: (path: string, body: unknown) =>
        request(app)
          .put(`/api/maestro${path}`)
          .set(
            'authorization',
            mockCredentials.user.header(`user:default/${user}`),
          )
          .send(body as object),
      post: (path: string, body: unknown) =>
        request(app)
          .post(`/api/maestro${path}`)
          .set(
            'authorization',
            mockCredentials.user.header(`user:default/${user}`),
          )
          .send(body as object),
      delete: (path: string) =>
        request(app)
          .delete(`/api/maestro${path}`)
          .set(
            'authorization',
            mockCredentials.user.header(`user:default/${user}`),
          ),
    });
    const A = '/entities/servers/default/alpha';
    const B = '/entities/servers/default/bravo';
    const accessOf = (ref: string) =>
      `/records/by-ref/access?ref=${encodeURIComponent(ref)}`;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      ({ server: app } = await startAccessTestBackend({
        knex,
        defaultRead: 'restricted',
        teams: { 'user:default/erin': ['group:default/ops'] },
      }));
      // ada creates alpha (she becomes its owner); bravo belongs to team ops.
      await as('ada').post('/entities/servers', server('alpha')).expect(201);
      await as('ada')
        .post('/entities/servers', server('bravo', 'group:default/ops'))
        .expect(201);
      await as('ada').post('/entities/servers', server('charlie')).expect(201);
    });

    it('makes the creator the owner, who sees and manages the record', async () => {
      const res = await as('ada')
        .get(accessOf('server:default/alpha'))
        .expect(200);
      expect(res.body).toMatchObject({
        owner: 'user:default/ada',
        entries: [],
        allowed: { update: true, delete: true, manageAccess: true },
      });
    });

    it('hides a record from a user without read: lists, counts, page, history, references', async () => {
      const list = await as('bob').get('/entities/servers').expect(200);
      expect(list.body.totalCount).toBe(0);
      expect(list.body.items).toEqual([]);
      const kinds = await as('bob').get('/kinds').expect(200);
      expect(kinds.body.items.find((k: any) => k.kind === 'Server').count).toBe(
        0,
      );
      await as('bob').get(A).expect(404);
      await as('bob').get(`${A}/history`).expect(404);
      await as('bob').get(accessOf('server:default/alpha')).expect(404);
      await as('bob').put(A, server('alpha')).expect(404);
      await as('bob').delete(A).expect(404);
      // ada still sees all three.
      const mine = await as('ada').get('/entities/servers').expect(200);
      expect(mine.body.totalCount).toBe(2);
    });

    it('lets the owner grant read and write; a reader cannot change, a writer cannot delete or share', async () => {
      await as('bob')
        .put(accessOf('server:default/alpha'), { entries: [] })
        .expect(404);
      const granted = await as('ada')
        .put(accessOf('server:default/alpha'), {
          entries: [
            { principal: 'user:default/carol', role: 'read' },
            { principal: 'user:default/dave', role: 'write' },
          ],
        })
        .expect(200);
      expect(granted.body.entries).toEqual([
        { principal: 'user:default/carol', role: 'read' },
        { principal: 'user:default/dave', role: 'write' },
      ]);

      await as('carol').get(A).expect(200);
      const carolList = await as('carol').get('/entities/servers').expect(200);
      expect(
        carolList.body.items.map((i: any) => i.entity.metadata.name),
      ).toEqual(['alpha']);
      await as('carol')
        .put(A, {
          ...server('alpha'),
          spec: { ...server('alpha').spec, hostname: 'x' },
        })
        .expect(403);

      await as('dave')
        .put(A, {
          ...server('alpha'),
          spec: {
            ...server('alpha').spec,
            owner: 'user:default/ada',
            hostname: 'alpha-2',
          },
        })
        .expect(200);
      await as('dave').delete(A).expect(403);
      await as('dave')
        .put(accessOf('server:default/alpha'), { entries: [] })
        .expect(403);
      // Taking the record over by changing its owner is an access change.
      await as('dave')
        .put(A, {
          ...server('alpha'),
          spec: { ...server('alpha').spec, owner: 'user:default/dave' },
        })
        .expect(403);
      const after = await as('ada').get(A).expect(200);
      expect(after.body.entity.spec.hostname).toBe('alpha-2');
      expect(after.body.entity.spec.owner).toBe('user:default/ada');

      // History tells who granted what.
      const history = await as('carol').get(`${A}/history`).expect(200);
      const change = history.body.items.find((r: any) => r.action === 'access');
      expect(change).toMatchObject({ actor: 'user:default/ada' });
      expect(change.diff[0].after).toHaveLength(2);
    });

    it('refuses a bad access list with the field named, and writes nothing', async () => {
      const res = await as('ada')
        .put(accessOf('server:default/alpha'), {
          entries: [
            { principal: 'user:default/carol', role: 'read' },
            { principal: 'component:default/web', role: 'read' },
            { principal: 'user:default/erin', role: 'owner' },
          ],
        })
        .expect(400);
      expect(res.body.fieldErrors).toEqual([
        {
          field: 'entries[1].principal',
          message: 'must be a user or a group, not a component',
        },
        {
          field: 'entries[2].role',
          message: 'must be one of read, write, admin',
        },
      ]);
      const now = await as('ada')
        .get(accessOf('server:default/alpha'))
        .expect(200);
      expect(now.body.entries).toHaveLength(2);
    });

    it('grants team members their team’s role', async () => {
      await as('erin').get(B).expect(200);
      await as('erin').get(A).expect(404);
      const access = await as('erin')
        .get(accessOf('server:default/bravo'))
        .expect(200);
      expect(access.body.allowed).toEqual({
        update: true,
        delete: true,
        manageAccess: true,
      });
      await as('bob').get(B).expect(404);
    });

    it('refuses a batch that would change a record the caller may not write, writing nothing', async () => {
      const res = await as('carol')
        .post('/records/batch', {
          mode: 'upsert',
          entities: [
            server('delta'),
            {
              ...server('alpha'),
              spec: { ...server('alpha').spec, hostname: 'stolen' },
            },
          ],
        })
        .expect(403);
      expect(res.body.error.message).toContain('server:default/alpha');
      await as('carol').get('/entities/servers/default/delta').expect(404);
      expect((await as('ada').get(A)).body.entity.spec.hostname).toBe(
        'alpha-2',
      );
    });

    it('filters report rows and exports per reader', async () => {
      const report = await as('ada')
        .post('/reports', {
          name: 'All servers',
          query: { type: 'general', kind: 'servers', filters: [] },
        })
        .expect(201);
      // The report is ada's; those she shares it with see their own rows.
      await as('ada')
        .put(`/reports/${report.body.id}/access`, {
          entries: [
            { principal: 'user:default/carol', role: 'read' },
            { principal: 'user:default/bob', role: 'read' },
          ],
        })
        .expect(200);
      const rows = (user: string) =>
        as(user).get(`/reports/${report.body.id}/rows`).expect(200);
      expect((await rows('ada')).body.totalCount).toBe(2);
      expect((await rows('carol')).body.totalCount).toBe(1);
      expect((await rows('bob')).body.totalCount).toBe(0);
      const csv = await as('carol')
        .get(`/reports/${report.body.id}/export?format=csv`)
        .expect(200);
      expect(csv.text).toContain('alpha');
      expect(csv.text).not.toContain('charlie');
    });

    it('filters the list in SQL (owner column and a subquery on the access table), with the page limit', async () => {
      const sql: string[] = [];
      const listen = (q: { sql: string }) => sql.push(q.sql);
      knex.on('query', listen);
      await as('carol').get('/entities/servers?limit=10').expect(200);
      knex.removeListener('query', listen);
      const list = sql.find(
        s => /maestro_record_access/.test(s) && /limit/i.test(s),
      );
      expect(list).toBeDefined();
      expect(list).toMatch(/owner/);
      expect(list).toMatch(/in \(select/i);
    });
  },
);
