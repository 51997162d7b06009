import { Knex } from 'knex';

const DEFAULT_MAX_ENTRIES = 1000;
const DEFAULT_MAX_AGE_MS = 60_000;

/** Tables whose every change moves the store's change counter. */
const COUNTED_TABLES = ['maestro_records', 'maestro_record_access'];

/**
 * Remembers the answers of count queries on the store until the store
 * changes. A list or report page counts every row a reader may see (tens
 * of milliseconds at 100,000 records under access rules), while paging,
 * sorting and reloading ask the same count again and again.
 *
 * Every write to records and their access entries takes a new number from
 * the store's change counter (`maestro_counters.seq`, shared by replicas),
 * so an answer is kept under the counter value read before the count ran
 * and is never served once anything has changed. The query text and its
 * bindings, which hold the reader's access claims, are part of the key.
 * Only queries that read nothing but the counted tables are kept; others
 * run every time. An edit made straight in the database moves no counter,
 * hence the age limit.
 */
export class CountCache {
  private static readonly byDatabase = new WeakMap<Knex, CountCache>();

  /** The cache of a database: lists and reports share it. */
  static of(knex: Knex): CountCache {
    let cache = CountCache.byDatabase.get(knex);
    if (!cache) {
      cache = new CountCache(knex);
      CountCache.byDatabase.set(knex, cache);
    }
    return cache;
  }

  private readonly answers = new Map<string, { count: number; at: number }>();

  constructor(
    private readonly knex: Knex,
    private readonly options: { maxEntries?: number; maxAgeMs?: number } = {},
  ) {}

  /** The query's `count` column, run or remembered. */
  async count(query: Knex.QueryBuilder): Promise<number> {
    const { sql, bindings } = query.toSQL();
    if (!this.cacheable(sql)) return this.run(query);
    const [counter] = await this.knex('maestro_counters')
      .where({ name: 'seq' })
      .select('value');
    const key = JSON.stringify([String(counter?.value), sql, bindings]);
    const now = Date.now();
    const known = this.answers.get(key);
    const maxAgeMs = this.options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    if (known && now - known.at <= maxAgeMs) {
      // Most recently used last: the first entry is the one to drop.
      this.answers.delete(key);
      this.answers.set(key, known);
      return known.count;
    }
    const count = await this.run(query);
    this.answers.delete(key);
    this.answers.set(key, { count, at: now });
    const maxEntries = this.options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    while (this.answers.size > maxEntries) {
      this.answers.delete(this.answers.keys().next().value!);
    }
    return count;
  }

  private async run(query: Knex.QueryBuilder): Promise<number> {
    const row = await query.first();
    return Number(row?.count ?? 0);
  }

  /** Whether every table the SQL names is one the counter covers. */
  private cacheable(sql: string): boolean {
    // Subqueries open with "from (" and name their tables inside.
    const tables = [...sql.matchAll(/\b(?:from|join)\s+["`]?(\w+)/gi)].map(
      m => m[1],
    );
    return tables.length > 0 && tables.every(t => COUNTED_TABLES.includes(t));
  }
}
