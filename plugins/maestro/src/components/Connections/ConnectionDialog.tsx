import { useState } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { MaestroAccessEntry } from '@maestro/plugin-maestro-common';
import {
  Connection,
  ConnectionInputError,
  ConnectionType,
  connectionsApiRef,
} from '../../api/connections';
import { maestroApiRef } from '../../api';
import { AccessEntriesEditor, PrincipalPicker, usePrincipals } from '../Access';
import { ConnectionFieldInput } from './ConnectionFieldInput';

/**
 * Create or edit a connection: its type's fields (secrets as passwords,
 * left empty to keep what is stored), its datacenter, its owner and the
 * access template its records get, and the read-only permissions its
 * credentials need.
 */
export function ConnectionDialog(props: {
  types: ConnectionType[];
  connection?: Connection;
  /** Owner and access template are its admins' to change (default true). */
  canManageAccess?: boolean;
  onClose(saved: boolean): void;
}) {
  const canManageAccess = props.canManageAccess ?? true;
  const api = useApi(connectionsApiRef);
  const maestro = useApi(maestroApiRef);
  const { connection, types } = props;
  const [type, setType] = useState(connection?.type ?? types[0]?.type ?? '');
  const [title, setTitle] = useState(connection?.title ?? '');
  const [datacenter, setDatacenter] = useState(connection?.datacenter ?? '');
  const [owner, setOwner] = useState(connection?.owner ?? '');
  const [values, setValues] = useState<Record<string, string>>(
    connection?.settings ?? {},
  );
  const [accessTemplate, setAccessTemplate] = useState<MaestroAccessEntry[]>(
    connection?.accessTemplate ?? [],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const principals = usePrincipals();
  // Errors of the list name rows by position: stale once rows move.
  const changeAccessTemplate = (entries: MaestroAccessEntry[]) => {
    setAccessTemplate(entries);
    setErrors(
      Object.fromEntries(
        Object.entries(errors).filter(([k]) => !k.startsWith('accessTemplate')),
      ),
    );
  };
  const datacenters = useAsync(
    async () =>
      (await maestro.listRecords('datacenters', { limit: 1000 })).items,
    [maestro],
  );
  const chosen = types.find(t => t.type === type);
  const permissions = [
    ...new Set(chosen?.tasks.flatMap(t => t.permissions) ?? []),
  ];

  const save = async () => {
    const input = {
      title,
      type,
      datacenter,
      ...(owner.trim() ? { owner: owner.trim() } : {}),
      accessTemplate,
      settings: values,
    };
    try {
      if (connection) await api.update(connection.id, input);
      else await api.create(input);
      props.onClose(true);
    } catch (e) {
      if (e instanceof ConnectionInputError)
        setErrors(
          Object.fromEntries(e.fieldErrors.map(f => [f.field, f.message])),
        );
      else setErrors({ form: (e as Error).message });
    }
  };

  return (
    <Dialog open onClose={() => props.onClose(false)} fullWidth maxWidth="md">
      <DialogTitle>
        {connection ? `Edit ${connection.title}` : 'New connection'}
      </DialogTitle>
      <DialogContent>
        <TextField
          id="connection-type"
          select
          label="Provider"
          fullWidth
          margin="dense"
          value={type}
          disabled={!!connection}
          error={!!errors.type}
          helperText={errors.type}
          onChange={e => setType(e.target.value)}
        >
          {types.map(t => (
            <MenuItem key={t.type} value={t.type}>
              {t.title}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="connection-title"
          label="Name"
          fullWidth
          margin="dense"
          value={title}
          error={!!errors.title}
          helperText={errors.title}
          onChange={e => setTitle(e.target.value)}
        />
        <TextField
          id="connection-datacenter"
          select
          label="Datacenter"
          fullWidth
          margin="dense"
          value={datacenter}
          error={!!errors.datacenter}
          helperText={errors.datacenter}
          onChange={e => setDatacenter(e.target.value)}
        >
          {(datacenters.value ?? []).map(d => (
            <MenuItem
              key={d.entity.metadata.name}
              value={stringifyEntityRef(d.entity)}
            >
              {d.entity.metadata.title ?? d.entity.metadata.name}
            </MenuItem>
          ))}
        </TextField>
        {canManageAccess ? (
          <PrincipalPicker
            id="connection-owner"
            label="Owner"
            value={owner}
            principals={principals}
            onChange={setOwner}
            error={errors.owner}
            helperText="User or team owning the connection and the records it creates, e.g. group:default/platform"
          />
        ) : (
          <Typography variant="body2" style={{ marginTop: 8 }}>
            Owner: {owner || 'its creator'} (only the connection's admins change
            its owner and access template)
          </Typography>
        )}
        {chosen?.fields.map(field => (
          <ConnectionFieldInput
            key={field.name}
            field={field}
            value={values[field.name] ?? ''}
            kept={
              !!field.secret && !!connection?.secretsSet.includes(field.name)
            }
            error={errors[`settings.${field.name}`]}
            onChange={value => setValues({ ...values, [field.name]: value })}
          />
        ))}
        {permissions.length > 0 && (
          <Box mt={2}>
            <Typography variant="subtitle2">
              Read-only permissions to grant
            </Typography>
            <Typography variant="body2" component="div">
              {permissions.map(p => (
                <code key={p} style={{ marginRight: 8 }}>
                  {p}
                </code>
              ))}
            </Typography>
          </Box>
        )}
        <Box mt={3}>
          <Typography variant="subtitle2">Access template</Typography>
          <Typography variant="body2" color="textSecondary">
            Entries copied onto every record the connection creates.
          </Typography>
          <AccessEntriesEditor
            field="accessTemplate"
            label="Access template"
            entries={accessTemplate}
            principals={principals}
            editable={canManageAccess}
            onChange={changeAccessTemplate}
            fieldErrors={errors}
            emptyText="No entries: only the owner and the portal's default apply."
          />
        </Box>
        {errors.form && (
          <Typography color="error" role="alert">
            {errors.form}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => props.onClose(false)}>Cancel</Button>
        <Button color="primary" variant="contained" onClick={save}>
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
