import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@material-ui/core';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  GraphSourceType,
  SavedGraph,
  analyticsApiRef,
} from '../../api/analytics';
import { RecordPicker } from './RecordPicker';

export const SOURCE_TYPES: Array<{
  type: GraphSourceType;
  label: string;
  kinds: string[];
  help: string;
}> = [
  {
    type: 'system',
    label: 'By system',
    kinds: ['systems'],
    help: 'Starts from the entry applications of the system.',
  },
  {
    type: 'client',
    label: 'By client',
    kinds: ['clients'],
    help: 'Starts from the entry applications of all systems of the client.',
  },
  {
    type: 'application',
    label: 'By application',
    kinds: ['applications', 'resources'],
    help: 'Starts from one application.',
  },
];

/** "New graph": a name and where it starts (system, client or application). */
export function NewGraphDialog(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (graph: SavedGraph) => void;
}) {
  const api = useApi(analyticsApiRef);
  const [name, setName] = useState('');
  const [tab, setTab] = useState(2);
  const [ref, setRef] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error>();
  const source = SOURCE_TYPES[tab];
  const save = async () => {
    if (!ref) return;
    setSaving(true);
    setError(undefined);
    try {
      props.onCreated(await api.createGraph(name, { type: source.type, ref }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>New graph</DialogTitle>
      <DialogContent>
        <TextField
          id="maestro-new-graph-name"
          label="Graph name"
          fullWidth
          value={name}
          onChange={e => setName(e.target.value)}
          inputProps={{ maxLength: 255 }}
        />
        <Tabs
          value={tab}
          onChange={(_e, v) => {
            setTab(v);
            setRef(undefined);
          }}
          indicatorColor="primary"
        >
          {SOURCE_TYPES.map(s => (
            <Tab key={s.type} label={s.label} />
          ))}
        </Tabs>
        <Typography variant="body2" color="textSecondary">
          {source.help}
        </Typography>
        <RecordPicker
          key={source.type}
          label={source.label
            .replace('By ', '')
            .replace(/^./, c => c.toUpperCase())}
          kinds={source.kinds}
          value={ref}
          onChange={setRef}
        />
        {error && <ResponseErrorPanel error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={!name.trim() || !ref || saving}
          onClick={save}
        >
          {saving ? 'Computing…' : 'Save'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
