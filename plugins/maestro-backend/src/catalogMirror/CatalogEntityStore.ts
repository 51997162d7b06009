import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { CatalogEntityKinds } from './CatalogEntityKinds';
import { CatalogEntityRow, toCatalogEntityRow } from './catalogEntityRow';

export const CATALOG_ENTITIES = 'maestro_catalog_entities';
const RECORDS = 'maestro_records';
/** Rows per statement, under SQLite's bound-variable limit. */
const CHUNK = 200;

/** What a batch of catalog entities did to the copy. */
export interface CatalogEntitiesWritten {
  stored: number;
  unchanged: number;
  /** Entities not copied, and why. */
  skipped: Array<{ entityRef: string; reason: string }>;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK)
    out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * The copy of the catalog's own entities (declared in catalog-info.yaml
 * files, brought by organisation providers) that reports read beside the
 * store. Written only by the catalog's sync; one row per entity ref, and
 * none for a ref that Maestro holds a record of: that record is the truth.
 */
export class CatalogEntityStore {
  constructor(
    private readonly knex: Knex,
    private readonly kinds = CatalogEntityKinds.of(knex),
  ) {}

  /**
   * Every copied entity and the etag it was copied at. Copies that a
   * Maestro record has since taken over are left out, so the sync sends
   * them again and `write` drops them.
   */
  async list(): Promise<Array<{ entityRef: string; etag: string }>> {
    const rows = await this.knex(`${CATALOG_ENTITIES} as c`)
      .select('c.entity_ref', 'c.etag')
      .whereNotExists(
        this.knex(`${RECORDS} as r`)
          .select(this.knex.raw('1'))
          .whereRaw('?? = ??', ['r.entity_ref', 'c.entity_ref'])
          .where('r.deleted', false),
      )
      .orderBy('c.entity_ref');
    return rows.map(r => ({ entityRef: r.entity_ref, etag: r.etag }));
  }

  /** Copies entities that are new or changed (by etag), in one transaction. */
  async write(entities: unknown[]): Promise<CatalogEntitiesWritten> {
    const result: CatalogEntitiesWritten = {
      stored: 0,
      unchanged: 0,
      skipped: [],
    };
    const rows = new Map<string, CatalogEntityRow>();
    entities.forEach((entity, index) => {
      const row = toCatalogEntityRow(entity);
      if ('refused' in row) {
        result.skipped.push({
          entityRef: refOf(entity) ?? `[${index}]`,
          reason: row.refused,
        });
      } else {
        rows.set(row.entity_ref, row);
      }
    });
    if (!rows.size) return result;

    await this.knex.transaction(async tx => {
      for (const batch of chunks([...rows.values()])) {
        const refs = batch.map(r => r.entity_ref);
        const [records, existing] = await Promise.all([
          tx(RECORDS)
            .select('entity_ref')
            .whereIn('entity_ref', refs)
            .where('deleted', false),
          tx(CATALOG_ENTITIES)
            .select('entity_ref', 'etag')
            .whereIn('entity_ref', refs),
        ]);
        const maestro = new Set(records.map(r => r.entity_ref));
        const etags = new Map(existing.map(r => [r.entity_ref, r.etag]));
        const now = new Date().toISOString();
        const inserts = [];
        for (const row of batch) {
          if (maestro.has(row.entity_ref)) {
            result.skipped.push({
              entityRef: row.entity_ref,
              reason: 'Maestro holds a record of it',
            });
          } else if (!etags.has(row.entity_ref)) {
            inserts.push({
              id: uuid(),
              ...row,
              created_at: now,
              updated_at: now,
            });
          } else if (etags.get(row.entity_ref) === row.etag) {
            result.unchanged++;
          } else {
            await tx(CATALOG_ENTITIES)
              .where('entity_ref', row.entity_ref)
              .update({ ...row, updated_at: now });
            result.stored++;
          }
        }
        if (inserts.length) await tx(CATALOG_ENTITIES).insert(inserts);
        result.stored += inserts.length;
        // A Maestro record took the ref over: its copy goes.
        if (maestro.size)
          await tx(CATALOG_ENTITIES)
            .whereIn('entity_ref', [...maestro])
            .delete();
      }
    });
    this.kinds.invalidate();
    return result;
  }

  /** Drops the copies of entities the catalog no longer has. */
  async remove(entityRefs: string[]): Promise<number> {
    let removed = 0;
    for (const batch of chunks(entityRefs)) {
      removed += await this.knex(CATALOG_ENTITIES)
        .whereIn('entity_ref', batch)
        .delete();
    }
    this.kinds.invalidate();
    return removed;
  }
}

function refOf(entity: unknown): string | undefined {
  const e = entity as any;
  if (typeof e?.kind !== 'string' || typeof e?.metadata?.name !== 'string')
    return undefined;
  return `${e.kind}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`.toLowerCase();
}
