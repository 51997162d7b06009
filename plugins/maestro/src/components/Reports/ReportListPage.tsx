import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Chip } from '@material-ui/core';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  Content,
  ContentHeader,
  Header,
  Link,
  Page,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { SavedReport } from '@maestro/plugin-maestro-common';
import { reportsApiRef } from '../../api/reports';
import { StatusChip } from './StatusChip';
import { ObjectRowActions } from '../Access';

/** Reports: saved reports with status, name, type, updated at and actions. */
export function ReportListPage() {
  const api = useApi(reportsApiRef);
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string>();
  const [actionError, setActionError] = useState<Error>();
  const reports = useAsyncRetry(() => api.listReports(), [api]);

  const act = async (id: string, action: () => Promise<unknown>) => {
    setBusy(id);
    setActionError(undefined);
    try {
      await action();
      reports.retry();
    } catch (e) {
      setActionError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };

  const columns: TableColumn<SavedReport>[] = [
    {
      title: 'Status',
      field: 'status',
      render: r => <StatusChip status={busy === r.id ? 'running' : r.status} />,
    },
    {
      title: 'Name',
      field: 'name',
      render: r => <Link to={r.id}>{r.name}</Link>,
    },
    {
      title: 'Type',
      field: 'type',
      render: r => <Chip size="small" variant="outlined" label={r.type} />,
    },
    { title: 'Rows', field: 'rowCount', type: 'numeric' },
    {
      title: 'Updated at',
      field: 'updatedAt',
      defaultSort: 'desc',
      render: r => new Date(r.updatedAt).toLocaleString(),
    },
    {
      title: 'Actions',
      sorting: false,
      render: r => (
        <ObjectRowActions
          target={{ kind: 'report', id: r.id }}
          name={r.name}
          busy={busy === r.id}
          update={{
            label: 'Run now',
            verb: 'Run',
            icon: <RefreshIcon fontSize="small" />,
            onClick: () => act(r.id, () => api.runReport(r.id)),
          }}
          onDelete={() => act(r.id, () => api.deleteReport(r.id))}
        />
      ),
    },
  ];

  return (
    <Page themeId="tool">
      <Header
        title="Reports"
        subtitle="Create your own reports, schedule and export them"
      />
      <Content>
        <ContentHeader title="">
          <Button
            variant="contained"
            color="primary"
            onClick={() => navigate('new')}
          >
            New report
          </Button>
        </ContentHeader>
        {reports.error && <ResponseErrorPanel error={reports.error} />}
        {actionError && <ResponseErrorPanel error={actionError} />}
        <Table
          title="Maestro reports"
          isLoading={reports.loading}
          data={reports.value ?? []}
          columns={columns}
          options={{
            paging: true,
            pageSize: 20,
            search: true,
            padding: 'dense',
          }}
        />
      </Content>
    </Page>
  );
}
