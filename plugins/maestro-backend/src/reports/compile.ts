import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  PIVOT_CHAIN,
  PIVOT_LEVEL_KINDS,
  PivotLevelName,
  ReportFilter,
  ReportQuery,
  ReportRow,
  defaultColumnsOf,
  findFamily,
  findMaestroKind,
  findReportField,
  ReportField,
  validateReportQuery,
} from '@maestro/plugin-maestro-common';
import { isPostgres } from '../store/listQuery';
import { applyReportFilters, textExpression } from './conditions';
import { readsCatalogCopy, recordSource } from './recordSource';

/**
 * Adds the reader's access condition on the records aliased `table`. None
 * yet (any signed-in user reads every record); the per-record access rules
 * plug in here as one more WHERE clause per level.
 */
export type RecordAccessCondition = (
  builder: Knex.QueryBuilder,
  table: string,
) => void;

/** One table of records in a report query: the only one, or a pivot level. */
interface Level {
  alias: string;
  /** Column id prefix: '' for general reports, `servers.` in pivots. */
  prefix: string;
  /** Kind plural whose schema the fields come from. */
  fieldsKind: string;
  kinds: string[];
  family?: string;
  filters: ReportFilter[];
  columns: string[];
}

/** A report query compiled for one database: the query and its row shape. */
export interface CompiledReport {
  /** Ids of the columns of each row, in order. */
  columns: string[];
  /** FROM, JOINs and WHERE, no SELECT: callers add what they read. */
  base(opts?: { scanByIdentity?: boolean }): Knex.QueryBuilder;
  /** The columns that identify a row, for stable order and keyset paging. */
  keys: string[];
  /** Selects what `toRow` reads. */
  select(builder: Knex.QueryBuilder): Knex.QueryBuilder;
  toRow(dbRow: Record<string, unknown>): ReportRow;
  /** SQL value of a column id, for sorting; 400 for an unknown column. */
  columnExpression(column: string): Knex.Raw;
  /** Alias of the level holding a kind plural (`servers`), if any. */
  aliasOf(levelOrKind: string): string | undefined;
  /** The schema field behind a column id (none for `entityRef`). */
  fieldOf(column: string): ReportField | undefined;
}

const PIVOT_ALIASES: Record<PivotLevelName, string> = {
  clients: 'c',
  systems: 's',
  applications: 'a',
  servers: 'v',
};

const PIVOT_KINDS: Record<PivotLevelName, string[]> = {
  clients: ['Client'],
  systems: ['System'],
  // Maestro 0.6's applications are every family (databases, caches...).
  applications: ['Component', 'Resource'],
  servers: ['Server'],
};

/** Which level holds the references to which: holder.array -> target. */
const PIVOT_LINKS: Array<{
  holder: PivotLevelName;
  array: string[];
  target: PivotLevelName;
}> = [
  { holder: 'applications', array: ['spec', 'systems'], target: 'systems' },
  { holder: 'systems', array: ['spec', 'clients'], target: 'clients' },
  { holder: 'applications', array: ['spec', 'servers'], target: 'servers' },
];

function getPath(value: unknown, segments: string[]): unknown {
  let current = value;
  for (const s of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[s];
  }
  return current;
}

/** Checks a query (400 naming the field) and compiles it. */
export function compileReport(
  knex: Knex,
  query: ReportQuery,
  opts: {
    now?: Date;
    access?: RecordAccessCondition;
    /** Kinds of which the catalog copy holds entities (none by default). */
    catalogKinds?: ReadonlySet<string>;
  } = {},
): CompiledReport {
  const errors = validateReportQuery(query);
  if (errors.length) {
    throw new InputError(
      errors.map(e => `${e.field}: ${e.message}`).join('; '),
    );
  }
  const now = opts.now ?? new Date();
  const levels: Level[] =
    query.type === 'general'
      ? [
          {
            alias: 'r',
            prefix: '',
            fieldsKind: findMaestroKind(query.kind)!.plural,
            kinds: [findMaestroKind(query.kind)!.kind],
            family: query.family && findFamily(query.family)?.family,
            filters: query.filters ?? [],
            columns: query.columns?.length
              ? query.columns
              : defaultColumnsOf(query.kind),
          },
        ]
      : [...query.levels]
          .sort(
            (x, y) =>
              PIVOT_CHAIN.indexOf(x.level) - PIVOT_CHAIN.indexOf(y.level),
          )
          .map(l => ({
            alias: PIVOT_ALIASES[l.level],
            prefix: `${l.level}.`,
            fieldsKind: PIVOT_LEVEL_KINDS[l.level],
            kinds: PIVOT_KINDS[l.level],
            filters: l.filters ?? [],
            columns: l.columns?.length
              ? l.columns
              : defaultColumnsOf(PIVOT_LEVEL_KINDS[l.level]),
          }));
  const byAlias = new Map(levels.map(l => [l.alias, l]));
  const pivotNames =
    query.type === 'pivot'
      ? new Set(query.levels.map(l => l.level))
      : new Set<PivotLevelName>();

  const catalogKinds = opts.catalogKinds ?? new Set<string>();
  /** The records of a level: the store's, and the catalog's of its kinds. */
  const sourceOf = (level: Level) =>
    recordSource(knex, level.kinds, catalogKinds);

  const base = (baseOpts: { scanByIdentity?: boolean } = {}) => {
    // The table that holds the references drives the joins, so every join
    // is an index lookup on entity_ref.
    const driver =
      query.type === 'general'
        ? levels[0]
        : byAlias.get(
            PIVOT_ALIASES[
              (['applications', 'systems'] as const).find(n =>
                pivotNames.has(n),
              ) ?? query.levels[0].level
            ],
          )!;
    const driverSource = sourceOf(driver);
    const builder = knex.from(
      typeof driverSource === 'string'
        ? { [driver.alias]: driverSource }
        : driverSource.as(driver.alias),
    );
    for (const link of PIVOT_LINKS) {
      if (!pivotNames.has(link.holder) || !pivotNames.has(link.target))
        continue;
      const holder = PIVOT_ALIASES[link.holder];
      const target = PIVOT_ALIASES[link.target];
      const refs = `${holder}_${target}_ref`;
      const targetSource = sourceOf(byAlias.get(target)!);
      if (isPostgres(knex)) {
        const p = `{${link.array.join(',')}}`;
        builder.joinRaw(
          `CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(??::jsonb #> ?::text[]) = 'array' THEN ??::jsonb #> ?::text[] ELSE '[]'::jsonb END) AS ??(value)`,
          [`${holder}.entity`, p, `${holder}.entity`, p, refs],
        );
        builder.join(
          typeof targetSource === 'string'
            ? { [target]: targetSource }
            : targetSource.as(target),
          `${target}.entity_ref`,
          `${refs}.value`,
        );
      } else {
        // CROSS JOIN keeps SQLite's planner to this order; left to itself
        // it scans applications once per system.
        const p = `$.${link.array.join('.')}`;
        builder.joinRaw(
          `CROSS JOIN json_each(??, ?) AS ?? ON json_type(??, ?) = 'array' CROSS JOIN ${
            typeof targetSource === 'string' ? '??' : '?'
          } AS ?? ON ?? = ??`,
          [
            `${holder}.entity`,
            p,
            refs,
            `${holder}.entity`,
            p,
            // A subquery binds as itself, in parentheses.
            targetSource as unknown as Knex.Value,
            target,
            `${target}.entity_ref`,
            `${refs}.value`,
          ],
        );
      }
    }
    for (const level of levels) {
      // Unary + keeps SQLite off the kind indexes. For the driver of keyset
      // pages: they walk the primary key from the last id instead of
      // sorting every record of the kind for each page. For a joined level
      // that reads the catalog copy too (SQLite joins each table apart):
      // rows stay looked up by entity_ref, not scanned by kind per row.
      const offKindIndex =
        level === driver
          ? baseOpts.scanByIdentity
          : readsCatalogCopy(level.kinds, catalogKinds);
      if (offKindIndex && !isPostgres(knex)) {
        builder.whereRaw(`+?? IN (${level.kinds.map(() => '?').join(', ')})`, [
          `${level.alias}.kind`,
          ...level.kinds,
        ]);
      } else {
        builder.whereIn(`${level.alias}.kind`, level.kinds);
      }
      builder.where(`${level.alias}.deleted`, false);
      if (level.family) builder.where(`${level.alias}.family`, level.family);
      applyReportFilters(
        knex,
        builder,
        level.fieldsKind,
        level.alias,
        level.filters,
        now,
      );
      opts.access?.(builder, level.alias);
    }
    return builder;
  };

  const columns = levels.flatMap(l => [
    `${l.prefix}entityRef`,
    ...l.columns.map(c => `${l.prefix}${c}`),
  ]);
  // The driving table's id first: keyset pages then start where the last
  // one stopped instead of re-reading the whole join.
  const driverAlias =
    query.type === 'general'
      ? 'r'
      : PIVOT_ALIASES[
          (['applications', 'systems'] as const).find(n => pivotNames.has(n)) ??
            query.levels[0].level
        ];
  const keys = [
    `${driverAlias}.id`,
    ...levels.map(l => `${l.alias}.id`).filter(k => k !== `${driverAlias}.id`),
  ];

  const select = (builder: Knex.QueryBuilder) => {
    for (const l of levels) {
      builder.select({
        [`${l.alias}__id`]: `${l.alias}.id`,
        [`${l.alias}__ref`]: `${l.alias}.entity_ref`,
        [`${l.alias}__entity`]: `${l.alias}.entity`,
        [`${l.alias}__active`]: `${l.alias}.active`,
        [`${l.alias}__created`]: `${l.alias}.created_at`,
        [`${l.alias}__updated`]: `${l.alias}.updated_at`,
      });
    }
    return builder;
  };

  const toRow = (dbRow: Record<string, unknown>): ReportRow => {
    const row: ReportRow = {};
    for (const l of levels) {
      const entity = JSON.parse(String(dbRow[`${l.alias}__entity`]));
      row[`${l.prefix}entityRef`] = dbRow[`${l.alias}__ref`];
      for (const c of l.columns) {
        let value: unknown;
        if (c === 'createdAt') value = dbRow[`${l.alias}__created`];
        else if (c === 'updatedAt') value = dbRow[`${l.alias}__updated`];
        else if (c === 'spec.active')
          value = Boolean(dbRow[`${l.alias}__active`]);
        else value = getPath(entity, c.split('.'));
        row[`${l.prefix}${c}`] = value ?? null;
      }
    }
    return row;
  };

  const levelOf = (column: string) => {
    const level =
      query.type === 'general'
        ? levels[0]
        : levels.find(l => column.startsWith(l.prefix));
    return { level, path: level ? column.slice(level.prefix.length) : '' };
  };

  const fieldOf = (column: string) => {
    const { level, path } = levelOf(column);
    return level ? findReportField(level.fieldsKind, path) : undefined;
  };

  const columnExpression = (column: string) => {
    const { level, path } = levelOf(column);
    if (path === 'entityRef')
      return knex.raw('??', [`${level!.alias}.entity_ref`]);
    if (!level || !findReportField(level.fieldsKind, path)) {
      throw new InputError(`'${column}' is not a column of this report`);
    }
    return textExpression(knex, level.alias, path);
  };

  const aliasOf = (name: string) => {
    if (query.type === 'general') {
      return findMaestroKind(name)?.plural === levels[0].fieldsKind
        ? 'r'
        : undefined;
    }
    return pivotNames.has(name as PivotLevelName)
      ? PIVOT_ALIASES[name as PivotLevelName]
      : undefined;
  };

  return {
    columns,
    base,
    keys,
    select,
    toRow,
    columnExpression,
    aliasOf,
    fieldOf,
  };
}
