import { useEffect, useMemo, useState } from 'react';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { MaestroRecord } from '@maestro/plugin-maestro-common';
import Badge from '@material-ui/core/Badge';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Alert from '@material-ui/lab/Alert';
import { RecordFieldErrors, maestroApiRef } from '../../api';
import { KindForm } from './forms';
import { FieldInput } from './forms/FieldInput';
import { entityToSave, sectionOf, validateDraft } from './forms/validate';
import { useFormChoices } from './useFormChoices';
import { useDuplicateIpWarning } from './useDuplicateIpWarning';

export interface RecordDialogProps {
  form: KindForm;
  /** The entity to edit; a new record when absent. */
  entity?: Entity;
  open: boolean;
  onClose: () => void;
  onSaved: (record: MaestroRecord) => void;
}

function newDraft(form: KindForm): Entity {
  return {
    apiVersion: form.apiVersion,
    kind: form.kind,
    metadata: { name: '' },
    spec: { ...form.initialSpec },
  };
}

/**
 * Creates or edits one record with its kind's form. Errors from the
 * client's checks and from the server land next to their fields; the draft
 * stays as typed until it is saved, whatever fails.
 */
export function RecordDialog(props: RecordDialogProps) {
  const { form, entity, open, onClose, onSaved } = props;
  const api = useApi(maestroApiRef);
  const choices = useFormChoices();
  const [draft, setDraft] = useState<Entity>(() => entity ?? newDraft(form));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [tab, setTab] = useState(0);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) {
      setDraft(entity ?? newDraft(form));
      setErrors({});
      setFailure(undefined);
      setTab(0);
    }
  }, [open, entity, form]);

  // A new record that needs an owner belongs to whoever creates it, until
  // they pick a team.
  const identity = useApi(identityApiRef);
  useEffect(() => {
    if (!open || entity || (form.initialSpec as any).owner !== '') return;
    let cancelled = false;
    identity.getBackstageIdentity().then(({ userEntityRef }) => {
      if (cancelled) return;
      setDraft(d =>
        (d.spec as any)?.owner
          ? d
          : { ...d, spec: { ...d.spec, owner: userEntityRef } },
      );
    });
    // eslint-disable-next-line consistent-return
    return () => {
      cancelled = true;
    };
  }, [open, entity, form, identity]);

  const selfRef = entity ? stringifyEntityRef(entity) : undefined;
  const duplicates = useDuplicateIpWarning(
    form.kind === 'Server'
      ? ((draft.spec as any)?.ipv4Private as string | undefined)
      : undefined,
    selfRef,
  );

  const errorCounts = useMemo(() => {
    const counts = form.sections.map(() => 0);
    for (const path of Object.keys(errors)) counts[sectionOf(form, path)]++;
    return counts;
  }, [errors, form]);

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) setTab(sectionOf(form, first));
  };

  const save = async () => {
    const toSave = entityToSave(form, draft);
    if (!entity) delete (toSave.metadata as any).name;
    const found = validateDraft(form, toSave);
    if (Object.keys(found).length) {
      showErrors(found);
      setFailure('Some fields need attention.');
      return;
    }
    setSaving(true);
    setFailure(undefined);
    try {
      const record = entity
        ? await api.updateRecord(form.plural, toSave)
        : await api.createRecord(form.plural, toSave);
      setErrors({});
      onSaved(record);
    } catch (e: any) {
      if (e instanceof RecordFieldErrors) {
        showErrors(
          Object.fromEntries(e.fieldErrors.map(f => [f.field, f.message])),
        );
      }
      setFailure(e?.message ?? String(e));
    } finally {
      setSaving(false);
    }
  };

  const section = form.sections[tab] ?? form.sections[0];
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>
        {entity
          ? `Edit ${entity.metadata.title ?? entity.metadata.name}`
          : `New ${form.title.toLowerCase()}`}
      </DialogTitle>
      <Tabs
        value={tab}
        onChange={(_e, v) => setTab(v)}
        variant="scrollable"
        indicatorColor="primary"
      >
        {form.sections.map((s, i) => (
          <Tab
            key={s.title}
            label={
              <Badge color="error" badgeContent={errorCounts[i]}>
                {s.title}
              </Badge>
            }
          />
        ))}
      </Tabs>
      <DialogContent dividers>
        {failure && (
          <Alert severity="error" style={{ marginBottom: 8 }}>
            {failure}
          </Alert>
        )}
        {duplicates.length > 0 && (
          <Alert severity="warning" style={{ marginBottom: 8 }}>
            Another server already has this private IP: {duplicates.join(', ')}
          </Alert>
        )}
        <Grid container spacing={2}>
          {section.fields.map(field => (
            <Grid
              item
              xs={12}
              sm={
                field.width ??
                (['list', 'placement', 'regions'].includes(field.type) ? 12 : 6)
              }
              key={`${field.path}:${field.label}`}
            >
              <FieldInput
                field={field}
                root={draft}
                basePath=""
                onChange={setDraft}
                errors={errors}
                choices={choices}
              />
            </Grid>
          ))}
        </Grid>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={save}
          disabled={saving}
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
