import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';

/**
 * One user or group, picked by name among the catalog's principals or typed
 * as an entity ref (e.g. a team not in the catalog yet); the server checks it.
 */
export function PrincipalPicker(props: {
  id: string;
  label: string;
  value: string;
  principals: string[];
  onChange(value: string): void;
  error?: string;
  helperText?: string;
}) {
  return (
    <Autocomplete
      freeSolo
      options={props.principals}
      // Both controlled: the input would otherwise reset to an empty value.
      value={props.value || null}
      inputValue={props.value}
      onChange={(_e, value) => props.onChange(value ?? '')}
      onInputChange={(_e, value) => props.onChange(value)}
      renderInput={params => (
        <TextField
          {...params}
          id={props.id}
          label={props.label}
          fullWidth
          margin="dense"
          error={!!props.error}
          helperText={props.error ?? props.helperText}
        />
      )}
    />
  );
}
