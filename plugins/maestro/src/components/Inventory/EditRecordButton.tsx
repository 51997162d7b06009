import { useState } from 'react';
import { useApiHolder } from '@backstage/frontend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import EditIcon from '@material-ui/icons/Edit';
import { maestroApiRef } from '../../api';
import { formOfEntity } from './forms';
import { RecordDialog } from './RecordDialog';

/**
 * "Edit" on a Maestro entity page: the same form as the inventory's, on the
 * store's record (the catalog's copy carries relations and annotations the
 * record does not). The catalog shows the change once its provider has
 * read it.
 */
export function EditRecordButton(props: {
  entity: Entity;
  onSaved?: () => void;
}) {
  // Optional: a page without the Maestro API (a test, an app that left it
  // out) shows the card without the action rather than failing.
  const api = useApiHolder().get(maestroApiRef);
  const form = formOfEntity(props.entity);
  const [record, setRecord] = useState<Entity>();
  const [failure, setFailure] = useState<string>();
  if (!form || !api) return null;
  const open = async () => {
    try {
      setFailure(undefined);
      const found = await api.getRecordByRef(stringifyEntityRef(props.entity));
      setRecord(found.entity);
    } catch (e: any) {
      setFailure(e?.message ?? String(e));
    }
  };
  return (
    <>
      <Tooltip title={failure ?? `Edit this ${form.title.toLowerCase()}`}>
        <IconButton aria-label="Edit" onClick={open}>
          <EditIcon color={failure ? 'error' : undefined} />
        </IconButton>
      </Tooltip>
      {record && (
        <RecordDialog
          form={form}
          entity={record}
          open
          onClose={() => setRecord(undefined)}
          onSaved={() => {
            setRecord(undefined);
            props.onSaved?.();
          }}
        />
      )}
    </>
  );
}
