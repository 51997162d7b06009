import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
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

  private async call<T>(method: string, path: string, body?: unknown) {
    const base = await this.deps.discoveryApi.getBaseUrl('maestro');
    const response = await this.deps.fetchApi.fetch(`${base}${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.status === 400) {
      const payload = await response.json().catch(() => ({}));
      if (Array.isArray(payload.fieldErrors))
        throw new SettingsInputError(
          payload.error?.message ?? 'Invalid settings',
          payload.fieldErrors,
        );
    }
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
