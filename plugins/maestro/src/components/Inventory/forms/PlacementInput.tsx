import { useApi } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';
import { maestroApiRef } from '../../../api';
import { RefInput } from './RefInput';
import { FormChoices } from '../useFormChoices';

type Placement = Record<string, unknown> | undefined;

function Choice(props: {
  label: string;
  options: string[];
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  error?: string;
}) {
  return (
    <Autocomplete<string, false, false, true>
      freeSolo
      options={props.options}
      value={props.value ?? null}
      onChange={(_e, v) => props.onChange(v ?? undefined)}
      onInputChange={(_e, v, reason) => {
        if (reason === 'input') props.onChange(v || undefined);
      }}
      renderInput={params => (
        <TextField
          {...params}
          inputProps={{ ...params.inputProps, 'aria-label': props.label }}
          label={props.label}
          margin="dense"
          fullWidth
          error={!!props.error}
          helperText={props.error}
        />
      )}
    />
  );
}

/**
 * Where a record lives: a datacenter, then a region and a zone among the
 * ones that datacenter declares, and the cloud's instance id (which keeps
 * discovery from creating the server a second time).
 */
export function PlacementInput(props: {
  value: Placement;
  onChange: (value: Placement) => void;
  errors: (path: string) => string | undefined;
  path: string;
}) {
  const api = useApi(maestroApiRef);
  const placement = props.value ?? {};
  const ref = placement.ref as string | undefined;
  const { value: datacenter } = useAsync(
    async () =>
      ref ? api.getRecordByRef(ref).catch(() => undefined) : undefined,
    [api, ref],
  );
  const spec = (datacenter?.entity.spec ?? {}) as {
    provider?: string;
    regions?: string[];
    zones?: string[];
  };
  const set = (key: string, v: unknown) =>
    props.onChange({ ...placement, [key]: v });
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={6}>
        <RefInput
          label="Datacenter"
          multiple={false}
          target={{ plural: 'datacenters' }}
          value={ref}
          error={props.errors(`${props.path}.ref`)}
          onChange={v =>
            props.onChange({ ...placement, ref: v as string | undefined })
          }
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <TextField
          label="Instance id"
          margin="dense"
          fullWidth
          value={(placement.instanceId as string) ?? ''}
          onChange={e => set('instanceId', e.target.value)}
          helperText="The cloud's id; keeps discovery from duplicating it"
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <Choice
          label="Region"
          options={spec.regions ?? []}
          value={placement.region as string | undefined}
          onChange={v =>
            props.onChange({
              ...placement,
              region: v,
              provider: spec.provider ?? placement.provider,
            })
          }
          error={props.errors(`${props.path}.region`)}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <Choice
          label="Zone"
          options={spec.zones ?? []}
          value={placement.zone as string | undefined}
          onChange={v => set('zone', v)}
          error={props.errors(`${props.path}.zone`)}
        />
      </Grid>
    </Grid>
  );
}

/** A datacenter's regions and zones, offered from its provider's in Settings. */
export function RegionsInput(props: {
  spec: Record<string, any>;
  onChange: (spec: Record<string, any>) => void;
  choices: FormChoices;
}) {
  const { spec, choices } = props;
  const byRegion = choices.regions[spec.provider as string] ?? {};
  const regions: string[] = spec.regions ?? [];
  const zoneOptions = regions.flatMap(r => byRegion[r] ?? []);
  const multi = (
    label: string,
    key: 'regions' | 'zones',
    options: string[],
  ) => (
    <Autocomplete<string, true, false, true>
      multiple
      freeSolo
      options={options}
      value={(spec[key] as string[]) ?? []}
      onChange={(_e, v) => props.onChange({ ...spec, [key]: v })}
      renderInput={params => (
        <TextField
          {...params}
          inputProps={{ ...params.inputProps, 'aria-label': label }}
          label={label}
          margin="dense"
          fullWidth
        />
      )}
    />
  );
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={6}>
        {multi('Regions', 'regions', Object.keys(byRegion))}
      </Grid>
      <Grid item xs={12} sm={6}>
        {multi('Zones', 'zones', zoneOptions)}
      </Grid>
    </Grid>
  );
}
