import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { requestJson } from '../requestJson';
import {
  MaestroSettings,
  RegionsByProvider,
  ServiceDefinition,
} from '@maestro/plugin-maestro-common';
import { SettingsApi, SettingsInputError } from './SettingsApi';

/**
 * Default {@link SettingsApi}, on the maestro backend plugin's `/settings`.
 *
 * @public
 */
export class SettingsClient implements SettingsApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async getSettings(): Promise<MaestroSettings> {
    return this.call('GET', '/settings');
  }

  async setOptionList(list: string, values: string[]) {
    await this.call('PUT', `/settings/options/${encodeURIComponent(list)}`, {
      values,
    });
  }

  async setServices(services: ServiceDefinition[]) {
    await this.call('PUT', '/settings/services', { services });
  }

  async setRegions(provider: string, regions: RegionsByProvider[string]) {
    await this.call(
      'PUT',
      `/settings/regions/${encodeURIComponent(provider)}`,
      {
        regions,
      },
    );
  }

  private call<T = void>(method: string, path: string, body?: unknown) {
    return requestJson<T>(
      this.deps,
      method,
      path,
      body,
      (message, errors) => new SettingsInputError(message, errors),
    );
  }
}
