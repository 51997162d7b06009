import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { ReportRow, SavedReport } from '@maestro/plugin-maestro-common';
import { reportsApiRef } from '../../api/reports';
import { formatValue } from './formatValue';

/** The report's rows, paged and sorted by the backend. */
export function ReportTable(props: { report: SavedReport; columns: string[] }) {
  const api = useApi(reportsApiRef);
  const { report } = props;
  const columns: TableColumn<ReportRow>[] = props.columns.map(c => ({
    title: c,
    field: c,
    render: row => formatValue(row[c]),
  }));
  return (
    <Table<ReportRow>
      title={`${report.name} — rows`}
      columns={columns}
      options={{
        pageSize: 20,
        pageSizeOptions: [20, 50, 100],
        search: false,
        padding: 'dense',
      }}
      data={async query => {
        const page = await api.getRows(report.id, {
          offset: query.page * query.pageSize,
          limit: query.pageSize,
          sort: query.orderBy?.field as string | undefined,
          order: query.orderBy ? query.orderDirection || 'asc' : undefined,
        });
        return {
          data: page.items,
          page: query.page,
          totalCount: page.totalCount,
        };
      }}
    />
  );
}
