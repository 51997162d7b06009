import { useEffect, useState } from 'react';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import {
  MaestroAccessEntry,
  MaestroRecordAccess,
} from '@maestro/plugin-maestro-common';
import {
  AccessFieldErrors,
  getRecordAccess,
  setRecordAccess,
} from './accessClient';
import { AccessEntriesEditor } from './AccessEntriesEditor';
import { usePrincipals } from './usePrincipals';

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
  const [access, setAccess] = useState<MaestroRecordAccess>();
  const [entries, setEntries] = useState<MaestroAccessEntry[]>([]);
  const [failure, setFailure] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

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

  const principals = usePrincipals();

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
              {access.owner ? (
                <>
                  Owner: <strong>{access.owner}</strong> (admin)
                </>
              ) : (
                'No owner: nobody may change this record or its access.'
              )}
            </Typography>
            <AccessEntriesEditor
              field="entries"
              label="Access entries"
              entries={entries}
              principals={principals}
              editable={editable}
              onChange={setEntries}
              fieldErrors={fieldErrors}
              emptyText="No entries: the portal's default applies."
            />
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
