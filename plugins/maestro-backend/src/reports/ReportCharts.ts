import { Knex } from 'knex';
import {
  PIVOT_LEVEL_KINDS,
  ReportChart,
  ReportChartDefinition,
  ReportQuery,
  findMaestroKind,
  reportChartsOf,
} from '@maestro/plugin-maestro-common';
import { isPostgres, parseFieldPath } from '../store/listQuery';
import { CompiledReport } from './compile';
import { textExpression } from './conditions';

/** Values beyond the most frequent ones are left out of a chart. */
const MAX_BUCKETS = 25;

/**
 * Counts each level's records by the values of the seed's chart fields.
 * Each record counts once per value, however many pivot rows it is in.
 */
export class ReportCharts {
  constructor(private readonly knex: Knex) {}

  private chartSource(
    compiled: CompiledReport,
    alias: string,
    chart: ReportChartDefinition,
  ): Knex.QueryBuilder {
    const knex = this.knex;
    const builder = compiled.base();
    if (!chart.elements) {
      return builder.select({
        value: textExpression(knex, alias, chart.path),
        id: `${alias}.id`,
      });
    }
    const segments = parseFieldPath(chart.path);
    const sub = chart.elements.subfield;
    if (isPostgres(knex)) {
      const p = `{${segments.join(',')}}`;
      builder.joinRaw(
        `CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(??::jsonb #> ?::text[]) = 'array' THEN ??::jsonb #> ?::text[] ELSE '[]'::jsonb END) AS chart_el(value)`,
        [`${alias}.entity`, p, `${alias}.entity`, p],
      );
      return builder.select({
        value: sub
          ? knex.raw('chart_el.value #>> ?::text[]', [`{${sub}}`])
          : knex.raw(`chart_el.value #>> '{}'`),
        id: `${alias}.id`,
      });
    }
    const p = `$.${segments.join('.')}`;
    builder.joinRaw(
      `JOIN json_each(??, ?) AS chart_el ON json_type(??, ?) = 'array'`,
      [`${alias}.entity`, p, `${alias}.entity`, p],
    );
    return builder.select({
      value: sub
        ? knex.raw('CAST(json_extract(chart_el.value, ?) AS TEXT)', [
            `$.${sub}`,
          ])
        : knex.raw('CAST(chart_el.value AS TEXT)'),
      id: `${alias}.id`,
    });
  }

  async charts(
    query: ReportQuery,
    compiled: CompiledReport,
  ): Promise<ReportChart[]> {
    const levels =
      query.type === 'general'
        ? [{ kind: findMaestroKind(query.kind)!.plural, prefix: '' }]
        : query.levels.map(l => ({
            kind: PIVOT_LEVEL_KINDS[l.level],
            prefix: `${l.level}.`,
          }));
    const charts: ReportChart[] = [];
    for (const level of levels) {
      const alias = compiled.aliasOf(
        query.type === 'general' ? level.kind : level.prefix.slice(0, -1),
      )!;
      for (const chart of reportChartsOf(level.kind)) {
        const source = this.chartSource(compiled, alias, chart).as(
          'chart_rows',
        );
        const rows = await this.knex
          .select('value')
          .countDistinct({ count: 'id' })
          .from(source)
          .whereNotNull('value')
          .groupBy('value')
          .orderBy([
            { column: 'count', order: 'desc' },
            { column: 'value', order: 'asc' },
          ])
          .limit(MAX_BUCKETS);
        charts.push({
          id: `${level.prefix}${chart.id}`,
          title:
            query.type === 'general'
              ? chart.title
              : `${level.prefix.slice(0, -1)}: ${chart.title}`,
          buckets: rows.map((r: any) => ({
            value: String(r.value),
            count: Number(r.count),
          })),
        });
      }
    }
    return charts;
  }
}
