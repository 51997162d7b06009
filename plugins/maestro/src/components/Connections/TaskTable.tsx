import { useEffect, useState } from 'react';
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
import {
  Connection,
  ConnectionTask,
  connectionsApiRef,
} from '../../api/connections';
import { useDiscoverySignals } from './useDiscoverySignals';

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '—');
const OUTCOME_COLOUR = {
  success: 'primary',
  warning: 'default',
  danger: 'secondary',
} as const;

type LiveProgress = NonNullable<ConnectionTask['progress']> & {
  /** When the signal came, to tell it from a later reading of the tasks. */
  at: number;
};

function runningLabel(progress?: ConnectionTask['progress']) {
  const parts = [
    progress?.message,
    progress?.seen !== undefined ? `${progress.seen} seen` : undefined,
  ].filter(Boolean);
  return parts.length ? `running: ${parts.join(' · ')}` : 'running';
}

/**
 * A connection's tasks: switch, last and next run, outcome with the
 * provider's message, counts, live progress while a task runs, and
 * "Sync now". Progress comes live from the backend's signals, and the
 * tasks are read again when one finishes; without signals (or should one
 * be missed) they are re-read while a task runs.
 */
export function TaskTable(props: {
  connection: Connection;
  pollMs?: number;
  /** Switching tasks and "sync now" change the connection: its writers only. */
  canRun?: boolean;
}) {
  const canRun = props.canRun ?? true;
  const api = useApi(connectionsApiRef);
  const alertApi = useApi(alertApiRef);
  const { connection } = props;
  const { value, error, loading, retry } = useAsyncRetry(async () => {
    const at = Date.now();
    return { at, tasks: await api.tasks(connection.id) };
  }, [api, connection.id]);
  const [live, setLive] = useState<Record<string, LiveProgress>>({});
  const signalled = useDiscoverySignals(signal => {
    if (signal.connectionId !== connection.id) return;
    if (signal.state === 'running') {
      const { message, seen } = signal;
      setLive(l => ({
        ...l,
        [signal.task]: { message, seen, at: Date.now() },
      }));
    } else {
      setLive(({ [signal.task]: _done, ...others }) => others);
      retry();
    }
  });
  // A reading made after a task's last signal that says it is not running
  // wins over that signal (its "finished" may have been missed).
  useEffect(() => {
    if (!value) return;
    setLive(l => {
      const kept = Object.entries(l).filter(
        ([task, p]) =>
          p.at >= value.at ||
          value.tasks.some(t => t.task === task && t.running),
      );
      return kept.length === Object.keys(l).length
        ? l
        : Object.fromEntries(kept);
    });
  }, [value]);
  const tasks = value?.tasks.map(t =>
    live[t.task]
      ? { ...t, running: true, progress: { ...t.progress, ...live[t.task] } }
      : t,
  );
  const running = tasks?.some(t => t.running);
  useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(
      retry,
      props.pollMs ?? (signalled ? 15_000 : 2000),
    );
    return () => clearTimeout(timer);
  }, [running, value, retry, props.pollMs, signalled]);

  if (error) return <ResponseErrorPanel error={error} />;
  if (!tasks) return loading ? <Progress /> : null;
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
        {tasks.map(task => (
          <TableRow key={task.task}>
            <TableCell padding="checkbox">
              <Switch
                checked={task.enabled}
                disabled={!canRun}
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
                <Chip size="small" label={runningLabel(task.progress)} />
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
              {canRun && (
                <Button
                  size="small"
                  disabled={task.running || !task.enabled}
                  onClick={() =>
                    act(task.task, () => api.syncNow(connection.id, task.task))
                  }
                >
                  Sync now
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
