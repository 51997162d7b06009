import { useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { maestroApiRef } from '../../api';

/**
 * Asks before deleting a record, and says which records refer to it (the
 * applications running on a server...), since they would point at nothing.
 */
export function DeleteRecordDialog(props: {
  plural: string;
  entity: Entity;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { plural, entity, onClose, onDeleted } = props;
  const api = useApi(maestroApiRef);
  const ref = stringifyEntityRef(entity);
  const references = useAsync(() => api.getReferences(ref), [api, ref]);
  const [failure, setFailure] = useState<string>();
  const [deleting, setDeleting] = useState(false);
  const title = entity.metadata.title ?? entity.metadata.name;

  const remove = async () => {
    setDeleting(true);
    try {
      await api.deleteRecord(plural, entity);
      onDeleted();
    } catch (e: any) {
      setFailure(e?.message ?? String(e));
      setDeleting(false);
    }
  };

  const items = references.value?.items ?? [];
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>Delete {title}?</DialogTitle>
      <DialogContent>
        {references.loading && <Progress />}
        {references.error && (
          <Alert severity="warning">
            Could not check what refers to it: {references.error.message}
          </Alert>
        )}
        {references.value && items.length === 0 && (
          <DialogContentText>No other record refers to it.</DialogContentText>
        )}
        {items.length > 0 && (
          <>
            <Alert severity="warning">
              {references.value!.totalCount} record
              {references.value!.totalCount === 1
                ? ' refers'
                : 's refer'} to {title} and will point at nothing:
            </Alert>
            <List dense aria-label="References">
              {items.map(item => (
                <ListItem key={item.entityRef}>
                  <ListItemText
                    primary={`${item.title} (${item.kind})`}
                    secondary={item.fields.join(', ')}
                  />
                </ListItem>
              ))}
            </List>
          </>
        )}
        {failure && <Alert severity="error">{failure}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={references.loading || deleting}
          onClick={remove}
        >
          {items.length > 0 ? 'Delete anyway' : 'Delete'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
