import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_DECLARED_SCHEDULE,
  readDeclaredEntitiesConfig,
} from './config';

describe('readDeclaredEntitiesConfig', () => {
  it('copies every minute by default, after a first delay', () => {
    expect(readDeclaredEntitiesConfig(new ConfigReader({}))).toEqual({
      enabled: true,
      schedule: DEFAULT_DECLARED_SCHEDULE,
    });
    expect(DEFAULT_DECLARED_SCHEDULE).toEqual({
      frequency: { minutes: 1 },
      timeout: { minutes: 10 },
      initialDelay: { seconds: 30 },
    });
  });

  it('reads a schedule, and can be switched off', () => {
    const config = readDeclaredEntitiesConfig(
      new ConfigReader({
        maestro: {
          catalog: {
            declaredEntities: {
              enabled: false,
              schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
            },
          },
        },
      }),
    );
    expect(config).toEqual({
      enabled: false,
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
    });
  });

  it('refuses a schedule it cannot read', () => {
    expect(() =>
      readDeclaredEntitiesConfig(
        new ConfigReader({
          maestro: {
            catalog: { declaredEntities: { schedule: { frequency: 'often' } } },
          },
        }),
      ),
    ).toThrow();
  });
});
