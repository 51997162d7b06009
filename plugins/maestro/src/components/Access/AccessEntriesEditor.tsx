import { useState } from 'react';
import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  MAESTRO_ACCESS_ROLES,
  MaestroAccessEntry,
  MaestroAccessRole,
} from '@maestro/plugin-maestro-common';

const ROLE_HELP: Record<MaestroAccessRole, string> = {
  read: 'Read',
  write: 'Read and change',
  admin: 'Change, delete and share',
};

function FieldError(props: { message?: string }) {
  if (!props.message) return null;
  return (
    <Typography color="error" variant="caption" display="block">
      {props.message}
    </Typography>
  );
}

/**
 * A list of access entries (user or team, role): each role chosen, removed,
 * and new ones added by searching the catalog's users and teams by name.
 * The server's field errors show next to their row; they are named as the
 * server names them, `<field>[i].principal` and `<field>[i].role`.
 */
export function AccessEntriesEditor(props: {
  /** The list's name in the server's field errors (`entries`, `accessTemplate`). */
  field: string;
  label: string;
  entries: MaestroAccessEntry[];
  principals: string[];
  editable: boolean;
  onChange(entries: MaestroAccessEntry[]): void;
  fieldErrors?: Record<string, string>;
  /** What an empty list means where it is used. */
  emptyText: string;
}) {
  const { entries, field, editable, onChange } = props;
  const errors = props.fieldErrors ?? {};
  const [search, setSearch] = useState('');
  const add = (principal: string | null) => {
    if (!principal || entries.some(e => e.principal === principal)) return;
    onChange([...entries, { principal, role: 'read' }]);
    setSearch('');
  };
  const setRole = (i: number, role: MaestroAccessRole) =>
    onChange(entries.map((x, j) => (j === i ? { ...x, role } : x)));

  return (
    <>
      <Table size="small" aria-label={props.label}>
        <TableHead>
          <TableRow>
            <TableCell>User or team</TableCell>
            <TableCell>Role</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.length === 0 && (
            <TableRow>
              <TableCell colSpan={3}>{props.emptyText}</TableCell>
            </TableRow>
          )}
          {entries.map((entry, i) => (
            <TableRow key={entry.principal}>
              <TableCell>
                {entry.principal}
                <FieldError message={errors[`${field}[${i}].principal`]} />
              </TableCell>
              <TableCell>
                <TextField
                  select
                  id={`${field}-role-${i}`}
                  value={entry.role}
                  disabled={!editable}
                  inputProps={{ 'aria-label': `Role of ${entry.principal}` }}
                  onChange={e =>
                    setRole(i, e.target.value as MaestroAccessRole)
                  }
                >
                  {MAESTRO_ACCESS_ROLES.map(role => (
                    <MenuItem key={role} value={role}>
                      {role} — {ROLE_HELP[role]}
                    </MenuItem>
                  ))}
                </TextField>
                <FieldError message={errors[`${field}[${i}].role`]} />
              </TableCell>
              <TableCell>
                {editable && (
                  <IconButton
                    aria-label={`Remove ${entry.principal}`}
                    onClick={() => onChange(entries.filter((_, j) => j !== i))}
                  >
                    <DeleteIcon />
                  </IconButton>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <FieldError message={errors[field]} />
      {editable && (
        <Autocomplete
          options={props.principals.filter(
            p => !entries.some(e => e.principal === p),
          )}
          value={null}
          inputValue={search}
          onInputChange={(_e, value) => setSearch(value)}
          onChange={(_e, value) => add(value as string | null)}
          renderInput={params => (
            <TextField
              {...params}
              id={`${field}-add-principal`}
              label="Add a user or team"
              margin="normal"
            />
          )}
        />
      )}
    </>
  );
}
