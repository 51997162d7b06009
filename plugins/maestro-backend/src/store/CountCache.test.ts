import { Knex } from 'knex';
import { CountCache } from './CountCache';
import {
  createTestDatabases,
  createTestStore,
  server,
} from '../__testUtils__/testStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ui = { type: 'ui' as const };
const actor = 'user:default/ada';

describe.each(databases.eachSupportedId())('CountCache on %p', databaseId => {
  let ctx: Awaited<ReturnType<typeof createTestStore>>;

  beforeAll(async () => {
    ctx = await createTestStore(databases, databaseId);
    await ctx.writePath.writeMany(
      ['a', 'b', 'c'].map(name => server(name, { environment: 'Production' })),
      { mode: 'create', source: ui, actor },
    );
  });

  /** Runs `fn` and answers how many count(*) queries reached the database. */
  async function countsRun(fn: () => Promise<unknown>) {
    let counts = 0;
    const listen = (q: { sql: string }) => {
      if (/count\(\*\)/i.test(q.sql)) counts += 1;
    };
    ctx.knex.on('query', listen);
    try {
      await fn();
    } finally {
      ctx.knex.removeListener('query', listen);
    }
    return counts;
  }

  const production = (knex: Knex, environment = 'Production') =>
    knex('maestro_records')
      .where({ kind: 'Server', deleted: false, environment })
      .count({ count: '*' });

  it('answers a repeated count without asking the database again', async () => {
    const cache = new CountCache(ctx.knex);
    let first = 0;
    let again = 0;
    expect(
      await countsRun(async () => {
        first = await cache.count(production(ctx.knex));
      }),
    ).toBe(1);
    expect(
      await countsRun(async () => {
        again = await cache.count(production(ctx.knex));
      }),
    ).toBe(0);
    expect([first, again]).toEqual([3, 3]);
    // Other bindings (another filter, another reader's claims): another count.
    expect(await cache.count(production(ctx.knex, 'Staging'))).toBe(0);
  });

  it('counts again once a record is written', async () => {
    const cache = new CountCache(ctx.knex);
    expect(await cache.count(production(ctx.knex))).toBe(3);
    await ctx.writePath.write(server('d', { environment: 'Production' }), {
      mode: 'create',
      source: ui,
      actor,
    });
    expect(await cache.count(production(ctx.knex))).toBe(4);
    await ctx.writePath.write(server('d', { environment: 'Staging' }), {
      mode: 'update',
      source: ui,
      actor,
    });
    expect(await cache.count(production(ctx.knex))).toBe(3);
  });

  it('counts again once access entries change', async () => {
    const cache = new CountCache(ctx.knex);
    const granted = () =>
      ctx
        .knex('maestro_record_access')
        .where({ principal: 'user:default/carol' })
        .count({ count: '*' });
    expect(await cache.count(granted())).toBe(0);
    await ctx.writePath.changeAccess(
      'server:default/a',
      [{ path: 'access', before: [], after: [] }],
      actor,
      (tx, record) =>
        tx('maestro_record_access')
          .insert({
            record_id: record.id,
            principal: 'user:default/carol',
            role: 'read',
            created_at: new Date().toISOString(),
            created_by: actor,
          })
          .then(() => {}),
    );
    expect(await cache.count(granted())).toBe(1);
  });

  it('never keeps a count that reads other tables', async () => {
    const cache = new CountCache(ctx.knex);
    const revisions = () =>
      ctx
        .knex('maestro_records')
        .join(
          'maestro_revisions',
          'maestro_revisions.record_id',
          'maestro_records.id',
        )
        .count({ count: '*' });
    const runs = await countsRun(async () => {
      await cache.count(revisions());
      await cache.count(revisions());
    });
    expect(runs).toBe(2);
  });

  it('forgets answers older than its age limit', async () => {
    const cache = new CountCache(ctx.knex, { maxAgeMs: 0 });
    await cache.count(production(ctx.knex));
    await new Promise(resolve => setTimeout(resolve, 5));
    expect(await countsRun(() => cache.count(production(ctx.knex)))).toBe(1);
  });
});
