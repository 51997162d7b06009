import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  createTestDatabases,
  createTestStore,
  server,
  user,
} from '../__testUtils__/testStore';
import { RecordInputError } from './translate';

const databases = createTestDatabases();
const ui = { type: 'ui' as const };
const aws = { type: 'discovery' as const, name: 'aws-prod' };

describe.each(databases.eachSupportedId())('WritePath on %p', databaseId => {
  let ctx: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    ctx = await createTestStore(databases, databaseId);
  });

  it('creates a record with a first revision, actor and source', async () => {
    const { action, record } = await ctx.writePath.write(
      server('web-1', { ipv4Private: '10.0.0.1', cpu: 2 }),
      { mode: 'create', source: ui, actor: user },
    );
    expect(action).toBe('created');
    expect(record.entityRef).toBe('server:default/web-1');
    expect(record.entity.metadata.title).toBe('web-1');
    expect(record.fieldSources['spec.cpu']).toBe('ui');
    const history = await ctx.store.history('server:default/web-1');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      revision: 1,
      action: 'create',
      actor: user,
      source: 'ui',
    });
    expect(history[0].diff).toContainEqual({ path: 'spec.cpu', after: 2 });
    expect(ctx.publisher.batches).toHaveLength(1);
  });

  it('derives a free name from the title', async () => {
    const input = {
      kind: 'Server',
      metadata: { title: 'Web Server #1' },
      spec: { hostname: 'web' },
    };
    const a = await ctx.writePath.write(input, {
      mode: 'create',
      source: ui,
      actor: user,
    });
    const b = await ctx.writePath.write(input, {
      mode: 'create',
      source: ui,
      actor: user,
    });
    expect(a.record.name).toBe('web-server-1');
    expect(b.record.name).toBe('web-server-1-2');
  });

  it('refuses to create a name that exists', async () => {
    await ctx.writePath.write(server('web-1'), {
      mode: 'create',
      source: ui,
      actor: user,
    });
    await expect(
      ctx.writePath.write(server('web-1'), {
        mode: 'create',
        source: ui,
        actor: user,
      }),
    ).rejects.toThrow(ConflictError);
  });

  it('updates with a diff of only what changed, and keeps actor and source', async () => {
    await ctx.writePath.write(server('web-1', { cpu: 2, memory: 4 }), {
      mode: 'create',
      source: ui,
      actor: user,
    });
    const { action, record } = await ctx.writePath.write(
      server('web-1', { cpu: 4, memory: 4 }),
      {
        mode: 'update',
        source: { type: 'api' },
        actor: 'user:default/bob',
      },
    );
    expect(action).toBe('updated');
    expect(record.revision).toBe(2);
    expect(record.createdBy).toBe(user);
    expect(record.updatedBy).toBe('user:default/bob');
    const [latest] = await ctx.store.history(record.entityRef);
    expect(latest).toMatchObject({
      revision: 2,
      action: 'update',
      actor: 'user:default/bob',
      source: 'api',
    });
    expect(latest.diff).toEqual([{ path: 'spec.cpu', before: 2, after: 4 }]);
  });

  it('writes nothing and announces nothing for an unchanged record', async () => {
    await ctx.writePath.write(server('web-1', { cpu: 2 }), {
      mode: 'create',
      source: ui,
      actor: user,
    });
    const seqBefore = (await ctx.store.changes(0, 10)).cursor;
    const { action } = await ctx.writePath.write(server('web-1', { cpu: 2 }), {
      mode: 'update',
      source: ui,
      actor: user,
    });
    expect(action).toBe('unchanged');
    expect(await ctx.store.history('server:default/web-1')).toHaveLength(1);
    expect((await ctx.store.changes(0, 10)).cursor).toBe(seqBefore);
    expect(ctx.publisher.batches).toHaveLength(1);
  });

  it('refuses invalid input with field errors and writes nothing', async () => {
    const error = await ctx.writePath
      .writeMany(
        [
          server('ok-1'),
          server('bad', { hostname: undefined, ipv4Private: '999.1.1.1' }),
        ],
        {
          mode: 'create',
          source: ui,
          actor: user,
        },
      )
      .catch(e => e);
    expect(error).toBeInstanceOf(RecordInputError);
    expect(error.fieldErrors.map((e: any) => e.field).sort()).toEqual([
      '[1].spec.hostname',
      '[1].spec.ipv4Private',
    ]);
    expect((await ctx.store.list('Server', {})).totalCount).toBe(0);
  });

  it('updates of a missing record fail', async () => {
    await expect(
      ctx.writePath.write(server('ghost'), {
        mode: 'update',
        source: ui,
        actor: user,
      }),
    ).rejects.toThrow(NotFoundError);
  });

  it('deletes, leaving a tombstone in the feed and a revision', async () => {
    await ctx.writePath.write(server('web-1'), {
      mode: 'create',
      source: ui,
      actor: user,
    });
    await ctx.writePath.delete('server:default/web-1', ui, user);
    const feed = await ctx.store.changes(0, 10);
    expect(feed.items).toEqual([
      expect.objectContaining({
        entityRef: 'server:default/web-1',
        entity: null,
      }),
    ]);
    expect((await ctx.store.list('Server', {})).totalCount).toBe(0);
    const [latest] = await ctx.store.history('server:default/web-1');
    expect(latest.action).toBe('delete');
    await expect(
      ctx.writePath.delete('server:default/web-1', ui, user),
    ).rejects.toThrow(NotFoundError);
    // Creating the name again revives the record with its history.
    const { record } = await ctx.writePath.write(server('web-1'), {
      mode: 'create',
      source: ui,
      actor: user,
    });
    expect(record.revision).toBe(3);
  });

  it('reconciles a source record by unique id', async () => {
    await ctx.writePath.write(
      server('i-0abc', { uniqueId: 'i-0abc', cpu: 1 }),
      { mode: 'create', source: aws, actor: 'service:aws' },
    );
    const { action, record } = await ctx.writePath.write(
      {
        kind: 'Server',
        metadata: { title: 'renamed' },
        spec: { hostname: 'web', uniqueId: 'i-0abc', cpu: 2 },
      },
      { mode: 'upsert', source: aws, actor: 'service:aws' },
    );
    expect(action).toBe('updated');
    expect(record.name).toBe('i-0abc');
    expect((await ctx.store.list('Server', {})).totalCount).toBe(1);
  });

  it('reconciles by datacenter + private IP, then by hostname', async () => {
    const dc = { ref: 'datacenter:default/aws' };
    await ctx.writePath.write(
      server('a', { ipv4Private: '10.0.0.5', datacenter: dc }),
      { mode: 'create', source: ui, actor: user },
    );
    await ctx.writePath.write(server('b', { hostname: 'db-1' }), {
      mode: 'create',
      source: ui,
      actor: user,
    });
    const byIp = await ctx.writePath.write(
      {
        kind: 'Server',
        spec: {
          hostname: 'other',
          ipv4Private: '10.0.0.5',
          datacenter: dc,
          cpu: 8,
        },
      },
      { mode: 'upsert', source: aws, actor: 'service:aws' },
    );
    expect(byIp.record.name).toBe('a');
    const byHost = await ctx.writePath.write(
      { kind: 'Server', spec: { hostname: 'db-1', cpu: 16 } },
      { mode: 'upsert', source: { type: 'import' }, actor: user },
    );
    expect(byHost.record.name).toBe('b');
    // Same IP in another datacenter is another server.
    const other = await ctx.writePath.write(
      {
        kind: 'Server',
        spec: {
          hostname: 'x',
          ipv4Private: '10.0.0.5',
          datacenter: { ref: 'datacenter:default/azure' },
        },
      },
      { mode: 'upsert', source: aws, actor: 'service:aws' },
    );
    expect(other.action).toBe('created');
  });

  it('keeps apart records whose own unique ids differ, even on a shared key', async () => {
    const dc = { ref: 'datacenter:default/aws-multi' };
    const first = await ctx.writePath.write(
      server('i-east', {
        uniqueId: 'i-east',
        ipv4Private: '172.31.0.10',
        datacenter: dc,
      }),
      { mode: 'upsert', source: aws, actor: 'service:aws' },
    );
    const second = await ctx.writePath.write(
      {
        kind: 'Server',
        metadata: { name: 'i-west' },
        spec: {
          hostname: 'i-west',
          uniqueId: 'i-west',
          ipv4Private: '172.31.0.10',
          datacenter: dc,
        },
      },
      { mode: 'upsert', source: aws, actor: 'service:aws' },
    );
    expect(first.action).toBe('created');
    expect(second.action).toBe('created');
    // Without a unique id of its own, a record still joins by the key.
    const facts = await ctx.writePath.write(
      {
        kind: 'Server',
        spec: {
          hostname: 'web',
          ipv4Private: '172.31.0.10',
          datacenter: dc,
          kernel: '6.1',
        },
      },
      { mode: 'upsert', source: { type: 'import' }, actor: user },
    );
    expect(facts.action).toBe('updated');
  });

  it('keeps the fields a person set when a crawler writes again', async () => {
    await ctx.writePath.write(
      server('i-1', { uniqueId: 'i-1', cpu: 1, role: 'Standard' }),
      { mode: 'upsert', source: aws, actor: 'service:aws' },
    );
    const current = (await ctx.store.findByRef('server:default/i-1'))!;
    await ctx.writePath.write(
      { ...current.entity, spec: { ...current.entity.spec, role: 'Database' } },
      { mode: 'update', source: ui, actor: user },
    );
    const { record } = await ctx.writePath.write(
      server('i-1', { uniqueId: 'i-1', cpu: 2, role: 'Standard' }),
      {
        mode: 'upsert',
        source: aws,
        actor: 'service:aws',
      },
    );
    expect(record.entity.spec).toMatchObject({ cpu: 2, role: 'Database' });
    expect(record.fieldSources).toMatchObject({
      'spec.cpu': 'discovery:aws-prod',
      'spec.role': 'ui',
    });
  });

  it('deactivates without deleting, once', async () => {
    await ctx.writePath.write(server('i-1', { uniqueId: 'i-1' }), {
      mode: 'upsert',
      source: aws,
      actor: 'service:aws',
    });
    expect(
      await ctx.writePath.deactivate(
        ['server:default/i-1'],
        aws,
        'service:aws',
      ),
    ).toBe(1);
    expect(
      await ctx.writePath.deactivate(
        ['server:default/i-1'],
        aws,
        'service:aws',
      ),
    ).toBe(0);
    const record = (await ctx.store.findByRef('server:default/i-1'))!;
    expect(record.active).toBe(false);
    expect((await ctx.store.history(record.entityRef))[0].action).toBe(
      'deactivate',
    );
  });

  it('lists with filters, search, sort and pages', async () => {
    await ctx.writePath.writeMany(
      Array.from({ length: 12 }, (_, i) =>
        server(`web-${String(i).padStart(2, '0')}`, {
          environment: i % 2 ? 'Production' : 'Staging',
          os: { base: 'Linux', dist: i % 3 ? 'Ubuntu' : 'CentOS' },
          cpu: i,
        }),
      ),
      { mode: 'create', source: ui, actor: user },
    );
    const prod = await ctx.store.list('Server', {
      filter: { 'spec.environment': 'Production' },
      limit: 5,
    });
    expect(prod.totalCount).toBe(6);
    expect(prod.items).toHaveLength(5);
    const centos = await ctx.store.list('Server', {
      filter: { 'spec.os.dist': 'CentOS' },
    });
    expect(centos.items.map(r => r.name)).toEqual([
      'web-00',
      'web-03',
      'web-06',
      'web-09',
    ]);
    const contains = await ctx.store.list('Server', {
      filter: { 'metadata.title': '~EB-1' },
    });
    expect(contains.items.map(r => r.name)).toEqual(['web-10', 'web-11']);
    const sorted = await ctx.store.list('Server', {
      sort: 'metadata.title',
      order: 'desc',
      offset: 2,
      limit: 2,
    });
    expect(sorted.items.map(r => r.name)).toEqual(['web-09', 'web-08']);
    await expect(
      ctx.store.list('Server', { filter: { 'spec.x); drop table x;--': '1' } }),
    ).rejects.toThrow(/Invalid field path/);
  });

  it('writes a record named twice in one batch once, with a revision per change', async () => {
    const results = await ctx.writePath.writeMany(
      [
        server('dup', { cpu: 1 }),
        server('dup', { cpu: 2 }),
        server('dup', { cpu: 2 }),
      ],
      { mode: 'upsert', source: aws, actor: 'service:aws' },
    );
    expect(results.map(r => r.action)).toEqual([
      'created',
      'created',
      'unchanged',
    ]);
    const record = (await ctx.store.findByRef('server:default/dup'))!;
    expect(record.entity.spec).toMatchObject({ cpu: 2 });
    expect(record.revision).toBe(2);
    expect(
      (await ctx.store.history(record.entityRef)).map(r => r.revision),
    ).toEqual([2, 1]);
    expect((await ctx.store.changes(0, 10)).items).toHaveLength(1);
  });

  it('recognises two unnamed inputs with the same unique id in one batch as one record', async () => {
    const input = (cpu: number) => ({
      kind: 'Server',
      spec: { hostname: 'web', uniqueId: 'i-9', cpu },
    });
    const results = await ctx.writePath.writeMany([input(1), input(2)], {
      mode: 'upsert',
      source: aws,
      actor: 'service:aws',
    });
    expect(results[0].record.entityRef).toBe(results[1].record.entityRef);
    expect((await ctx.store.list('Server', {})).totalCount).toBe(1);
    expect(
      (await ctx.store.findByRef(results[1].record.entityRef))!.entity.spec,
    ).toMatchObject({ cpu: 2 });
  });

  it('refreshes PostgreSQL statistics after a bulk load', async () => {
    const servers = Array.from({ length: 1000 }, (_, i) =>
      server(`bulk-${i}`, { ipv4Private: `10.9.${i >> 8}.${i & 255}` }),
    );
    await ctx.writePath.writeMany(servers, {
      mode: 'upsert',
      source: aws,
      actor: 'service:aws',
    });
    if (!databaseId.startsWith('POSTGRES')) return;
    const result = await ctx.knex.raw(
      `SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'maestro_records'`,
    );
    expect(result.rows[0].last_analyze).not.toBeNull();
  });

  it('orders every change in the feed and pages through it', async () => {
    await ctx.writePath.writeMany([server('a'), server('b'), server('c')], {
      mode: 'create',
      source: ui,
      actor: user,
    });
    const first = await ctx.store.changes(0, 2);
    expect(first.items.map(i => i.entityRef)).toEqual([
      'server:default/a',
      'server:default/b',
    ]);
    expect(first.more).toBe(true);
    const second = await ctx.store.changes(first.cursor, 2);
    expect(second.items.map(i => i.entityRef)).toEqual(['server:default/c']);
    expect(second.more).toBe(false);
  });

  it('gives the records a write creates its initial access entries, and leaves updated ones alone', async () => {
    const template = [
      { principal: 'group:default/ops', role: 'write' as const },
      { principal: 'user:default/carol', role: 'read' as const },
    ];
    const first = await ctx.writePath.writeMany(
      [server('templ-1', { uniqueId: 'i-templ-1' })],
      {
        mode: 'upsert',
        source: aws,
        actor: 'service:discovery',
        initialAccess: template,
      },
    );
    const entries = (id: string) =>
      ctx.store
        .knex('maestro_record_access')
        .where({ record_id: id })
        .orderBy('principal')
        .select('principal', 'role');
    expect(await entries(first[0].record.id)).toEqual(template);
    // An existing record keeps what its admins decided.
    await ctx.store
      .knex('maestro_record_access')
      .where({ record_id: first[0].record.id })
      .delete();
    const again = await ctx.writePath.writeMany(
      [server('templ-1', { uniqueId: 'i-templ-1', hostname: 'changed' })],
      {
        mode: 'upsert',
        source: aws,
        actor: 'service:discovery',
        initialAccess: template,
      },
    );
    expect(again[0].action).toBe('updated');
    expect(await entries(first[0].record.id)).toEqual([]);
  });
});
