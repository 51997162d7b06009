import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  FieldError,
  MaestroSettings,
  RegionsByProvider,
  ServiceDefinition,
} from '@maestro/plugin-maestro-common';

/**
 * Inventory settings: the services catalog, the option lists of the forms,
 * and the regions and zones of each provider.
 *
 * @public
 */
export interface SettingsApi {
  getSettings(): Promise<MaestroSettings>;
  setOptionList(list: string, values: string[]): Promise<void>;
  setServices(services: ServiceDefinition[]): Promise<void>;
  setRegions(
    provider: string,
    regions: RegionsByProvider[string],
  ): Promise<void>;
}

/**
 * The server refused a change; `fieldErrors` says which entry and why.
 *
 * @public
 */
export class SettingsInputError extends Error {
  constructor(message: string, readonly fieldErrors: FieldError[]) {
    super(message);
    this.name = 'SettingsInputError';
  }
}

/** @public */
export const settingsApiRef = createApiRef<SettingsApi>().with({
  id: 'plugin.maestro.settings',
  pluginId: 'maestro',
});
