import { useState } from 'react';
import { Box, Button, Chip, TextField } from '@material-ui/core';

/**
 * A list of names shown as chips: type a name and press Enter (or Add) to
 * append it, click a chip's cross to remove it. Repeats are refused here;
 * the server checks again.
 */
export function EditableList(props: {
  label: string;
  values: string[];
  onChange(values: string[]): void;
  errors?: Record<number, string>;
}) {
  const { label, values, onChange, errors = {} } = props;
  const [draft, setDraft] = useState('');
  const name = draft.trim();
  const repeated = values.some(v => v.toLowerCase() === name.toLowerCase());
  const add = () => {
    if (!name || repeated) return;
    onChange([...values, name]);
    setDraft('');
  };
  return (
    <Box>
      <Box display="flex" flexWrap="wrap" mb={1} role="list" aria-label={label}>
        {values.map((value, i) => (
          <Box key={value} mr={1} mb={1} role="listitem">
            <Chip
              label={errors[i] ? `${value} — ${errors[i]}` : value}
              color={errors[i] ? 'secondary' : 'default'}
              onDelete={() => onChange(values.filter((_, j) => j !== i))}
            />
          </Box>
        ))}
      </Box>
      <Box display="flex" alignItems="flex-start">
        <TextField
          id={`maestro-add-${label.replace(/\W+/g, '-')}`}
          label={`Add to ${label}`}
          size="small"
          variant="outlined"
          value={draft}
          error={repeated && !!name}
          helperText={repeated && name ? `'${name}' is already there` : ' '}
          onChange={e => setDraft(e.target.value)}
          onKeyDown={e => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Box ml={1} mt={0.5}>
          <Button onClick={add} disabled={!name || repeated}>
            Add
          </Button>
        </Box>
      </Box>
    </Box>
  );
}
