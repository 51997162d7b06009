import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Box, Button, Tab, Tabs } from '@material-ui/core';
import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useAsync from 'react-use/esm/useAsync';
import { reportsApiRef } from '../../api/reports';
import { ReportChartsView } from './ReportChartsView';
import { ReportTable } from './ReportTable';
import { ReportInfo } from './ReportInfo';
import { ExportPanel } from './ExportPanel';
import { StatusChip } from './StatusChip';
import { AccessButton, useAllowed } from '../Access';

const TABS = ['Charts', 'Table', 'Info'] as const;

/** A report: charts, table and info tabs, run and exports. */
export function ReportPage() {
  const { id = '' } = useParams();
  const api = useApi(reportsApiRef);
  const [tab, setTab] = useState(0);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<Error>();
  const report = useAsyncRetry(() => api.getReport(id), [api, id]);
  // Running changes the report: only its writers are offered it.
  const rights = useAllowed({ kind: 'report', id });
  // The columns come with the first page of rows.
  const columns = useAsync(
    async () => (await api.getRows(id, { limit: 1 })).columns,
    [api, id],
  );

  const run = async () => {
    setRunning(true);
    setRunError(undefined);
    try {
      await api.runReport(id);
      report.retry();
    } catch (e) {
      setRunError(e as Error);
    } finally {
      setRunning(false);
    }
  };

  if (report.loading && !report.value) return <Progress />;
  if (report.error) return <ResponseErrorPanel error={report.error} />;
  const value = report.value!;

  return (
    <Page themeId="tool">
      <Header title={value.name} subtitle={<Link to="..">Reports</Link>}>
        <StatusChip status={running ? 'running' : value.status} />
      </Header>
      <Content>
        <Box display="flex" alignItems="center" mb={2} style={{ gap: 8 }}>
          {rights.allowed.update && (
            <Button
              variant="contained"
              color="primary"
              disabled={running}
              onClick={run}
            >
              Run now
            </Button>
          )}
          <ExportPanel report={value} />
          <AccessButton
            target={{ kind: 'report', id }}
            title={value.name}
            onSaved={rights.retry}
          />
        </Box>
        {runError && <ResponseErrorPanel error={runError} />}
        <Tabs
          value={tab}
          onChange={(_, t) => setTab(t)}
          indicatorColor="primary"
        >
          {TABS.map(t => (
            <Tab key={t} label={t} />
          ))}
        </Tabs>
        <Box mt={2}>
          {tab === 0 && (
            <ReportChartsView reportId={id} version={value.lastRunAt ?? ''} />
          )}
          {tab === 1 && columns.error && (
            <ResponseErrorPanel error={columns.error} />
          )}
          {tab === 1 && !columns.error && !columns.value && <Progress />}
          {tab === 1 && columns.value && (
            <ReportTable report={value} columns={columns.value} />
          )}
          {tab === 2 && <ReportInfo report={value} />}
        </Box>
      </Content>
    </Page>
  );
}
