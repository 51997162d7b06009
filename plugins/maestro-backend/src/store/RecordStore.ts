import { Knex } from 'knex';
import { Entity } from '@backstage/catalog-model';
import {
  MaestroAccessEntry,
  MaestroChangesPage,
  RecordQuery,
} from '@maestro/plugin-maestro-common';
import { IdentityKey, StoredRecord, StoredRevision } from './types';
import { numericSortColumns, promotedColumns } from './promotedFields';
import { applyFilters, applySortAndPage } from './listQuery';
import { insertAccessEntries, readAccessEntries } from './accessRows';
import { CountCache } from './CountCache';

/** Narrows a query on records (aliased `table`) to what a reader may see. */
export type RecordFilter = (builder: Knex.QueryBuilder, table: string) => void;

const RECORDS = 'maestro_records';
const REVISIONS = 'maestro_revisions';

type Db = Knex | Knex.Transaction;

function toRecord(row: any): StoredRecord {
  return {
    id: row.id,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    entityRef: row.entity_ref,
    entity: JSON.parse(row.entity),
    fieldSources: JSON.parse(row.field_sources),
    checksum: row.checksum,
    revision: Number(row.revision),
    seq: Number(row.seq),
    active: Boolean(row.active),
    deleted: Boolean(row.deleted),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

function toRow(record: StoredRecord) {
  return {
    id: record.id,
    kind: record.kind,
    namespace: record.namespace,
    name: record.name,
    entity_ref: record.entityRef,
    ...promotedColumns(record.entity),
    ...numericSortColumns(record.entity),
    active: record.active,
    deleted: record.deleted,
    entity: JSON.stringify(record.entity),
    field_sources: JSON.stringify(record.fieldSources),
    checksum: record.checksum,
    revision: record.revision,
    seq: record.seq,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    created_by: record.createdBy,
    updated_by: record.updatedBy,
  };
}

/**
 * Persistence of records and revisions. It knows SQL, not the rules of
 * writing: those live in the write path, which calls it inside one
 * transaction per batch.
 */
export class RecordStore {
  private insertedSinceAnalyze = 0;
  private rowsAtAnalyze = 0;

  constructor(private readonly db: Knex) {}

  get knex(): Knex {
    return this.db;
  }

  transaction<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /**
   * Takes the change counter's row lock for the rest of the transaction, so
   * that concurrent batches plan and commit one after the other.
   */
  async lockChangeOrder(tx: Knex.Transaction): Promise<void> {
    await tx('maestro_counters')
      .where({ name: 'seq' })
      .update({ value: tx.raw('value') });
  }

  /**
   * Reserves `count` change numbers. The UPDATE takes the counter's row lock
   * until commit, so writers commit in the order of their numbers and the
   * catalog feed never skips a change that commits late.
   */
  async reserveSeq(tx: Knex.Transaction, count: number): Promise<number> {
    await tx('maestro_counters')
      .where({ name: 'seq' })
      .increment('value', count);
    const row = await tx('maestro_counters').where({ name: 'seq' }).first();
    return Number(row.value) - count + 1;
  }

  async findByRef(entityRef: string, db: Db = this.db) {
    const row = await db(RECORDS).where({ entity_ref: entityRef }).first();
    return row ? toRecord(row) : undefined;
  }

  async findByRefs(entityRefs: string[], db: Db = this.db) {
    const found = new Map<string, StoredRecord>();
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows = await db(RECORDS).whereIn(
        'entity_ref',
        entityRefs.slice(i, i + 500),
      );
      for (const row of rows) found.set(row.entity_ref, toRecord(row));
    }
    return found;
  }

  /**
   * Live records of a kind whose identity columns equal one of the tuples,
   * matched on all columns at once so that a common value (every server of
   * one datacenter) never loads more than the matches.
   */
  async findLiveByKeys(
    kind: string,
    columns: IdentityKey[],
    tuples: string[][],
    db: Db = this.db,
  ): Promise<StoredRecord[]> {
    const found: StoredRecord[] = [];
    for (let i = 0; i < tuples.length; i += 400) {
      const chunk = tuples.slice(i, i + 400);
      const query = db(RECORDS).where({ kind, deleted: false });
      if (columns.length === 1)
        query.whereIn(
          columns[0],
          chunk.map(t => t[0]),
        );
      else query.whereIn(columns, chunk);
      found.push(...(await query).map(toRecord));
    }
    return found;
  }

  /**
   * PostgreSQL plans identity lookups from table statistics; a bulk load
   * (an import, a first sync) makes them stale until autovacuum catches up,
   * and lookups then scan a whole datacenter. Refresh them after large
   * growth.
   */
  async refreshStatisticsAfter(inserted: number) {
    if (this.db.client.config.client !== 'pg' || inserted === 0) return;
    this.insertedSinceAnalyze += inserted;
    if (this.insertedSinceAnalyze < Math.max(1000, this.rowsAtAnalyze / 5))
      return;
    this.insertedSinceAnalyze = 0;
    await this.db.raw('ANALYZE maestro_records');
    const row = await this.db(RECORDS).count({ count: '*' }).first();
    this.rowsAtAnalyze = Number(row?.count ?? 0);
  }

  async insertMany(records: StoredRecord[], tx: Knex.Transaction) {
    // 25 columns x 40 rows stays under every engine's bound-variable limit.
    for (let i = 0; i < records.length; i += 40) {
      await tx(RECORDS).insert(records.slice(i, i + 40).map(toRow));
    }
  }

  /** The same access entries on each of these (new) records. */
  async insertAccess(
    recordIds: string[],
    entries: MaestroAccessEntry[],
    actor: string,
    tx: Knex.Transaction,
  ) {
    await insertAccessEntries(tx, recordIds, entries, actor);
  }

  async update(record: StoredRecord, tx: Knex.Transaction) {
    await tx(RECORDS).where({ id: record.id }).update(toRow(record));
  }

  async insertRevisions(revisions: StoredRevision[], tx: Knex.Transaction) {
    const rows = revisions.map(r => ({
      id: r.id,
      record_id: r.recordId,
      entity_ref: r.entityRef,
      revision: r.revision,
      action: r.action,
      diff: JSON.stringify(r.diff),
      actor: r.actor,
      source: r.source,
      created_at: r.createdAt,
    }));
    // SQLite limits bound variables per statement; 9 columns x 100 rows is safe.
    for (let i = 0; i < rows.length; i += 100) {
      await tx(REVISIONS).insert(rows.slice(i, i + 100));
    }
  }

  async list(
    kind: string,
    query: RecordQuery,
    readable: RecordFilter = () => {},
  ): Promise<{
    items: StoredRecord[];
    totalCount: number;
    offset: number;
    limit: number;
  }> {
    const base = () => {
      const builder = applyFilters(
        this.db,
        this.db(RECORDS).where({ kind, deleted: false }),
        query,
      );
      readable(builder, RECORDS);
      return builder;
    };
    const totalCount = await CountCache.of(this.db).count(
      base().count({ count: '*' }),
    );
    const page = base().select('*');
    const { offset, limit } = applySortAndPage(this.db, page, query);
    const rows = await page;
    return {
      items: rows.map(toRecord),
      totalCount,
      offset,
      limit,
    };
  }

  async history(entityRef: string): Promise<StoredRevision[]> {
    const rows = await this.db(REVISIONS)
      .where({ entity_ref: entityRef })
      .orderBy('revision', 'desc');
    return rows.map(row => ({
      id: row.id,
      recordId: row.record_id,
      entityRef: row.entity_ref,
      revision: Number(row.revision),
      action: row.action,
      diff: JSON.parse(row.diff),
      actor: row.actor,
      source: row.source,
      createdAt: row.created_at,
    }));
  }

  /** Changes after a sequence number, oldest first, for the catalog feed. */
  async changes(after: number, limit: number): Promise<MaestroChangesPage> {
    const rows = await this.db(RECORDS)
      .select('id', 'seq', 'entity_ref', 'entity', 'deleted', 'owner')
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    // The catalog's copy carries the access entries, for its read rule.
    const access = await readAccessEntries(
      this.db,
      page.map(r => r.id),
    );
    return {
      items: page.map(row => ({
        seq: Number(row.seq),
        entityRef: row.entity_ref,
        entity: row.deleted ? null : (JSON.parse(row.entity) as Entity),
        access: access.get(row.id) ?? [],
        owner: row.owner ?? undefined,
      })),
      cursor: page.length ? Number(page[page.length - 1].seq) : after,
      more: rows.length > limit,
    };
  }

  /** True when the store has never held a record. */
  async isEmpty(): Promise<boolean> {
    return !(await this.db(RECORDS).select('id').first());
  }

  async countByKind(
    readable: RecordFilter = () => {},
  ): Promise<Record<string, number>> {
    const query = this.db(RECORDS)
      .select('kind')
      .count({ count: '*' })
      .where({ deleted: false })
      .groupBy('kind');
    readable(query, RECORDS);
    const rows = await query;
    return Object.fromEntries(rows.map((r: any) => [r.kind, Number(r.count)]));
  }
}
