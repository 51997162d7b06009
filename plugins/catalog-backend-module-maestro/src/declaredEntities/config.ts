import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/** How catalog-declared entities are copied to Maestro (`maestro.catalog.declaredEntities`). */
export interface DeclaredEntitiesConfig {
  enabled: boolean;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

export const DEFAULT_DECLARED_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 1 },
    timeout: { minutes: 10 },
    // The catalog's own API must be up before the first listing.
    initialDelay: { seconds: 30 },
  };

export function readDeclaredEntitiesConfig(
  config: Config,
): DeclaredEntitiesConfig {
  const section = config.getOptionalConfig('maestro.catalog.declaredEntities');
  const schedule = section?.getOptionalConfig('schedule');
  return {
    enabled: section?.getOptionalBoolean('enabled') ?? true,
    schedule: schedule
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
      : DEFAULT_DECLARED_SCHEDULE,
  };
}
