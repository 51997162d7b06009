import { useState } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  IconButton,
  MenuItem,
  Switch,
  TextField,
} from '@material-ui/core';
import DeleteIcon from '@material-ui/icons/Delete';
import { useApi } from '@backstage/frontend-plugin-api';
import { Job, JobInput, JobInputError, jobsApiRef } from '../../api/jobs';
import { UNITS } from './periodText';

type PeriodType = JobInput['period']['type'];

/** Create or edit a webhook job; the server's field errors show beside their fields. */
export function JobDialog(props: {
  job?: Job;
  jobs: Job[];
  onClose(saved: boolean): void;
}) {
  const api = useApi(jobsApiRef);
  const job = props.job;
  const [name, setName] = useState(job?.name ?? '');
  const [enabled, setEnabled] = useState(job?.enabled ?? true);
  const [periodType, setPeriodType] = useState<PeriodType>(
    job?.period.type ?? 'interval',
  );
  const initialSeconds =
    job?.period.type === 'interval' ? job.period.seconds : 3600;
  const initialUnit = [...UNITS]
    .reverse()
    .find(([, s]) => initialSeconds % s === 0)!;
  const [count, setCount] = useState(String(initialSeconds / initialUnit[1]));
  const [unit, setUnit] = useState<number>(initialUnit[1]);
  const [cron, setCron] = useState(
    job?.period.type === 'cron' ? job.period.cron : '0 3 * * *',
  );
  const [afterJobId, setAfterJobId] = useState(
    job?.period.type === 'chain' ? job.period.afterJobId : '',
  );
  const [countdown, setCountdown] = useState(
    String(job?.period.type === 'chain' ? job.period.countdownSeconds : 0),
  );
  const [method, setMethod] = useState(job?.webhook.method ?? 'POST');
  const [url, setUrl] = useState(job?.webhook.url ?? '');
  const [headers, setHeaders] = useState<Array<[string, string]>>(
    Object.entries(job?.webhook.headers ?? {}),
  );
  const [body, setBody] = useState(job?.webhook.body ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const period = (): JobInput['period'] => {
    if (periodType === 'interval')
      return { type: 'interval', seconds: Number(count) * unit };
    if (periodType === 'cron') return { type: 'cron', cron };
    return { type: 'chain', afterJobId, countdownSeconds: Number(countdown) };
  };

  const input = (): JobInput => ({
    name,
    enabled,
    period: period(),
    webhook: {
      method,
      url,
      headers: Object.fromEntries(headers.filter(([k]) => k.trim())),
      ...(body && method !== 'GET' ? { body } : {}),
    },
  });

  const save = async () => {
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'Required';
    if (!/^https?:\/\//.test(url)) local['webhook.url'] = 'An http(s) URL';
    if (periodType === 'chain' && !afterJobId)
      local['period.afterJobId'] = 'Choose a job';
    setErrors(local);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      if (job) await api.update(job.id, input());
      else await api.create(input());
      props.onClose(true);
    } catch (e) {
      if (e instanceof JobInputError)
        setErrors(
          Object.fromEntries(e.fieldErrors.map(f => [f.field, f.message])),
        );
      else setErrors({ form: (e as Error).message });
    } finally {
      setSaving(false);
    }
  };

  const err = (field: string) => errors[field];
  const periodError = Object.entries(errors).find(([k]) =>
    k.startsWith('period.'),
  )?.[1];
  return (
    <Dialog open onClose={() => props.onClose(false)} fullWidth maxWidth="sm">
      <DialogTitle>{job ? `Edit ${job.name}` : 'New job'}</DialogTitle>
      <DialogContent>
        <TextField
          id="job-name"
          label="Name"
          fullWidth
          margin="dense"
          value={name}
          error={!!err('name')}
          helperText={err('name')}
          onChange={e => setName(e.target.value)}
        />
        <FormControlLabel
          control={
            <Switch
              checked={enabled}
              onChange={e => setEnabled(e.target.checked)}
              color="primary"
            />
          }
          label="Enabled"
        />
        <TextField
          id="job-period"
          select
          label="Runs"
          fullWidth
          margin="dense"
          value={periodType}
          onChange={e => setPeriodType(e.target.value as PeriodType)}
        >
          <MenuItem value="interval">Every…</MenuItem>
          <MenuItem value="cron">On a cron schedule</MenuItem>
          <MenuItem value="chain">After another job succeeds</MenuItem>
        </TextField>
        {periodType === 'interval' && (
          <Box display="flex">
            <TextField
              id="job-every"
              label="Every"
              type="number"
              margin="dense"
              value={count}
              error={!!periodError}
              helperText={periodError}
              onChange={e => setCount(e.target.value)}
            />
            <Box ml={1}>
              <TextField
                id="job-unit"
                select
                label="Unit"
                margin="dense"
                value={unit}
                onChange={e => setUnit(Number(e.target.value))}
              >
                {UNITS.map(([label, size]) => (
                  <MenuItem key={label} value={size}>
                    {label}
                  </MenuItem>
                ))}
              </TextField>
            </Box>
          </Box>
        )}
        {periodType === 'cron' && (
          <TextField
            id="job-cron"
            label="Cron (minute hour day month weekday, UTC)"
            fullWidth
            margin="dense"
            value={cron}
            error={!!periodError}
            helperText={periodError}
            onChange={e => setCron(e.target.value)}
          />
        )}
        {periodType === 'chain' && (
          <Box display="flex">
            <TextField
              id="job-after"
              select
              label="After"
              margin="dense"
              style={{ minWidth: 240 }}
              value={afterJobId}
              error={!!err('period.afterJobId')}
              helperText={err('period.afterJobId')}
              onChange={e => setAfterJobId(e.target.value)}
            >
              {props.jobs
                .filter(j => j.id !== job?.id)
                .map(j => (
                  <MenuItem key={j.id} value={j.id}>
                    {j.name}
                  </MenuItem>
                ))}
            </TextField>
            <Box ml={1}>
              <TextField
                id="job-countdown"
                label="Countdown (s)"
                type="number"
                margin="dense"
                value={countdown}
                onChange={e => setCountdown(e.target.value)}
              />
            </Box>
          </Box>
        )}
        <Box display="flex">
          <TextField
            id="job-method"
            select
            label="Method"
            margin="dense"
            value={method}
            onChange={e =>
              setMethod(e.target.value as JobInput['webhook']['method'])
            }
          >
            {['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map(m => (
              <MenuItem key={m} value={m}>
                {m}
              </MenuItem>
            ))}
          </TextField>
          <Box ml={1} flexGrow={1}>
            <TextField
              id="job-url"
              label="URL"
              fullWidth
              margin="dense"
              value={url}
              error={!!err('webhook.url')}
              helperText={err('webhook.url')}
              onChange={e => setUrl(e.target.value)}
            />
          </Box>
        </Box>
        {headers.map(([key, value], i) => (
          <Box key={i} display="flex" alignItems="center">
            <TextField
              label="Header"
              margin="dense"
              value={key}
              error={!!err(`webhook.headers.${key}`)}
              helperText={err(`webhook.headers.${key}`)}
              onChange={e =>
                setHeaders(
                  headers.map((h, j) => (j === i ? [e.target.value, h[1]] : h)),
                )
              }
            />
            <Box ml={1} flexGrow={1}>
              <TextField
                label="Value"
                fullWidth
                margin="dense"
                value={value}
                onChange={e =>
                  setHeaders(
                    headers.map((h, j) =>
                      j === i ? [h[0], e.target.value] : h,
                    ),
                  )
                }
              />
            </Box>
            <IconButton
              aria-label="Remove header"
              onClick={() => setHeaders(headers.filter((_, j) => j !== i))}
            >
              <DeleteIcon />
            </IconButton>
          </Box>
        ))}
        <Button size="small" onClick={() => setHeaders([...headers, ['', '']])}>
          Add header
        </Button>
        {method !== 'GET' && (
          <TextField
            id="job-body"
            label="Body"
            fullWidth
            multiline
            minRows={3}
            margin="dense"
            value={body}
            onChange={e => setBody(e.target.value)}
          />
        )}
        {err('webhook.headers') && (
          <Box color="error.main">{err('webhook.headers')}</Box>
        )}
        {err('form') && <Box color="error.main">{err('form')}</Box>}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => props.onClose(false)}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={saving}
          onClick={save}
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
