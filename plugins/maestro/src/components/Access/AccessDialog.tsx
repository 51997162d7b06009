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
  MaestroAccess,
  MaestroAccessEntry,
} from '@maestro/plugin-maestro-common';
import {
  AccessFieldErrors,
  AccessTarget,
  getAccess,
  setAccess as saveAccess,
} from './accessClient';
import { AccessEntriesEditor } from './AccessEntriesEditor';
import { PrincipalPicker } from './PrincipalPicker';
import { usePrincipals } from './usePrincipals';

/** How the dialog names what it is about, when the caller gives no title. */
function defaultTitle(target: AccessTarget) {
  return target.kind === 'record' ? target.entityRef : `this ${target.kind}`;
}

/** A record page passes its entity ref; other pages say what they are about. */
export type AccessDialogTarget =
  | { target: AccessTarget }
  | { entityRef: string };

function targetOf(props: AccessDialogTarget): AccessTarget {
  return 'target' in props
    ? props.target
    : { kind: 'record', entityRef: props.entityRef };
}

/**
 * Who may read, change, delete and share a record, report, graph or
 * connection: its owner and access entries, editable by its admins (who
 * may also hand it to another owner). Users and teams are searched by name
 * in the catalog. The server decides; the dialog only shows what it allows.
 */
export function AccessDialog(
  props: AccessDialogTarget & {
    /** What the title names, e.g. the report's name. */
    title?: string;
    open: boolean;
    onClose: () => void;
    /** The access after a save (e.g. to show or hide a page's actions). */
    onSaved?: (access: MaestroAccess) => void;
  },
) {
  const target = targetOf(props);
  const targetKey = JSON.stringify(target);
  const deps = {
    discoveryApi: useApi(discoveryApiRef),
    fetchApi: useApi(fetchApiRef),
  };
  const [access, setAccess] = useState<MaestroAccess>();
  const [entries, setEntries] = useState<MaestroAccessEntry[]>([]);
  const [owner, setOwner] = useState('');
  const [failure, setFailure] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!props.open) return;
    getAccess(deps, target)
      .then(found => {
        setAccess(found);
        setEntries(found.entries);
      })
      .catch(e => setFailure(e.message));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open, targetKey]);

  const principals = usePrincipals();

  const editable = access?.allowed.manageAccess ?? false;
  const noun = target.kind;
  const save = async () => {
    try {
      setFieldErrors({});
      const newOwner = owner.trim();
      const saved = await saveAccess(deps, target, {
        ...(newOwner && newOwner !== access?.owner ? { owner: newOwner } : {}),
        entries,
      });
      setAccess(saved);
      setEntries(saved.entries);
      props.onSaved?.(saved);
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
      <DialogTitle>Access to {props.title ?? defaultTitle(target)}</DialogTitle>
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
                `No owner: only the portal's admins may change this ${noun} or its access.`
              )}
            </Typography>
            {editable && (
              <PrincipalPicker
                id="access-new-owner"
                label="New owner"
                value={owner}
                principals={principals}
                onChange={setOwner}
                error={fieldErrors.owner}
                helperText={`Hands the ${noun} over; leave empty to keep the owner.`}
              />
            )}
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

/**
 * The "Access" action of a page: a record's (`entityRef`), or a report's,
 * graph's or connection's (`target`).
 */
export function AccessButton(
  props: AccessDialogTarget & {
    title?: string;
    onSaved?: (access: MaestroAccess) => void;
  },
) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        Access
      </Button>
      {open && (
        <AccessDialog {...props} open={open} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
