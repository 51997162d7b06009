import { useState } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  Tooltip,
  Typography,
} from '@material-ui/core';
import EditIcon from '@material-ui/icons/Edit';
import DeleteIcon from '@material-ui/icons/Delete';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Connection, connectionsApiRef } from '../../api/connections';
import { ConnectionDialog } from './ConnectionDialog';
import { TaskTable } from './TaskTable';
import { NewButton, ToolPage } from '../common/ToolPage';
import { AccessButton, useAllowed } from '../Access';

/**
 * One connection and its tasks, with the actions the server lets the user
 * take: edit, switch and sync for its writers, delete for its admins.
 */
function ConnectionCard(props: {
  connection: Connection;
  typeTitle: string;
  /** Opens the form; the owner and template are editable by admins only. */
  onEdit: (canManageAccess: boolean) => void;
  onDelete: () => void;
  onAccessSaved: () => void;
}) {
  const { connection } = props;
  const rights = useAllowed({ kind: 'connection', id: connection.id });
  const { allowed } = rights;
  return (
    <InfoCard
      title={connection.title}
      subheader={[
        props.typeTitle,
        connection.datacenter,
        connection.owner && `owned by ${connection.owner}`,
      ]
        .filter(Boolean)
        .join(' · ')}
      action={
        <>
          <AccessButton
            target={{ kind: 'connection', id: connection.id }}
            title={connection.title}
            onSaved={() => {
              rights.retry();
              props.onAccessSaved();
            }}
          />
          {allowed.update && (
            <Tooltip title="Edit">
              <IconButton
                aria-label={`Edit ${connection.title}`}
                onClick={() => props.onEdit(allowed.manageAccess)}
              >
                <EditIcon />
              </IconButton>
            </Tooltip>
          )}
          {allowed.delete && (
            <Tooltip title="Delete">
              <IconButton
                aria-label={`Delete ${connection.title}`}
                onClick={props.onDelete}
              >
                <DeleteIcon />
              </IconButton>
            </Tooltip>
          )}
        </>
      }
    >
      <TaskTable connection={connection} canRun={allowed.update} />
    </InfoCard>
  );
}

/** Inventory > Connections: cloud accounts Maestro discovers, and their tasks. */
export function ConnectionsPage() {
  const api = useApi(connectionsApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    async () => ({ types: await api.types(), connections: await api.list() }),
    [api],
  );
  const [editing, setEditing] = useState<
    { connection: Connection; canManageAccess: boolean } | 'new'
  >();

  const [deleting, setDeleting] = useState<Connection>();
  const remove = async (connection: Connection) => {
    setDeleting(undefined);
    await api.delete(connection.id);
    retry();
  };

  return (
    <ToolPage
      title="Connections"
      subtitle="Cloud accounts and sites Maestro discovers by itself"
      error={error}
      loading={loading && !value}
    >
      {value && (
        <>
          <Box mb={2} display="flex" justifyContent="flex-end">
            <NewButton
              label="New connection"
              disabled={!value.types.length}
              onClick={() => setEditing('new')}
            />
          </Box>
          {value.connections.length === 0 && (
            <Typography>
              No connection yet: add one to discover servers, volumes and more.
            </Typography>
          )}
          {value.connections.map(connection => (
            <Box key={connection.id} mb={2}>
              <ConnectionCard
                connection={connection}
                typeTitle={
                  value.types.find(t => t.type === connection.type)?.title ??
                  connection.type
                }
                onEdit={canManageAccess =>
                  setEditing({ connection, canManageAccess })
                }
                onDelete={() => setDeleting(connection)}
                onAccessSaved={retry}
              />
            </Box>
          ))}
        </>
      )}
      {deleting && (
        <Dialog open onClose={() => setDeleting(undefined)}>
          <DialogTitle>Delete {deleting.title}?</DialogTitle>
          <DialogContent>
            Its tasks stop; the records it discovered stay in the inventory.
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setDeleting(undefined)}>Cancel</Button>
            <Button color="secondary" onClick={() => remove(deleting)}>
              Delete
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {editing && value && (
        <ConnectionDialog
          types={value.types}
          connection={editing === 'new' ? undefined : editing.connection}
          canManageAccess={editing === 'new' ? true : editing.canManageAccess}
          onClose={saved => {
            setEditing(undefined);
            if (saved) retry();
          }}
        />
      )}
    </ToolPage>
  );
}
