import { useState } from 'react';
import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import { FieldError } from '@maestro/plugin-maestro-common';
import { SettingsInputError } from '../../api/settings';

/**
 * Runs a save, keeping the form as it is on failure: the server's field
 * errors come back for the form to show, other errors become an alert.
 */
export function useSaver() {
  const alertApi = useApi(alertApiRef);
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const save = async (what: string, action: () => Promise<void>) => {
    setSaving(true);
    setFieldErrors([]);
    try {
      await action();
      alertApi.post({
        message: `${what} saved`,
        severity: 'success',
        display: 'transient',
      });
      return true;
    } catch (error) {
      if (error instanceof SettingsInputError)
        setFieldErrors(error.fieldErrors);
      else
        alertApi.post({
          message: `Could not save ${what}: ${(error as Error).message}`,
          severity: 'error',
        });
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { saving, fieldErrors, save };
}

/** `values.3` -> { 3: message }: the errors of one list's entries. */
export function entryErrors(fieldErrors: FieldError[], prefix: string) {
  const byIndex: Record<number, string> = {};
  for (const e of fieldErrors) {
    const match = e.field.match(
      new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)`),
    );
    if (match) byIndex[Number(match[1])] = e.message;
  }
  return byIndex;
}
