import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import {
  ReportFilter,
  SavedReport,
  isOrGroup,
} from '@maestro/plugin-maestro-common';
import { formatValue } from './formatValue';

function describeFilters(filters: ReportFilter[]): string {
  if (!filters.length) return 'none';
  return filters
    .map(f =>
      isOrGroup(f)
        ? `(${f.anyOf.map(c => describeFilters([c])).join(' OR ')})`
        : `${f.field}${f.subfield ? `.${f.subfield}` : ''} ${
            f.operator
          } ${formatValue(f.value)}`.trim(),
    )
    .join(' AND ');
}

/** Status, type, filters, dates, row count and run time of a report. */
export function ReportInfo(props: { report: SavedReport }) {
  const { report } = props;
  const q = report.query;
  const filters: Record<string, string> =
    q.type === 'general'
      ? {
          [q.family ? `${q.kind} (${q.family})` : q.kind]: describeFilters(
            q.filters,
          ),
        }
      : Object.fromEntries(
          q.levels.map(l => [l.level, describeFilters(l.filters)]),
        );
  return (
    <InfoCard title="Info">
      <StructuredMetadataTable
        metadata={{
          Status: report.status,
          Type: report.type,
          ...(q.type === 'pivot'
            ? { Chain: q.levels.map(l => l.level).join(' → ') }
            : {}),
          Filters: filters,
          Rows: report.rowCount ?? '—',
          'Run time':
            report.durationMs !== undefined ? `${report.durationMs} ms` : '—',
          'Last run': report.lastRunAt
            ? new Date(report.lastRunAt).toLocaleString()
            : 'never',
          'Scheduled refresh': report.scheduled ? 'yes' : 'no',
          Error: report.error ?? '',
          Created: `${new Date(report.createdAt).toLocaleString()} by ${
            report.createdBy
          }`,
          Updated: `${new Date(report.updatedAt).toLocaleString()} by ${
            report.updatedBy
          }`,
        }}
      />
    </InfoCard>
  );
}
