import {
  Dialog,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@material-ui/core';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { Job, jobsApiRef } from '../../api/jobs';

/** A job's last runs: when, why, how long, and what happened. */
export function RunsDialog(props: { job: Job; onClose(): void }) {
  const api = useApi(jobsApiRef);
  const { value, loading, error } = useAsync(
    () => api.runs(props.job.id),
    [api, props.job.id],
  );
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>Runs of {props.job.name}</DialogTitle>
      <DialogContent>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && (
          <Table size="small" aria-label="Runs">
            <TableHead>
              <TableRow>
                <TableCell>Started</TableCell>
                <TableCell>Trigger</TableCell>
                <TableCell>Outcome</TableCell>
                <TableCell>Duration</TableCell>
                <TableCell>Message</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {value.map(run => (
                <TableRow key={run.id}>
                  <TableCell>
                    {new Date(run.startedAt).toLocaleString()}
                  </TableCell>
                  <TableCell>{run.trigger}</TableCell>
                  <TableCell>{run.outcome ?? 'running'}</TableCell>
                  <TableCell>
                    {run.durationMs === undefined ? '' : `${run.durationMs} ms`}
                  </TableCell>
                  <TableCell>{run.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
    </Dialog>
  );
}
