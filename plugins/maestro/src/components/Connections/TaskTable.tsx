import { useEffect } from 'react';
import {
  Button,
  Chip,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
} from '@material-ui/core';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Connection, connectionsApiRef } from '../../api/connections';

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '—');
const OUTCOME_COLOUR = {
  success: 'primary',
  warning: 'default',
  danger: 'secondary',
} as const;

/**
 * A connection's tasks: switch, last and next run, outcome with the
 * provider's message, counts, live progress while a task runs, and
 * "Sync now".
 */
export function TaskTable(props: { connection: Connection; pollMs?: number }) {
  const api = useApi(connectionsApiRef);
  const alertApi = useApi(alertApiRef);
  const { connection } = props;
  const { value, error, loading, retry } = useAsyncRetry(
    () => api.tasks(connection.id),
    [api, connection.id],
  );
  const running = value?.some(t => t.running);
  // While a task runs its progress is re-read, so it shows live.
  useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(retry, props.pollMs ?? 2000);
    return () => clearTimeout(timer);
  }, [running, value, retry, props.pollMs]);

  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return loading ? <Progress /> : null;
  const act = async (what: string, action: () => Promise<void>) => {
    try {
      await action();
    } catch (e) {
      alertApi.post({
        message: `${what}: ${(e as Error).message}`,
        severity: 'error',
      });
    }
    retry();
  };
  return (
    <Table size="small" aria-label={`Tasks of ${connection.title}`}>
      <TableHead>
        <TableRow>
          <TableCell>Enabled</TableCell>
          <TableCell>Task</TableCell>
          <TableCell>Last run</TableCell>
          <TableCell>Next run</TableCell>
          <TableCell>Outcome</TableCell>
          <TableCell>Seen / created / updated / deactivated</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {value.map(task => (
          <TableRow key={task.task}>
            <TableCell padding="checkbox">
              <Switch
                checked={task.enabled}
                color="primary"
                inputProps={{ 'aria-label': `${task.task} enabled` }}
                onChange={e =>
                  act(task.task, () =>
                    api.setTaskEnabled(
                      connection.id,
                      task.task,
                      e.target.checked,
                    ),
                  )
                }
              />
            </TableCell>
            <TableCell>{task.task}</TableCell>
            <TableCell>{when(task.lastRunAt)}</TableCell>
            <TableCell>{when(task.nextRunAt)}</TableCell>
            <TableCell>
              {task.running && (
                <Chip
                  size="small"
                  label={`running${
                    task.progress?.message ? `: ${task.progress.message}` : ''
                  }`}
                />
              )}
              {!task.running && task.outcome && (
                <Tooltip
                  title={task.permission ? `Needs ${task.permission}` : ''}
                >
                  <Chip
                    size="small"
                    color={OUTCOME_COLOUR[task.outcome]}
                    label={`${task.outcome}${
                      task.message ? `: ${task.message}` : ''
                    }`}
                  />
                </Tooltip>
              )}
            </TableCell>
            <TableCell>
              {task.seen} / {task.created} / {task.updated} / {task.deactivated}
            </TableCell>
            <TableCell>
              <Button
                size="small"
                disabled={task.running || !task.enabled}
                onClick={() =>
                  act(task.task, () => api.syncNow(connection.id, task.task))
                }
              >
                Sync now
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
