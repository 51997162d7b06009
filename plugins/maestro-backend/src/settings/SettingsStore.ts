import { Knex } from 'knex';
import {
  DEFAULT_REGIONS,
  DEFAULT_SERVICES,
  MaestroSettings,
  RegionsByProvider,
  ServiceDefinition,
  defaultOptionLists,
} from '@maestro/plugin-maestro-common';

const TABLE = 'maestro_settings';

/** Row keys: `option:<list>`, `services`, `regions:<provider>`. */
const optionKey = (list: string) => `option:${list}`;
const regionsKey = (provider: string) => `regions:${provider}`;

/**
 * The settings a user changed, over the defaults of maestro-common. Each
 * section is one row, so two people editing different lists never collide.
 */
export class SettingsStore {
  constructor(private readonly db: Knex) {}

  async read(): Promise<MaestroSettings> {
    const rows: Array<{ key: string; value: string }> = await this.db(
      TABLE,
    ).select('key', 'value');
    const options = defaultOptionLists();
    let services: ServiceDefinition[] = DEFAULT_SERVICES.map(s => ({
      ...s,
      families: [...s.families],
    }));
    const regions: RegionsByProvider = structuredClone(DEFAULT_REGIONS);
    for (const row of rows) {
      const value = JSON.parse(row.value);
      if (row.key === 'services') services = value;
      else if (row.key.startsWith('option:')) options[row.key.slice(7)] = value;
      else if (row.key.startsWith('regions:')) {
        const provider = row.key.slice(8);
        if (Object.keys(value).length) regions[provider] = value;
        else delete regions[provider];
      }
    }
    return { options, services, regions };
  }

  setOptionList(list: string, values: string[], actor: string) {
    return this.put(optionKey(list), values, actor);
  }

  setServices(services: ServiceDefinition[], actor: string) {
    return this.put('services', services, actor);
  }

  /** An empty object removes the provider's regions (defaults included). */
  setRegions(
    provider: string,
    regions: RegionsByProvider[string],
    actor: string,
  ) {
    return this.put(regionsKey(provider), regions, actor);
  }

  private async put(key: string, value: unknown, actor: string) {
    const row = {
      key,
      value: JSON.stringify(value),
      updated_at: new Date().toISOString(),
      updated_by: actor,
    };
    await this.db(TABLE).insert(row).onConflict('key').merge();
  }
}
