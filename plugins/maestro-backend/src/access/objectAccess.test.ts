import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { maestroDiscoveryExtensionPoint } from '@maestro/plugin-maestro-node';
import { Knex } from 'knex';
import request from 'supertest';
import { startAccessTestBackend } from '../__testUtils__/accessTestBackend';
import { TestDiscoverySource } from '../__testUtils__/testDiscoverySource';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const testSource = createBackendModule({
  pluginId: 'maestro',
  moduleId: 'object-access-test-source',
  register(env) {
    env.registerInit({
      deps: { discovery: maestroDiscoveryExtensionPoint },
      async init({ discovery }) {
        discovery.addSource(new TestDiscoverySource());
      },
    });
  },
});

type Caller = ReturnType<ReturnType<typeof callers>>;

function callers(app: () => any) {
  return (user: string) => {
    const auth = mockCredentials.user.header(`user:default/${user}`);
    const call =
      (method: 'get' | 'put' | 'post' | 'delete') =>
      (path: string, body?: unknown) => {
        const req = request(app())
          [method](`/api/maestro${path}`)
          .set('authorization', auth);
        return body === undefined ? req : req.send(body as object);
      };
    return {
      get: call('get'),
      put: call('put'),
      post: call('post'),
      delete: call('delete'),
    };
  };
}

/** What differs between reports, graphs and connections; the rules do not. */
interface ObjectKindUnderTest {
  kind: string;
  /** Collection path; an object is at `${path}/:id`. */
  path: string;
  /** Creates one as `caller` and answers its id. */
  create(caller: Caller, extra?: Record<string, unknown>): Promise<string>;
  /** A change a writer may make (PUT on the object). */
  change(id: string): Record<string, unknown>;
  /** Other things only writers do (run, compute, share, sync...). */
  writes(caller: Caller, id: string): Array<Promise<{ status: number }>>;
}

const report: ObjectKindUnderTest = {
  kind: 'report',
  path: '/reports',
  async create(caller) {
    const res = await caller
      .post('/reports', {
        name: 'Servers',
        query: { type: 'general', kind: 'servers', filters: [] },
      })
      .expect(201);
    return res.body.id;
  },
  change: () => ({
    name: 'Servers (renamed)',
    query: { type: 'general', kind: 'servers', filters: [] },
  }),
  writes: (caller, id) => [caller.post(`/reports/${id}/run`)],
};

const graph: ObjectKindUnderTest = {
  kind: 'graph',
  path: '/analytics/graphs',
  async create(caller) {
    const res = await caller
      .post('/analytics/graphs', {
        name: 'Web',
        source: { type: 'application', ref: 'component:default/web' },
      })
      .expect(201);
    return res.body.id;
  },
  change: () => ({ name: 'Web (renamed)' }),
  writes: (caller, id) => [
    caller.post(`/analytics/graphs/${id}/compute`),
    caller.post(`/analytics/graphs/${id}/shares`, { expiresInHours: 1 }),
  ],
};

const connectionBody = (extra: Record<string, unknown> = {}) => ({
  title: 'Test account',
  type: 'test',
  datacenter: 'datacenter:default/dc1',
  settings: { account: 'acme', token: 'secret' },
  ...extra,
});

const connection: ObjectKindUnderTest = {
  kind: 'connection',
  path: '/connections',
  async create(caller, extra) {
    const res = await caller
      .post('/connections', connectionBody(extra))
      .expect(201);
    return res.body.id;
  },
  change: () => connectionBody({ title: 'Test account (renamed)' }),
  writes: (caller, id) => [
    caller.put(`/connections/${id}/tasks/server-list`, { enabled: true }),
    caller.post(`/connections/${id}/tasks/server-list/sync`),
  ],
};

describe.each(databases.eachSupportedId())(
  'access to reports, graphs and connections on %p',
  databaseId => {
    let app: any;
    let knex: Knex;
    const as = callers(() => app);

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      ({ server: app } = await startAccessTestBackend({
        knex,
        defaultRead: 'restricted',
        teams: {
          'user:default/erin': ['group:default/ops'],
          'user:default/root': ['group:default/maestro-admins'],
        },
        admins: ['group:default/Maestro-Admins'],
        features: [testSource],
        config: {
          maestro: { discovery: { encryptionKey: 'object-access-test-key' } },
        },
      }));
      // What ada's graphs start from.
      await as('ada')
        .post('/entities/applications', {
          metadata: { name: 'web', title: 'Web' },
          spec: {
            type: 'service',
            owner: 'user:default/ada',
            lifecycle: 'production',
          },
        })
        .expect(201);
    });

    const entriesRows = (kind: string, id: string) =>
      knex('maestro_object_access')
        .where({ object_kind: kind, object_id: id })
        .orderBy('principal');

    describe.each([report, graph, connection])('$kind', object => {
      const at = (id: string) => `${object.path}/${id}`;
      const accessOf = (id: string) => `${at(id)}/access`;
      const listed = async (caller: Caller) =>
        (await caller.get(object.path).expect(200)).body.items.map(
          (i: any) => i.id,
        );

      it('belongs to its creator, and is hidden from a user without an entry', async () => {
        const id = await object.create(as('ada'));
        const mine = await as('ada').get(accessOf(id)).expect(200);
        expect(mine.body).toEqual({
          kind: object.kind,
          id,
          owner: 'user:default/ada',
          entries: [],
          allowed: { update: true, delete: true, manageAccess: true },
        });
        expect(await listed(as('ada'))).toContain(id);

        expect(await listed(as('bob'))).not.toContain(id);
        await as('bob').get(at(id)).expect(404);
        await as('bob').get(accessOf(id)).expect(404);
        await as('bob').put(at(id), object.change(id)).expect(404);
        await as('bob').delete(at(id)).expect(404);
        await as('bob').put(accessOf(id), { entries: [] }).expect(404);
      });

      it('lets a reader read it but not change it, and a writer change it but not delete it or change its access', async () => {
        const id = await object.create(as('ada'));
        const granted = await as('ada')
          .put(accessOf(id), {
            entries: [
              { principal: 'user:default/carol', role: 'read' },
              { principal: 'user:default/Dave', role: 'write' },
            ],
          })
          .expect(200);
        expect(granted.body.entries).toEqual([
          { principal: 'user:default/carol', role: 'read' },
          { principal: 'user:default/dave', role: 'write' },
        ]);
        // Who granted each entry is recorded.
        expect(
          (await entriesRows(object.kind, id)).map(r => r.created_by),
        ).toEqual(['user:default/ada', 'user:default/ada']);

        await as('carol').get(at(id)).expect(200);
        expect(await listed(as('carol'))).toContain(id);
        expect(
          (await as('carol').get(accessOf(id)).expect(200)).body.allowed,
        ).toEqual({ update: false, delete: false, manageAccess: false });
        await as('carol').put(at(id), object.change(id)).expect(403);
        for (const write of object.writes(as('carol'), id)) {
          expect((await write).status).toBe(403);
        }

        expect(
          (await as('dave').get(accessOf(id)).expect(200)).body.allowed,
        ).toEqual({ update: true, delete: false, manageAccess: false });
        await as('dave').put(at(id), object.change(id)).expect(200);
        for (const write of object.writes(as('dave'), id)) {
          // Allowed (a sync may still find its task busy: 409).
          expect([403, 404, 500]).not.toContain((await write).status);
        }
        await as('dave').delete(at(id)).expect(403);
        await as('dave')
          .put(accessOf(id), {
            entries: [{ principal: 'user:default/dave', role: 'admin' }],
          })
          .expect(403);
        await as('dave')
          .put(accessOf(id), { owner: 'user:default/dave', entries: [] })
          .expect(403);
        expect((await as('ada').get(accessOf(id))).body).toMatchObject({
          owner: 'user:default/ada',
          entries: [
            { principal: 'user:default/carol', role: 'read' },
            { principal: 'user:default/dave', role: 'write' },
          ],
        });
      });

      it('lets an admin entry change its access and delete it, which deletes its entries', async () => {
        const id = await object.create(as('ada'));
        await as('ada')
          .put(accessOf(id), {
            entries: [{ principal: 'user:default/frank', role: 'admin' }],
          })
          .expect(200);
        const changed = await as('frank')
          .put(accessOf(id), {
            entries: [
              { principal: 'user:default/frank', role: 'admin' },
              { principal: 'user:default/carol', role: 'write' },
            ],
          })
          .expect(200);
        expect(changed.body.entries).toHaveLength(2);
        // Frank's entry was kept as ada granted it; carol's is his.
        expect(
          (await entriesRows(object.kind, id)).map(r => [
            r.principal,
            r.created_by,
          ]),
        ).toEqual([
          ['user:default/carol', 'user:default/frank'],
          ['user:default/frank', 'user:default/ada'],
        ]);
        await as('frank').delete(at(id)).expect(204);
        await as('ada').get(at(id)).expect(404);
        expect(await entriesRows(object.kind, id)).toEqual([]);
      });

      it('lets its owner hand it over', async () => {
        const id = await object.create(as('ada'));
        const handed = await as('ada')
          .put(accessOf(id), { owner: 'user:default/carol', entries: [] })
          .expect(200);
        expect(handed.body).toMatchObject({
          owner: 'user:default/carol',
          allowed: { update: false, delete: false, manageAccess: false },
        });
        await as('ada').get(at(id)).expect(404);
        await as('carol').delete(at(id)).expect(204);
      });

      it('grants a group entry to the members of the group', async () => {
        const id = await object.create(as('ada'));
        await as('erin').get(at(id)).expect(404);
        await as('ada')
          .put(accessOf(id), {
            entries: [{ principal: 'group:default/ops', role: 'write' }],
          })
          .expect(200);
        expect(await listed(as('erin'))).toContain(id);
        await as('erin').put(at(id), object.change(id)).expect(200);
        await as('erin').delete(at(id)).expect(403);
        await as('bob').get(at(id)).expect(404);
      });

      it('lets a portal admin (maestro.access.admins) see, change, share and delete it without an entry', async () => {
        const id = await object.create(as('ada'));
        await as('ada')
          .put(accessOf(id), {
            entries: [{ principal: 'user:default/carol', role: 'read' }],
          })
          .expect(200);
        expect(await listed(as('root'))).toContain(id);
        expect(
          (await as('root').get(accessOf(id)).expect(200)).body.allowed,
        ).toEqual({ update: true, delete: true, manageAccess: true });
        await as('root').put(at(id), object.change(id)).expect(200);
        await as('root').put(accessOf(id), { entries: [] }).expect(200);
        await as('root').delete(at(id)).expect(204);
      });

      it('refuses a bad access list with the fields named, and writes nothing', async () => {
        const id = await object.create(as('ada'));
        await as('ada')
          .put(accessOf(id), {
            entries: [{ principal: 'user:default/carol', role: 'read' }],
          })
          .expect(200);
        const res = await as('ada')
          .put(accessOf(id), {
            owner: 'component:default/web',
            entries: [
              { principal: 'user:default/erin', role: 'read' },
              { principal: 'user:default/bob', role: 'owner' },
            ],
          })
          .expect(400);
        expect(res.body.fieldErrors).toEqual([
          {
            field: 'owner',
            message: 'must be a user or a group, not a component',
          },
          {
            field: 'entries[1].role',
            message: 'must be one of read, write, admin',
          },
        ]);
        expect((await as('ada').get(accessOf(id))).body).toMatchObject({
          owner: 'user:default/ada',
          entries: [{ principal: 'user:default/carol', role: 'read' }],
        });
      });
    });

    it("lists on the Scheduler page only the connections' tasks and scheduled reports the caller may read", async () => {
      const connectionId = await connection.create(as('ada'));
      const reportRes = await as('ada')
        .post('/reports', {
          name: 'Nightly servers',
          scheduled: true,
          query: { type: 'general', kind: 'servers', filters: [] },
        })
        .expect(201);
      const work = async (caller: Caller) =>
        (await caller.get('/scheduler/work').expect(200)).body.items.map(
          (w: any) => w.id,
        );
      const adas = [
        `discovery:${connectionId}:server-list`,
        `report:${reportRes.body.id}`,
      ];
      expect(await work(as('ada'))).toEqual(expect.arrayContaining(adas));
      const bobs = await work(as('bob'));
      for (const id of adas) expect(bobs).not.toContain(id);
      await as('ada')
        .put(`/reports/${reportRes.body.id}/access`, {
          entries: [{ principal: 'user:default/bob', role: 'read' }],
        })
        .expect(200);
      expect(await work(as('bob'))).toContain(`report:${reportRes.body.id}`);
    });

    describe('connections', () => {
      it('belong to their owner, or to their creator when they have none', async () => {
        const owned = await connection.create(as('ada'), {
          owner: 'group:default/ops',
        });
        const access = await as('erin')
          .get(`/connections/${owned}/access`)
          .expect(200);
        expect(access.body).toMatchObject({
          owner: 'group:default/ops',
          allowed: { update: true, delete: true, manageAccess: true },
        });
        // The owner picker gave it away: its creator no longer holds it.
        await as('ada').get(`/connections/${owned}`).expect(404);
      });

      it('need the admin role to change the owner or the access template in an update', async () => {
        const id = await connection.create(as('ada'));
        await as('ada')
          .put(`/connections/${id}/access`, {
            entries: [{ principal: 'user:default/dave', role: 'write' }],
          })
          .expect(200);
        await as('dave')
          .put(
            `/connections/${id}`,
            connectionBody({ owner: 'user:default/dave' }),
          )
          .expect(403);
        await as('dave')
          .put(
            `/connections/${id}`,
            connectionBody({
              accessTemplate: [
                { principal: 'user:default/dave', role: 'admin' },
              ],
            }),
          )
          .expect(403);
        await as('ada')
          .put(
            `/connections/${id}`,
            connectionBody({
              accessTemplate: [
                { principal: 'group:default/ops', role: 'read' },
              ],
            }),
          )
          .expect(200);
        // The same template (as the form sends it back) is no change.
        await as('dave')
          .put(
            `/connections/${id}`,
            connectionBody({
              title: 'Renamed by dave',
              accessTemplate: [
                { principal: 'group:default/ops', role: 'read' },
              ],
            }),
          )
          .expect(200);
        const after = await as('ada').get(`/connections/${id}`).expect(200);
        expect(after.body).toMatchObject({
          title: 'Renamed by dave',
          accessTemplate: [{ principal: 'group:default/ops', role: 'read' }],
        });
        expect(after.body.owner).toBeUndefined();
      });
    });

    it('lets a portal admin change and share a record that has no owner and no entries', async () => {
      // Written by a backend service: no owner.
      await request(app)
        .post('/api/maestro/entities/servers')
        .set('authorization', mockCredentials.service.header())
        .send({
          kind: 'Server',
          metadata: { name: 'orphan', title: 'orphan' },
          spec: { hostname: 'orphan' },
        })
        .expect(201);
      const orphan = '/entities/servers/default/orphan';
      const accessOf = `/records/by-ref/access?ref=${encodeURIComponent(
        'server:default/orphan',
      )}`;
      await as('ada').get(orphan).expect(404);
      const seen = await as('root').get(accessOf).expect(200);
      expect(seen.body).toMatchObject({
        entries: [],
        allowed: { update: true, delete: true, manageAccess: true },
      });
      expect(seen.body.owner).toBeUndefined();
      await as('root')
        .put(orphan, {
          kind: 'Server',
          metadata: { name: 'orphan', title: 'orphan' },
          spec: { hostname: 'orphan-2' },
        })
        .expect(200);
      await as('root')
        .put(accessOf, {
          owner: 'user:default/ada',
          entries: [{ principal: 'user:default/carol', role: 'read' }],
        })
        .expect(200);
      expect(
        (await as('ada').get(orphan).expect(200)).body.entity.spec,
      ).toMatchObject({
        hostname: 'orphan-2',
        owner: 'user:default/ada',
      });
      await as('carol').get(orphan).expect(200);
    });
  },
);
