import { MenuItem, TextField } from '@material-ui/core';
import { reportFieldsOf } from '@maestro/plugin-maestro-common';

/** The columns a report shows and exports (none: the kind's defaults). */
export function ColumnsPicker(props: {
  kind: string;
  columns: string[];
  onChange: (columns: string[]) => void;
  label: string;
}) {
  const { kind, columns, onChange, label } = props;
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      label="Columns (default when empty)"
      fullWidth
      margin="dense"
      SelectProps={{ multiple: true }}
      inputProps={{ 'aria-label': label }}
      value={columns}
      onChange={e => onChange(e.target.value as unknown as string[])}
    >
      {reportFieldsOf(kind).map(f => (
        <MenuItem key={f.path} value={f.path}>
          {f.path}
        </MenuItem>
      ))}
    </TextField>
  );
}
