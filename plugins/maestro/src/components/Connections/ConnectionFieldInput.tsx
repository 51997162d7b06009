import { TextField } from '@material-ui/core';
import { ConnectionType } from '../../api/connections';

type Field = ConnectionType['fields'][number];

/** Secrets whose value spans lines: an SSH private key, a PEM certificate. */
export function isMultilineField(field: Field) {
  return !!field.multiline || field.name.includes('privateKey');
}

// A textarea cannot be type="password"; the browser masks it like one.
const MASKED = { WebkitTextSecurity: 'disc' } as React.CSSProperties;

/**
 * One field of a connection's type. Secrets are never shown back: empty
 * keeps the stored value. Multi-line secrets are a masked textarea, so the
 * line breaks of a pasted key survive (a password input drops them).
 */
export function ConnectionFieldInput(props: {
  field: Field;
  value: string;
  /** The secret is stored: leaving it empty keeps it. */
  kept: boolean;
  error?: string;
  onChange(value: string): void;
}) {
  const { field, kept, error } = props;
  const multiline = !!field.secret && isMultilineField(field);
  return (
    <TextField
      id={`connection-field-${field.name}`}
      label={field.title}
      type={field.secret && !multiline ? 'password' : 'text'}
      multiline={multiline}
      minRows={multiline ? 4 : undefined}
      autoComplete="off"
      inputProps={
        multiline
          ? { spellCheck: false, autoCapitalize: 'off', style: MASKED }
          : undefined
      }
      fullWidth
      margin="dense"
      required={field.required && !kept}
      value={props.value}
      error={!!error}
      helperText={
        error ?? (kept ? 'Stored; leave empty to keep it' : field.description)
      }
      onChange={e => props.onChange(e.target.value)}
    />
  );
}
