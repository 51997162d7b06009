import { useEffect, useState } from 'react';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
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
import useAsync from 'react-use/esm/useAsync';
import {
  MAESTRO_ACCESS_ROLES,
  MaestroAccessEntry,
  MaestroAccessRole,
  MaestroRecordAccess,
} from '@maestro/plugin-maestro-common';
import {
  AccessFieldErrors,
  getRecordAccess,
  setRecordAccess,
} from './accessClient';

const ROLE_HELP: Record<MaestroAccessRole, string> = {
  read: 'Read',
  write: 'Read and change',
  admin: 'Change, delete and share',
};

/**
 * Who may read, change, delete and share a record: its owner and access
 * entries, editable by its admins. Users and teams are searched by name in
 * the catalog. The server decides; the dialog only shows what it allows.
 */
export function AccessDialog(props: {
  entityRef: string;
  open: boolean;
  onClose: () => void;
}) {
  const deps = {
    discoveryApi: useApi(discoveryApiRef),
    fetchApi: useApi(fetchApiRef),
  };
  const catalog = useApi(catalogApiRef);
  const [access, setAccess] = useState<MaestroRecordAccess>();
  const [entries, setEntries] = useState<MaestroAccessEntry[]>([]);
  const [failure, setFailure] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [search, setSearch] = useState('');

  useEffect(() => {
    if (!props.open) return;
    getRecordAccess(deps, props.entityRef)
      .then(found => {
        setAccess(found);
        setEntries(found.entries);
      })
      .catch(e => setFailure(e.message));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open, props.entityRef]);

  const principals = useAsync(async () => {
    const { items } = await catalog.getEntities({
      filter: { kind: ['User', 'Group'] },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items.map(e => stringifyEntityRef(e).toLowerCase());
  }, [catalog]);

  const editable = access?.allowed.manageAccess ?? false;
  const save = async () => {
    try {
      setFieldErrors({});
      const saved = await setRecordAccess(deps, props.entityRef, { entries });
      setAccess(saved);
      setEntries(saved.entries);
      props.onClose();
    } catch (e: any) {
      if (e instanceof AccessFieldErrors) {
        setFieldErrors(
          Object.fromEntries(e.fieldErrors.map(f => [f.field, f.message])),
        );
      } else setFailure(e.message);
    }
  };
  const add = (principal: string | null) => {
    if (!principal || entries.some(e => e.principal === principal)) return;
    setEntries([...entries, { principal, role: 'read' }]);
    setSearch('');
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>Access to {props.entityRef}</DialogTitle>
      <DialogContent>
        {failure && (
          <Typography color="error" role="alert">
            {failure}
          </Typography>
        )}
        {access && (
          <>
            <Typography variant="body2" gutterBottom>
              Owner: <strong>{access.owner ?? 'nobody'}</strong> (admin)
            </Typography>
            <Table size="small" aria-label="Access entries">
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
                    <TableCell colSpan={3}>
                      No entries: the portal's default applies.
                    </TableCell>
                  </TableRow>
                )}
                {entries.map((entry, i) => (
                  <TableRow key={entry.principal}>
                    <TableCell>
                      {entry.principal}
                      {fieldErrors[`entries[${i}].principal`] && (
                        <Typography color="error" variant="caption">
                          {' '}
                          {fieldErrors[`entries[${i}].principal`]}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      <TextField
                        select
                        id={`access-role-${i}`}
                        value={entry.role}
                        disabled={!editable}
                        inputProps={{
                          'aria-label': `Role of ${entry.principal}`,
                        }}
                        onChange={e =>
                          setEntries(
                            entries.map((x, j) =>
                              j === i
                                ? {
                                    ...x,
                                    role: e.target.value as MaestroAccessRole,
                                  }
                                : x,
                            ),
                          )
                        }
                      >
                        {MAESTRO_ACCESS_ROLES.map(role => (
                          <MenuItem key={role} value={role}>
                            {role} — {ROLE_HELP[role]}
                          </MenuItem>
                        ))}
                      </TextField>
                    </TableCell>
                    <TableCell>
                      {editable && (
                        <IconButton
                          aria-label={`Remove ${entry.principal}`}
                          onClick={() =>
                            setEntries(entries.filter((_, j) => j !== i))
                          }
                        >
                          <DeleteIcon />
                        </IconButton>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {editable && (
              <Autocomplete
                options={principals.value ?? []}
                inputValue={search}
                onInputChange={(_e, value) => setSearch(value)}
                onChange={(_e, value) => add(value as string | null)}
                renderInput={params => (
                  <TextField
                    {...params}
                    id="access-add-principal"
                    label="Add a user or team"
                    margin="normal"
                  />
                )}
              />
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{editable ? 'Cancel' : 'Close'}</Button>
        {editable && (
          <Button color="primary" variant="contained" onClick={save}>
            Save
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

/** The "Access" action of a record page. */
export function AccessButton(props: { entityRef: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        Access
      </Button>
      {open && (
        <AccessDialog
          entityRef={props.entityRef}
          open={open}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
