import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { findMaestroKind } from '@maestro/plugin-maestro-common';

/** How the Maestro entity provider is configured (`maestro.catalog`). */
export interface MaestroCatalogConfig {
  /**
   * Kinds published to the catalog, by their exact kind name; undefined
   * publishes every kind the store holds.
   */
  kinds?: ReadonlySet<string>;
  /** Safety-net schedule of the pull; events trigger it in between. */
  schedule: SchedulerServiceTaskScheduleDefinition;
}

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { seconds: 30 },
  timeout: { minutes: 10 },
};

/**
 * Reads `maestro.catalog`. Kinds may be written in any case or as the
 * plural of Maestro's API (`servers`); an unknown kind fails the start, as a
 * typo would otherwise silently unpublish it.
 */
export function readMaestroCatalogConfig(config: Config): MaestroCatalogConfig {
  const catalogConfig = config.getOptionalConfig('maestro.catalog');
  const kindNames = catalogConfig?.getOptionalStringArray('kinds');
  const scheduleConfig = catalogConfig?.getOptionalConfig('schedule');

  return {
    kinds: kindNames ? new Set(kindNames.map(toKindName)) : undefined,
    schedule: scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_SCHEDULE,
  };
}

function toKindName(name: string): string {
  const info = findMaestroKind(name);
  if (!info) {
    throw new Error(
      `Invalid maestro.catalog.kinds: "${name}" is not a kind the Maestro store holds`,
    );
  }
  return info.kind;
}
