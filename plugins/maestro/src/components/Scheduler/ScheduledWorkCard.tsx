import {
  Chip,
  IconButton,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
} from '@material-ui/core';
import PlayIcon from '@material-ui/icons/PlayArrow';
import { InfoCard, Progress } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ScheduledWork, jobsApiRef } from '../../api/jobs';
import { useDiscoverySignals } from '../Connections/useDiscoverySignals';

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '—');

const OUTCOME_COLOR: Record<string, 'primary' | 'secondary' | 'default'> = {
  success: 'primary',
  warning: 'default',
  danger: 'secondary',
};

/**
 * The work Maestro schedules itself: each discovery task of each
 * connection and each scheduled report, with run now and, for tasks,
 * enable/disable. Discovery signals keep it current: a task that starts
 * shows as running, one that finishes shows its outcome.
 */
export function ScheduledWorkCard() {
  const api = useApi(jobsApiRef);
  const alertApi = useApi(alertApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.scheduledWork(),
    [api],
  );
  useDiscoverySignals(signal => {
    const shown = value?.find(
      w => w.id === `discovery:${signal.connectionId}:${signal.task}`,
    );
    if (signal.state === 'finished' || (shown && !shown.running)) retry();
  });
  const act = async (action: () => Promise<void>, done: string) => {
    try {
      await action();
      alertApi.post({
        message: done,
        severity: 'success',
        display: 'transient',
      });
    } catch (e: any) {
      alertApi.post({ message: e.message, severity: 'error' });
    }
    retry();
  };
  return (
    <InfoCard
      title={`Discovery tasks and report refreshes (${value?.length ?? 0})`}
    >
      {loading && !value && <Progress />}
      {error && <div role="alert">{error.message}</div>}
      {value && (
        <Table size="small" aria-label="Scheduled work">
          <TableHead>
            <TableRow>
              <TableCell>Enabled</TableCell>
              <TableCell>Name</TableCell>
              <TableCell>Module</TableCell>
              <TableCell>Period</TableCell>
              <TableCell>Last run</TableCell>
              <TableCell>Next run</TableCell>
              <TableCell>Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {value.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>
                  No connection or scheduled report yet.
                </TableCell>
              </TableRow>
            )}
            {value.map((work: ScheduledWork) => (
              <TableRow key={work.id}>
                <TableCell>
                  {work.enablePath ? (
                    <Switch
                      checked={work.enabled}
                      inputProps={{ 'aria-label': `Enable ${work.name}` }}
                      onChange={e =>
                        act(
                          () => api.setWorkEnabled(work, e.target.checked),
                          `${work.name} ${
                            e.target.checked ? 'enabled' : 'disabled'
                          }`,
                        )
                      }
                    />
                  ) : (
                    'yes'
                  )}
                </TableCell>
                <TableCell>{work.name}</TableCell>
                <TableCell>{work.module}</TableCell>
                <TableCell>{work.period}</TableCell>
                <TableCell>
                  {work.running ? 'running…' : when(work.lastRunAt)}{' '}
                  {work.outcome && (
                    <Tooltip title={work.message ?? ''}>
                      <Chip
                        size="small"
                        label={work.outcome}
                        color={OUTCOME_COLOR[work.outcome]}
                      />
                    </Tooltip>
                  )}
                </TableCell>
                <TableCell>{when(work.nextRunAt)}</TableCell>
                <TableCell>
                  <Tooltip title="Run now">
                    <IconButton
                      aria-label={`Run ${work.name} now`}
                      onClick={() =>
                        act(() => api.runWork(work), `${work.name} started`)
                      }
                    >
                      <PlayIcon />
                    </IconButton>
                  </Tooltip>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
