import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  maestro?: {
    /**
     * How the Maestro store is mirrored into the catalog
     * (`@maestro/plugin-catalog-backend-module-maestro`).
     */
    catalog?: {
      /**
       * Kinds the store publishes to the catalog. Optional; by default every
       * kind is published. Kinds left out stay in Maestro's own pages and are
       * removed from the catalog if they were published before. Names are
       * kind names in any case (`Server`) or Maestro's plurals (`servers`).
       *
       * @example ['Datacenter', 'Server', 'Component', 'Resource', 'System', 'Client', 'Group']
       */
      kinds?: string[];
      /**
       * How often the provider checks the change feed even when no
       * `maestro.changes` event arrived; a safety net for missed events.
       * Optional; default `{ frequency: { seconds: 30 }, timeout: { minutes: 10 } }`.
       * With several backend replicas one of them runs it per period.
       *
       * @example { frequency: { minutes: 1 }, timeout: { minutes: 10 } }
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * The other direction: entities of Maestro's kinds that the catalog
       * got elsewhere (catalog-info.yaml files, organisation providers) are
       * copied, read-only, to the Maestro backend, so that its reports
       * cover them. Entities Maestro published are never copied back.
       */
      declaredEntities?: {
        /**
         * Whether to copy them. Optional; default true.
         */
        enabled?: boolean;
        /**
         * How often the catalog is compared with Maestro's copy. Optional;
         * default `{ frequency: { minutes: 1 }, timeout: { minutes: 10 },
         * initialDelay: { seconds: 30 } }`. With several backend replicas
         * one of them runs it per period.
         *
         * @example { frequency: { minutes: 5 }, timeout: { minutes: 10 } }
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
