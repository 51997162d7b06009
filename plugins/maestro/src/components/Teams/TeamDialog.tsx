import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@material-ui/core';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { RecordFieldErrors, maestroApiRef } from '../../api';

/** The Group a team form describes. */
export function teamEntity(form: {
  name?: string;
  title: string;
  email: string;
  picture: string;
  url: string;
  members: string[];
}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    // Without a name, Maestro derives one from the title.
    metadata: {
      ...(form.name ? { name: form.name } : {}),
      title: form.title,
      ...(form.url ? { links: [{ url: form.url, title: 'Team page' }] } : {}),
    } as Entity['metadata'],
    spec: {
      type: 'team',
      children: [],
      members: form.members,
      profile: {
        displayName: form.title,
        ...(form.email ? { email: form.email } : {}),
        ...(form.picture ? { picture: form.picture } : {}),
      },
    },
  };
}

/** Create or edit a team: name, email, picture, URL and members (users). */
export function TeamDialog(props: {
  team?: Entity;
  onClose(saved: boolean): void;
}) {
  const maestro = useApi(maestroApiRef);
  const catalog = useApi(catalogApiRef);
  const team = props.team;
  const spec = (team?.spec ?? {}) as any;
  const [title, setTitle] = useState(team?.metadata.title ?? '');
  const [email, setEmail] = useState(spec.profile?.email ?? '');
  const [picture, setPicture] = useState(spec.profile?.picture ?? '');
  const [url, setUrl] = useState(team?.metadata.links?.[0]?.url ?? '');
  const [members, setMembers] = useState<string[]>(spec.members ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const users = useAsync(
    async () =>
      (
        await catalog.getEntities({
          filter: { kind: 'User' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'spec.profile',
          ],
        })
      ).items,
    [catalog],
  );

  const save = async () => {
    const local: Record<string, string> = {};
    if (!title.trim()) local['metadata.title'] = 'Required';
    if (email && !/^[^@\s]+@[^@\s]+$/.test(email))
      local['spec.profile.email'] = 'An email address';
    if (url && !/^https?:\/\//.test(url))
      local['metadata.links'] = 'An http(s) URL';
    setErrors(local);
    if (Object.keys(local).length) return;
    const entity = teamEntity({
      name: team?.metadata.name,
      title,
      email,
      picture,
      url,
      members,
    });
    try {
      if (team)
        await maestro.updateRecord('teams', {
          ...entity,
          metadata: {
            ...entity.metadata,
            name: team.metadata.name,
            namespace: team.metadata.namespace,
          },
        });
      else await maestro.createRecord('teams', entity);
      props.onClose(true);
    } catch (e) {
      if (e instanceof RecordFieldErrors)
        setErrors(
          Object.fromEntries(e.fieldErrors.map(f => [f.field, f.message])),
        );
      else setErrors({ form: (e as Error).message });
    }
  };

  return (
    <Dialog open onClose={() => props.onClose(false)} fullWidth maxWidth="sm">
      <DialogTitle>
        {team
          ? `Edit ${team.metadata.title ?? team.metadata.name}`
          : 'New team'}
      </DialogTitle>
      <DialogContent>
        <TextField
          id="team-name"
          label="Name"
          fullWidth
          margin="dense"
          value={title}
          error={!!errors['metadata.title']}
          helperText={errors['metadata.title']}
          onChange={e => setTitle(e.target.value)}
        />
        <TextField
          id="team-email"
          label="Email"
          fullWidth
          margin="dense"
          value={email}
          error={!!errors['spec.profile.email']}
          helperText={errors['spec.profile.email']}
          onChange={e => setEmail(e.target.value)}
        />
        <TextField
          id="team-picture"
          label="Picture URL"
          fullWidth
          margin="dense"
          value={picture}
          onChange={e => setPicture(e.target.value)}
        />
        <TextField
          id="team-url"
          label="URL"
          fullWidth
          margin="dense"
          value={url}
          error={!!errors['metadata.links']}
          helperText={errors['metadata.links']}
          onChange={e => setUrl(e.target.value)}
        />
        <Autocomplete
          multiple
          options={(users.value ?? []).map(u => stringifyEntityRef(u))}
          value={members}
          loading={users.loading}
          onChange={(_e, value) => setMembers(value)}
          renderInput={params => (
            <TextField
              {...params}
              id="team-members"
              label="Members"
              margin="dense"
              error={!!errors['spec.members']}
              helperText={errors['spec.members']}
            />
          )}
        />
        {errors.form && <div role="alert">{errors.form}</div>}
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
