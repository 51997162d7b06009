import { Knex } from 'knex';
import { applyAccessCriteria } from '../access/accessConditions';
import {
  createTestDatabases,
  createTestStore,
  server,
} from '../__testUtils__/testStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const READER = ['user:default/carol', 'group:default/sre'];

/** The SQL and bindings of the count a list runs (the query with count(*)). */
async function countQueryOf(knex: Knex, run: () => Promise<unknown>) {
  const queries: { sql: string; bindings: readonly Knex.Value[] }[] = [];
  const listen = (q: { sql: string; bindings: readonly Knex.Value[] }) =>
    queries.push(q);
  knex.on('query', listen);
  try {
    await run();
  } finally {
    knex.removeListener('query', listen);
  }
  const count = queries.find(q => /count\(\*\)/i.test(q.sql));
  if (!count) throw new Error('the list ran no count');
  return count;
}

/** How the database would run a query: PostgreSQL's or SQLite's plan, as text. */
async function planOf(
  knex: Knex,
  query: { sql: string; bindings: readonly Knex.Value[] },
) {
  if (knex.client.config.client === 'pg') {
    return knex.transaction(async tx => {
      // A few hundred rows fit in one page, where any plan costs the same;
      // with sequential scans priced out the planner shows what the indexes
      // can do, as it chooses on 100,000 rows.
      await tx.raw('SET LOCAL enable_seqscan = off');
      await tx.raw('SET LOCAL enable_bitmapscan = off');
      // The event shows PostgreSQL's $n placeholders; knex.raw binds `?`.
      const sql = query.sql.replace(/\$\d+/g, '?');
      const result = await tx.raw(`EXPLAIN ${sql}`, [...query.bindings]);
      return result.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']);
    });
  }
  const rows = await knex.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [
    ...query.bindings,
  ]);
  return rows.map((r: { detail: string }) => r.detail);
}

describe.each(databases.eachSupportedId())(
  'the count of a list under access rules, on %p',
  databaseId => {
    let ctx: Awaited<ReturnType<typeof createTestStore>>;

    beforeAll(async () => {
      ctx = await createTestStore(databases, databaseId);
      await ctx.writePath.writeMany(
        Array.from({ length: 300 }, (_, i) =>
          server(`host-${i}`, {
            environment: ['Production', 'Staging', 'Development'][i % 3],
            family: i % 2 ? 'Application' : 'Database',
            owner: i % 4 ? 'group:default/sre' : 'user:default/dave',
          }),
        ),
        { mode: 'create', source: { type: 'ui' }, actor: 'user:default/ada' },
      );
      if (ctx.knex.client.config.client === 'pg') {
        // What autovacuum does after a load: index-only scans need it.
        await ctx.knex.raw('VACUUM ANALYZE maestro_records');
      }
    });

    const readable =
      (knex: Knex) => (builder: Knex.QueryBuilder, table: string) =>
        applyAccessCriteria(
          knex,
          builder,
          { type: 'hasRole', claims: READER, role: 'read' },
          table,
        );

    it.each([
      [
        'every record of the kind',
        {},
        'maestro_records_kind_live_access_idx',
        225,
      ],
      [
        'filtered by environment',
        { 'spec.environment': 'Production' },
        'maestro_records_kind_environment_access_idx',
        75,
      ],
      [
        'filtered by family',
        { 'spec.family': 'Database' },
        'maestro_records_kind_family_access_idx',
        75,
      ],
    ])(
      'counts %s from one covering index, never the rows',
      async (_label, filter, index, expected) => {
        const { knex, store } = ctx;
        let totalCount = 0;
        const count = await countQueryOf(knex, async () => {
          ({ totalCount } = await store.list(
            'Server',
            { filter, limit: 5 },
            readable(knex),
          ));
        });
        // The rules still decide: the records of sre (3 in 4) in the filter.
        expect(totalCount).toBe(expected);

        const plan = (await planOf(knex, count)).join('\n');
        let fromIndex: string | RegExp = `USING COVERING INDEX ${index}`;
        if (knex.client.config.client === 'pg') {
          // Unfiltered, PostgreSQL may walk any of the covering indexes.
          fromIndex = Object.keys(filter).length
            ? `Index Only Scan using ${index} on maestro_records`
            : /Index Only Scan using maestro_records_\w+_access_idx on maestro_records/;
        }
        expect(plan).toMatch(fromIndex);
        expect(plan).not.toMatch(/Seq Scan on maestro_records/);
      },
    );
  },
);
