import { useMemo } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  DEFAULT_REGIONS,
  DEFAULT_SERVICES,
  MaestroSettings,
  defaultOptionLists,
} from '@maestro/plugin-maestro-common';
import { maestroApiRef } from '../../api';

/** What the forms offer to pick from: option lists, services, regions. */
export interface FormChoices {
  /** An option list by its dotted name (`environments`, `oracle.role`); `providers` lists the providers of Settings. */
  list(name: string): string[];
  services: string[];
  regions: MaestroSettings['regions'];
}

export function choicesFrom(settings?: Partial<MaestroSettings>): FormChoices {
  const options = { ...defaultOptionLists(), ...(settings?.options ?? {}) };
  const regions = settings?.regions ?? DEFAULT_REGIONS;
  const services = (settings?.services ?? DEFAULT_SERVICES).map(s => s.name);
  return {
    list: name =>
      name === 'providers' ? Object.keys(regions) : options[name] ?? [],
    services,
    regions,
  };
}

/** Form choices, and whether the settings behind them are still loading. */
export interface LoadingFormChoices extends FormChoices {
  loading: boolean;
}

/**
 * The settings as a user edited them; the defaults while they load or when
 * the settings cannot be read, so a form always has its choices.
 */
export function useFormChoices(): LoadingFormChoices {
  const api = useApi(maestroApiRef);
  const { value, loading } = useAsync(
    () => api.getSettings().catch(() => undefined),
    [api],
  );
  // Stable while the settings are: tables rebuild their columns (and lose
  // their filters) when the choices change.
  return useMemo(() => ({ ...choicesFrom(value), loading }), [value, loading]);
}
