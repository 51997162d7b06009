import { Knex } from 'knex';

const TABLE = 'maestro_catalog_entities';
/** How long another replica's copy of a new kind may go unseen. */
const FRESH_MS = 5_000;

const byDatabase = new WeakMap<Knex, CatalogEntityKinds>();

/**
 * Which kinds the catalog copy holds, known ahead of a report query: a
 * report level reads the copy beside the store only for those kinds, so an
 * inventory without catalog-declared servers pays nothing for them.
 * Refreshed at most every few seconds; a write here refreshes it at once.
 */
export class CatalogEntityKinds {
  private kinds: ReadonlySet<string> = new Set();
  private loadedAt = 0;
  private generation = 0;
  private loading?: Promise<void>;

  /** The one instance per database, shared by every reader of it. */
  static of(knex: Knex): CatalogEntityKinds {
    let kinds = byDatabase.get(knex);
    if (!kinds) {
      kinds = new CatalogEntityKinds(knex);
      byDatabase.set(knex, kinds);
    }
    return kinds;
  }

  private constructor(private readonly knex: Knex) {}

  /** The kinds as last read. */
  current(): ReadonlySet<string> {
    return this.kinds;
  }

  /** Reads the kinds again unless they were read a moment ago. */
  async refresh(): Promise<ReadonlySet<string>> {
    // A read that began before a write may miss it: then read once more.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (this.loadedAt && Date.now() - this.loadedAt < FRESH_MS) break;
      this.loading ??= this.load().finally(() => {
        this.loading = undefined;
      });
      await this.loading;
    }
    return this.kinds;
  }

  /** The copy changed: the next refresh reads it. */
  invalidate() {
    this.generation++;
    this.loadedAt = 0;
  }

  private async load() {
    const generation = this.generation;
    const startedAt = Date.now();
    const rows = await this.knex(TABLE).distinct('kind');
    this.kinds = new Set(rows.map(r => String(r.kind)));
    if (generation === this.generation) this.loadedAt = startedAt;
  }
}
