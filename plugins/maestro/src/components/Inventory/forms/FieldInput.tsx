import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { FieldDef } from './types';
import { getAt, setAt } from './entityPaths';
import { RefInput } from './RefInput';
import { PlacementInput, RegionsInput } from './PlacementInput';
import { FormChoices } from '../useFormChoices';

export interface FieldInputProps {
  field: FieldDef;
  /** The object `field.path` is relative to: the entity, or a list item. */
  root: any;
  /** Full path of `root` in the entity (`''` or `spec.storage.0`), for errors. */
  basePath: string;
  onChange: (root: any) => void;
  /** Field errors by full path, from the client's checks and the server. */
  errors: Record<string, string>;
  choices: FormChoices;
}

const join = (base: string, path: string) => (base ? `${base}.${path}` : path);

/** The error of a field, or of anything under it (`spec.os` for `spec.os.version`). */
export function errorAt(errors: Record<string, string>, path: string) {
  if (errors[path]) return errors[path];
  const nested = Object.keys(errors).find(k => k.startsWith(`${path}.`));
  return nested
    ? `${nested.slice(path.length + 1)} ${errors[nested]}`
    : undefined;
}

function itemSummary(template: string, item: any) {
  return template
    .replace(/\{(\w+)\}/g, (_m, key) => {
      const v = item?.[key];
      return v === undefined || v === null ? '' : String(v);
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function JsonInput(props: {
  label: string;
  value: unknown;
  onChange: (v: unknown) => void;
  error?: string;
}) {
  const [text, setText] = useState(
    props.value === undefined ? '' : JSON.stringify(props.value, null, 2),
  );
  const [invalid, setInvalid] = useState(false);
  return (
    <TextField
      label={props.label}
      multiline
      minRows={2}
      fullWidth
      margin="dense"
      value={text}
      error={invalid || !!props.error}
      helperText={invalid ? 'Not a JSON object yet' : props.error}
      onChange={e => {
        setText(e.target.value);
        if (!e.target.value.trim()) {
          setInvalid(false);
          props.onChange(undefined);
          return;
        }
        try {
          const parsed = JSON.parse(e.target.value);
          const isObject =
            parsed && typeof parsed === 'object' && !Array.isArray(parsed);
          setInvalid(!isObject);
          if (isObject) props.onChange(parsed);
        } catch {
          setInvalid(true);
        }
      }}
    />
  );
}

/** One field of a form, drawn by its type. */
export function FieldInput(props: FieldInputProps) {
  const { field, root, basePath, onChange, errors, choices } = props;
  const fullPath = join(basePath, field.path);
  const value = field.type === 'regions' ? root?.spec : getAt(root, field.path);
  const set = (v: unknown) => onChange(setAt(root, field.path, v));
  const error = errorAt(errors, fullPath);
  const common = {
    label: field.label,
    required: field.required,
    error: !!error,
    helperText: error ?? field.helperText,
    fullWidth: true,
    margin: 'dense' as const,
    inputProps: { 'aria-label': field.label },
  };
  const options = (names: string | readonly string[] | undefined) =>
    typeof names === 'string' ? choices.list(names) : [...(names ?? [])];

  switch (field.type) {
    case 'text':
    case 'textarea':
      return (
        <TextField
          {...common}
          multiline={field.type === 'textarea'}
          value={value === undefined || value === null ? '' : String(value)}
          onChange={e => set(e.target.value)}
        />
      );
    case 'number':
      return (
        <TextField
          {...common}
          type="number"
          value={value === undefined || value === null ? '' : String(value)}
          onChange={e =>
            set(e.target.value === '' ? undefined : Number(e.target.value))
          }
        />
      );
    case 'boolean':
      return (
        <>
          <FormControlLabel
            label={field.label}
            control={
              <Checkbox
                checked={value === true}
                onChange={e => set(e.target.checked)}
                inputProps={{ 'aria-label': field.label }}
              />
            }
          />
          {error && <FormHelperText error>{error}</FormHelperText>}
        </>
      );
    case 'select':
    case 'service': {
      const list =
        field.type === 'service' ? choices.services : options(field.options);
      const free = field.type === 'service' || field.free;
      return (
        <Autocomplete<string, false, false, boolean>
          freeSolo={free}
          options={list}
          value={(value as string | undefined) ?? null}
          onChange={(_e, v) => set(v ?? undefined)}
          onInputChange={(_e, v, reason) => {
            if (free && reason === 'input') set(v || undefined);
          }}
          renderInput={params => (
            <TextField
              {...params}
              {...common}
              inputProps={{ ...params.inputProps, 'aria-label': field.label }}
            />
          )}
        />
      );
    }
    case 'strings':
      return (
        <Autocomplete<string, true, false, true>
          multiple
          freeSolo
          options={options(field.options)}
          value={(value as string[] | undefined) ?? []}
          onChange={(_e, v) => set(v.length ? v : undefined)}
          renderInput={params => (
            <TextField
              {...params}
              {...common}
              inputProps={{ ...params.inputProps, 'aria-label': field.label }}
              helperText={error ?? field.helperText ?? 'Type and press Enter'}
            />
          )}
        />
      );
    case 'ref':
    case 'refs':
      return (
        <RefInput
          label={field.label}
          target={field.target}
          multiple={field.type === 'refs'}
          value={value as string | string[] | undefined}
          onChange={set}
          error={error}
          helperText={field.helperText}
          required={field.required}
        />
      );
    case 'json':
      return (
        <JsonInput
          label={field.label}
          value={value}
          onChange={set}
          error={error}
        />
      );
    case 'placement':
      return (
        <PlacementInput
          path={fullPath}
          value={value as Record<string, unknown> | undefined}
          onChange={set}
          errors={p => errorAt(errors, p)}
        />
      );
    case 'regions':
      return (
        <RegionsInput
          spec={(root?.spec as Record<string, any>) ?? {}}
          choices={choices}
          onChange={spec => onChange({ ...root, spec })}
        />
      );
    case 'list': {
      const items = (value as any[] | undefined) ?? [];
      const setItem = (i: number, item: any) =>
        set(items.map((old, j) => (i === j ? item : old)));
      return (
        <Box>
          <Typography variant="subtitle2">
            {items.length} {field.label}
          </Typography>
          {error && !errors[`${fullPath}.0`] && (
            <FormHelperText error>{error}</FormHelperText>
          )}
          {items.map((item, i) => (
            <Box
              key={i}
              border={1}
              borderColor="divider"
              borderRadius={4}
              p={1}
              my={1}
              data-testid={`${fullPath}.${i}`}
            >
              <Box display="flex" alignItems="center">
                <Typography variant="body2" style={{ flexGrow: 1 }}>
                  {itemSummary(field.itemLabel, item) || `#${i + 1}`}
                </Typography>
                <IconButton
                  size="small"
                  aria-label={`Remove ${field.label} ${i + 1}`}
                  onClick={() => set(items.filter((_x, j) => j !== i))}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Box>
              <Grid container spacing={1}>
                {field.fields.map(sub => (
                  <Grid
                    item
                    xs={12}
                    sm={sub.width ?? 6}
                    key={`${sub.path}:${sub.label}`}
                  >
                    <FieldInput
                      field={sub}
                      root={item}
                      basePath={`${fullPath}.${i}`}
                      onChange={next => setItem(i, next)}
                      errors={errors}
                      choices={choices}
                    />
                  </Grid>
                ))}
              </Grid>
            </Box>
          ))}
          <Button
            size="small"
            color="primary"
            onClick={() => set([...items, {}])}
          >
            Add {field.label.toLowerCase()}
          </Button>
        </Box>
      );
    }
    default:
      return null;
  }
}
