import { Chip } from '@material-ui/core';
import { ReportStatus } from '@maestro/plugin-maestro-common';

const COLORS: Record<ReportStatus, 'default' | 'primary' | 'secondary'> = {
  created: 'default',
  running: 'secondary',
  finished: 'primary',
  failed: 'secondary',
};

export function StatusChip(props: { status: ReportStatus }) {
  return (
    <Chip
      size="small"
      color={COLORS[props.status]}
      variant={props.status === 'failed' ? 'outlined' : 'default'}
      label={props.status}
    />
  );
}
