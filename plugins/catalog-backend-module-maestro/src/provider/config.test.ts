import { ConfigReader } from '@backstage/config';
import { DEFAULT_SCHEDULE, readMaestroCatalogConfig } from './config';

describe('readMaestroCatalogConfig', () => {
  it('publishes every kind every 30 seconds by default', () => {
    expect(readMaestroCatalogConfig(new ConfigReader({}))).toEqual({
      kinds: undefined,
      schedule: DEFAULT_SCHEDULE,
    });
    expect(DEFAULT_SCHEDULE).toEqual({
      frequency: { seconds: 30 },
      timeout: { minutes: 10 },
    });
  });

  it('reads kinds by name or plural, in any case', () => {
    const config = readMaestroCatalogConfig(
      new ConfigReader({
        maestro: {
          catalog: { kinds: ['Server', 'datacenter', 'applications'] },
        },
      }),
    );
    expect([...config.kinds!].sort()).toEqual([
      'Component',
      'Datacenter',
      'Server',
    ]);
  });

  it('rejects an unknown kind', () => {
    expect(() =>
      readMaestroCatalogConfig(
        new ConfigReader({ maestro: { catalog: { kinds: ['Sever'] } } }),
      ),
    ).toThrow(/"Sever" is not a kind/);
  });

  it('reads the schedule', () => {
    const config = readMaestroCatalogConfig(
      new ConfigReader({
        maestro: {
          catalog: {
            schedule: { frequency: { minutes: 5 }, timeout: 'PT2M' },
          },
        },
      }),
    );
    expect(config.schedule.frequency).toEqual({ minutes: 5 });
    expect(config.schedule.timeout).toBeDefined();
  });
});
