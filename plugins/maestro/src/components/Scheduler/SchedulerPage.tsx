import { useState } from 'react';
import {
  Chip,
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
} from '@material-ui/core';
import PlayIcon from '@material-ui/icons/PlayArrow';
import EditIcon from '@material-ui/icons/Edit';
import DeleteIcon from '@material-ui/icons/Delete';
import HistoryIcon from '@material-ui/icons/History';
import { InfoCard } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Job, jobsApiRef } from '../../api/jobs';
import { JobDialog } from './JobDialog';
import { RunsDialog } from './RunsDialog';
import { periodText } from './periodText';
import { NewButton, ToolPage } from '../common/ToolPage';
import { ScheduledWorkCard } from './ScheduledWorkCard';

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '—');

/**
 * Scheduler: the custom jobs (webhooks, chains), run now, their history;
 * and below them the discovery tasks and report refreshes.
 */
export function SchedulerPage() {
  const api = useApi(jobsApiRef);
  const alertApi = useApi(alertApiRef);
  const {
    value: jobs,
    loading,
    error,
    retry,
  } = useAsyncRetry(() => api.list(), [api]);
  const [editing, setEditing] = useState<Job | 'new'>();
  const [history, setHistory] = useState<Job>();

  const runNow = async (job: Job) => {
    const run = await api.run(job.id);
    alertApi.post({
      message: `${job.name}: ${run.outcome} — ${run.message}`,
      severity: run.outcome === 'success' ? 'success' : 'error',
      display: 'transient',
    });
    retry();
  };
  const remove = async (job: Job) => {
    // eslint-disable-next-line no-alert
    if (!window.confirm(`Delete ${job.name} and its run history?`)) return;
    await api.delete(job.id);
    retry();
  };

  return (
    <ToolPage
      title="Scheduler"
      subtitle="Jobs that run on a schedule: webhooks, chains, discovery tasks and report refreshes"
      error={error}
      loading={loading && !jobs}
    >
      {jobs && (
        <InfoCard
          title={`Jobs (${jobs.length})`}
          action={
            <NewButton label="New job" onClick={() => setEditing('new')} />
          }
        >
          <Table size="small" aria-label="Jobs">
            <TableHead>
              <TableRow>
                <TableCell>Enabled</TableCell>
                <TableCell>Name</TableCell>
                <TableCell>Module</TableCell>
                <TableCell>Period</TableCell>
                <TableCell>Total runs</TableCell>
                <TableCell>Last run</TableCell>
                <TableCell>Next run</TableCell>
                <TableCell>Actions</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {jobs.map(job => (
                <TableRow key={job.id}>
                  <TableCell>{job.enabled ? 'yes' : 'no'}</TableCell>
                  <TableCell>{job.name}</TableCell>
                  <TableCell>
                    webhook {job.webhook.method} {new URL(job.webhook.url).host}
                  </TableCell>
                  <TableCell>{periodText(job.period, jobs)}</TableCell>
                  <TableCell>{job.totalRuns}</TableCell>
                  <TableCell>
                    {when(job.lastRunAt)}{' '}
                    {job.lastOutcome && (
                      <Chip
                        size="small"
                        label={job.lastOutcome}
                        color={
                          job.lastOutcome === 'success'
                            ? 'primary'
                            : 'secondary'
                        }
                      />
                    )}
                  </TableCell>
                  <TableCell>{when(job.nextRunAt)}</TableCell>
                  <TableCell>
                    <Tooltip title="Run now">
                      <IconButton
                        aria-label={`Run ${job.name} now`}
                        onClick={() => runNow(job)}
                      >
                        <PlayIcon />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title="Runs">
                      <IconButton
                        aria-label={`Runs of ${job.name}`}
                        onClick={() => setHistory(job)}
                      >
                        <HistoryIcon />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title="Edit">
                      <IconButton
                        aria-label={`Edit ${job.name}`}
                        onClick={() => setEditing(job)}
                      >
                        <EditIcon />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title="Delete">
                      <IconButton
                        aria-label={`Delete ${job.name}`}
                        onClick={() => remove(job)}
                      >
                        <DeleteIcon />
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </InfoCard>
      )}
      <ScheduledWorkCard />
      {editing && (
        <JobDialog
          job={editing === 'new' ? undefined : editing}
          jobs={jobs ?? []}
          onClose={saved => {
            setEditing(undefined);
            if (saved) retry();
          }}
        />
      )}
      {history && (
        <RunsDialog job={history} onClose={() => setHistory(undefined)} />
      )}
    </ToolPage>
  );
}
