import { useState } from 'react';
import {
  Box,
  Button,
  Grid,
  IconButton,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import DeleteIcon from '@material-ui/icons/Delete';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { RegionsByProvider } from '@maestro/plugin-maestro-common';
import { settingsApiRef } from '../../api/settings';
import { EditableList } from './EditableList';
import { entryErrors, useSaver } from './useSaver';

/** The regions and zones a datacenter of each provider can choose from. */
export function RegionsTab(props: {
  regions: RegionsByProvider;
  onSaved(): void;
}) {
  const api = useApi(settingsApiRef);
  const providers = Object.keys(props.regions).sort();
  const [provider, setProvider] = useState(providers[0] ?? '');
  const [draft, setDraft] = useState(props.regions[provider] ?? {});
  const [newProvider, setNewProvider] = useState('');
  const [newRegion, setNewRegion] = useState('');
  const { saving, fieldErrors, save } = useSaver();
  const choose = (name: string) => {
    setProvider(name);
    setDraft(props.regions[name] ?? {});
  };
  const regionNames = Object.keys(draft);
  return (
    <InfoCard title="Regions and zones">
      <Grid container spacing={2} alignItems="center">
        <Grid item>
          <TextField
            id="maestro-regions-provider"
            select
            label="Provider"
            value={provider}
            onChange={e => choose(e.target.value)}
            style={{ minWidth: 200 }}
          >
            {[...new Set([...providers, provider])].filter(Boolean).map(p => (
              <MenuItem key={p} value={p}>
                {p}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid item>
          <TextField
            id="maestro-new-provider"
            label="New provider"
            size="small"
            value={newProvider}
            onChange={e => setNewProvider(e.target.value)}
          />
          <Button
            disabled={!newProvider.trim()}
            onClick={() => {
              setProvider(newProvider.trim());
              setDraft({});
              setNewProvider('');
            }}
          >
            Add provider
          </Button>
        </Grid>
      </Grid>
      {regionNames.map(region => (
        <Box key={region} mt={2}>
          <Box display="flex" alignItems="center">
            <Typography variant="h6">{region}</Typography>
            <IconButton
              aria-label={`Remove region ${region}`}
              onClick={() => {
                const { [region]: _removed, ...rest } = draft;
                setDraft(rest);
              }}
            >
              <DeleteIcon />
            </IconButton>
          </Box>
          <EditableList
            label={`zones of ${region}`}
            values={draft[region]}
            onChange={zones => setDraft({ ...draft, [region]: zones })}
            errors={entryErrors(fieldErrors, `regions.${region}`)}
          />
        </Box>
      ))}
      <Box mt={2} display="flex" alignItems="flex-start">
        <TextField
          id="maestro-new-region"
          label="New region"
          size="small"
          value={newRegion}
          onChange={e => setNewRegion(e.target.value)}
        />
        <Button
          disabled={!newRegion.trim() || newRegion.trim() in draft}
          onClick={() => {
            setDraft({ ...draft, [newRegion.trim()]: [] });
            setNewRegion('');
          }}
        >
          Add region
        </Button>
        <Box ml="auto">
          <Button
            color="primary"
            variant="contained"
            disabled={saving || !provider}
            onClick={async () => {
              if (
                await save(`${provider} regions`, () =>
                  api.setRegions(provider, draft),
                )
              )
                props.onSaved();
            }}
          >
            Save {provider} regions
          </Button>
        </Box>
      </Box>
    </InfoCard>
  );
}
