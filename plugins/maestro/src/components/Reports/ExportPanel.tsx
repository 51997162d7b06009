import { useState } from 'react';
import {
  Box,
  Button,
  LinearProgress,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  REPORT_EXPORT_FORMATS,
  ReportExportFormat,
  SavedReport,
} from '@maestro/plugin-maestro-common';
import { ExportProgress, reportsApiRef } from '../../api/reports';

const LABELS: Record<ReportExportFormat, string> = {
  json: 'JSON',
  csv: 'CSV',
  xml: 'XML',
  ansible: 'Ansible inventory',
};

function save(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports of the whole result, with progress while the file streams in. */
export function ExportPanel(props: { report: SavedReport }) {
  const api = useApi(reportsApiRef);
  const { report } = props;
  const [groupBy, setGroupBy] = useState<'system' | 'environment'>(
    'environment',
  );
  const [progress, setProgress] = useState<
    ExportProgress & { format: string }
  >();
  const [error, setError] = useState<Error>();
  const hasServers =
    report.query.type === 'general'
      ? report.query.kind === 'servers'
      : report.query.levels.some(l => l.level === 'servers');

  const run = async (format: ReportExportFormat) => {
    setError(undefined);
    setProgress({ format, bytes: 0, rows: 0 });
    try {
      const { fileName, blob } = await api.exportReport(report.id, format, {
        groupBy: format === 'ansible' ? groupBy : undefined,
        onProgress: p => setProgress({ ...p, format }),
      });
      save(fileName, blob);
    } catch (e) {
      setError(e as Error);
    } finally {
      setProgress(undefined);
    }
  };

  const percent =
    progress?.expectedRows && progress.expectedRows > 0
      ? Math.min(100, (100 * progress.rows) / progress.expectedRows)
      : undefined;

  return (
    <Box>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        {REPORT_EXPORT_FORMATS.filter(f => f !== 'ansible' || hasServers).map(
          f => (
            <Button
              key={f}
              variant="outlined"
              disabled={!!progress}
              onClick={() => run(f)}
            >
              Export {LABELS[f]}
            </Button>
          ),
        )}
        {hasServers && (
          <TextField
            select
            size="small"
            variant="outlined"
            label="Inventory groups"
            value={groupBy}
            onChange={e =>
              setGroupBy(e.target.value as 'system' | 'environment')
            }
          >
            <MenuItem value="environment">by environment</MenuItem>
            <MenuItem value="system">by system</MenuItem>
          </TextField>
        )}
      </Box>
      {progress && (
        <Box mt={1} role="progressbar" aria-label="Export progress">
          <LinearProgress
            variant={percent === undefined ? 'indeterminate' : 'determinate'}
            value={percent}
          />
          <Typography variant="caption">
            {LABELS[progress.format as ReportExportFormat]}:{' '}
            {(progress.bytes / 1024).toFixed(0)} KB
            {progress.expectedRows !== undefined &&
              `, about ${progress.rows} of ${progress.expectedRows} rows`}
          </Typography>
        </Box>
      )}
      {error && <Alert severity="error">{error.message}</Alert>}
    </Box>
  );
}
