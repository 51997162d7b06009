import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  ReportQuery,
  ReportRow,
  ReportRowsPage,
} from '@maestro/plugin-maestro-common';
import {
  CompiledReport,
  RecordAccessCondition,
  compileReport,
} from './compile';
import { isPostgres } from '../store/listQuery';
import { CountCache } from '../store/CountCache';
import { CatalogEntityKinds } from '../catalogMirror';

export const MAX_REPORT_PAGE = 1000;
/** Rows read per database round trip when streaming a whole result. */
const STREAM_PAGE = 2000;

export interface ReportPageRequest {
  offset?: number;
  limit?: number;
  /** Column id to sort by; rows are ordered by their identity after it. */
  sort?: string;
  order?: 'asc' | 'desc';
}

/** Runs report queries on the Maestro store. */
export class ReportRunner {
  constructor(
    private readonly knex: Knex,
    private readonly access?: RecordAccessCondition,
  ) {}

  /** The same runner, showing only the rows a reader may see. */
  forReader(access: RecordAccessCondition): ReportRunner {
    return new ReportRunner(this.knex, access);
  }

  /**
   * Compiles a query. Levels read the catalog copy for the kinds it held
   * at the last `prepare` (the async methods below prepare themselves).
   */
  compile(query: ReportQuery, now?: Date): CompiledReport {
    return compileReport(this.knex, query, {
      now,
      access: this.access,
      catalogKinds: CatalogEntityKinds.of(this.knex).current(),
    });
  }

  /** Learns which kinds the catalog copy holds, for `compile`. */
  async prepare(): Promise<void> {
    await CatalogEntityKinds.of(this.knex).refresh();
  }

  private async prepared(query: ReportQuery | CompiledReport) {
    if ('base' in query) return query;
    await this.prepare();
    return this.compile(query);
  }

  async count(query: ReportQuery | CompiledReport): Promise<number> {
    const compiled = await this.prepared(query);
    const inner = compiled.base().select(compiled.keys).as('report_rows');
    return CountCache.of(this.knex).count(
      this.knex.count({ count: '*' }).from(inner),
    );
  }

  /** One page of rows, sorted, with the total count. */
  async page(
    query: ReportQuery,
    request: ReportPageRequest = {},
  ): Promise<ReportRowsPage> {
    const compiled = await this.prepared(query);
    const offset = Math.max(0, Math.floor(request.offset ?? 0));
    const limit = Math.min(
      MAX_REPORT_PAGE,
      Math.max(1, Math.floor(request.limit ?? 50)),
    );
    if (request.order && !['asc', 'desc'].includes(request.order))
      throw new InputError(`'order' must be asc or desc`);
    const order = request.order === 'desc' ? 'desc' : 'asc';
    const builder = compiled.select(compiled.base());
    if (request.sort) {
      builder.orderByRaw(`? ${order}`, [
        compiled.columnExpression(request.sort),
      ]);
    }
    for (const key of compiled.keys) builder.orderBy(key, order);
    const [rows, totalCount] = await Promise.all([
      builder.offset(offset).limit(limit),
      this.count(compiled),
    ]);
    return {
      columns: compiled.columns,
      items: rows.map(compiled.toRow),
      totalCount,
      offset,
      limit,
    };
  }

  /**
   * Every row, in constant memory whatever the result size: through a
   * server-side cursor on PostgreSQL (the query runs once), in keyset pages
   * on SQLite. `groupBy` (a column id) orders rows by that column first, so
   * that exports can write one group after the other; the row then carries
   * the group value under `groupKey`.
   */
  async *iterate(
    query: ReportQuery | CompiledReport,
    opts: {
      groupBy?: string;
      /** Level (or kind) whose identity orders rows first, after the group. */
      firstLevel?: string;
      pageSize?: number;
    } = {},
  ): AsyncGenerator<{ row: ReportRow; groupKey?: string }> {
    const compiled = await this.prepared(query);
    const pageSize = opts.pageSize ?? STREAM_PAGE;
    const group = opts.groupBy
      ? this.knex.raw(`COALESCE(?, '')`, [
          compiled.columnExpression(opts.groupBy),
        ])
      : undefined;
    const first = opts.firstLevel && compiled.aliasOf(opts.firstLevel);
    const keys = first
      ? [`${first}.id`, ...compiled.keys.filter(k => k !== `${first}.id`)]
      : compiled.keys;
    const keyExprs: Array<Knex.Raw | string> = [
      ...(group ? [group] : []),
      ...keys,
    ];
    const ordered = (scanByIdentity = false) => {
      const builder = compiled.select(compiled.base({ scanByIdentity }));
      if (group) builder.select({ report_group: group });
      for (const k of keyExprs) {
        if (typeof k === 'string') builder.orderBy(k);
        else builder.orderByRaw('?', [k]);
      }
      return builder;
    };
    const pages = isPostgres(this.knex)
      ? this.cursorPages(ordered(), pageSize)
      : this.keysetPages(ordered, keys, keyExprs, !!group, pageSize);
    for await (const rows of pages) {
      for (const dbRow of rows) {
        yield {
          row: compiled.toRow(dbRow),
          groupKey: group ? String(dbRow.report_group) : undefined,
        };
      }
    }
  }

  /** Pages of a query read through a cursor, in its own transaction. */
  private async *cursorPages(
    builder: Knex.QueryBuilder,
    pageSize: number,
  ): AsyncGenerator<Record<string, unknown>[]> {
    const { sql, bindings } = builder.toSQL();
    const tx = await this.knex.transaction();
    try {
      await tx.raw(`DECLARE report_rows NO SCROLL CURSOR FOR ${sql}`, bindings);
      for (;;) {
        const result = await tx.raw(
          `FETCH ${Math.floor(pageSize)} FROM report_rows`,
        );
        const rows: Record<string, unknown>[] = result.rows;
        if (rows.length) yield rows;
        if (rows.length < pageSize) break;
      }
    } finally {
      // Read only: nothing to keep. Also runs when the reader stops early.
      await tx.rollback().catch(() => undefined);
    }
  }

  /** Pages of a query, each starting after the last row of the one before. */
  private async *keysetPages(
    ordered: (scanByIdentity: boolean) => Knex.QueryBuilder,
    keys: string[],
    keyExprs: Array<Knex.Raw | string>,
    grouped: boolean,
    pageSize: number,
  ): AsyncGenerator<Record<string, unknown>[]> {
    let last: string[] | undefined;
    for (;;) {
      const builder = ordered(!grouped);
      if (last && !grouped) {
        // Redundant with the row comparison below, but lets the database
        // seek the first key instead of scanning from the start.
        builder.where(keys[0], '>=', last[0]);
      }
      if (last) {
        const lhs = keyExprs.map(k => (typeof k === 'string' ? '??' : '?'));
        builder.whereRaw(
          `(${lhs.join(', ')}) > (${last.map(() => '?').join(', ')})`,
          [...keyExprs, ...last],
        );
      }
      const rows: Record<string, unknown>[] = await builder.limit(pageSize);
      if (rows.length) yield rows;
      if (rows.length < pageSize) return;
      const tail = rows[rows.length - 1];
      last = [
        ...(grouped ? [String(tail.report_group)] : []),
        ...keys.map(k => String(tail[`${k.split('.')[0]}__id`])),
      ];
    }
  }
}
