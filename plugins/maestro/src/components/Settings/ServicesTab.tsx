import { useState } from 'react';
import {
  Box,
  Button,
  Checkbox,
  IconButton,
  ListItemText,
  MenuItem,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@material-ui/core';
import DeleteIcon from '@material-ui/icons/Delete';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  MAESTRO_FAMILIES,
  ServiceDefinition,
} from '@maestro/plugin-maestro-common';
import { settingsApiRef } from '../../api/settings';
import { useSaver } from './useSaver';

/** The services catalog that servers pick their services from. */
export function ServicesTab(props: {
  services: ServiceDefinition[];
  onSaved(): void;
}) {
  const api = useApi(settingsApiRef);
  const [draft, setDraft] = useState(props.services);
  const { saving, fieldErrors, save } = useSaver();
  const errorOf = (i: number, field: string) =>
    fieldErrors.find(e => e.field.startsWith(`services.${i}.${field}`))
      ?.message;
  const update = (i: number, change: Partial<ServiceDefinition>) =>
    setDraft(draft.map((s, j) => (j === i ? { ...s, ...change } : s)));
  return (
    <InfoCard title={`Services (${draft.length})`}>
      <Table size="small" aria-label="Services">
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Families</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {draft.map((service, i) => (
            <TableRow key={i}>
              <TableCell>
                <TextField
                  size="small"
                  value={service.name}
                  inputProps={{ 'aria-label': `Service ${i + 1} name` }}
                  error={!service.name.trim() || !!errorOf(i, 'name')}
                  helperText={
                    errorOf(i, 'name') ??
                    (service.name.trim() ? '' : 'Required')
                  }
                  onChange={e => update(i, { name: e.target.value })}
                />
              </TableCell>
              <TableCell>
                <Select
                  multiple
                  value={service.families}
                  renderValue={v => (v as string[]).join(', ') || 'None'}
                  displayEmpty
                  error={!!errorOf(i, 'families')}
                  onChange={e =>
                    update(i, { families: e.target.value as string[] })
                  }
                >
                  {MAESTRO_FAMILIES.map(f => (
                    <MenuItem key={f.family} value={f.family}>
                      <Checkbox checked={service.families.includes(f.family)} />
                      <ListItemText primary={f.family} />
                    </MenuItem>
                  ))}
                </Select>
              </TableCell>
              <TableCell padding="checkbox">
                <IconButton
                  aria-label={`Remove ${service.name || 'service'}`}
                  onClick={() => setDraft(draft.filter((_, j) => j !== i))}
                >
                  <DeleteIcon />
                </IconButton>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box mt={2} display="flex">
        <Button
          onClick={() => setDraft([...draft, { name: '', families: [] }])}
        >
          Add service
        </Button>
        <Box ml={2}>
          <Button
            color="primary"
            variant="contained"
            disabled={saving || draft.some(s => !s.name.trim())}
            onClick={async () => {
              if (await save('Services', () => api.setServices(draft)))
                props.onSaved();
            }}
          >
            Save services
          </Button>
        </Box>
      </Box>
    </InfoCard>
  );
}
