import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { MaestroEntityProcessor } from './processor/MaestroEntityProcessor';
import { SharedTargetRelations } from './processor/SharedTargetRelations';
import { MaestroEntityProvider } from './provider/MaestroEntityProvider';
import { DeclaredEntitySync } from './declaredEntities/DeclaredEntitySync';
import {
  maestroCatalogReadRule,
  useSqliteWriteAheadLog,
} from '@maestro/plugin-maestro-node';

/**
 * Catalog module for Maestro: validates the Maestro kinds, emits their
 * relations, and mirrors the Maestro store into the catalog.
 *
 * @public
 */
export const catalogModuleMaestro = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'maestro',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalogApi: catalogServiceRef,
      },
      async init({
        catalog,
        config,
        permissionsRegistry,
        catalogApi,
        ...services
      }) {
        // On SQLite the catalog commits several transactions per entity it
        // processes, each with an fsync unless the file is in WAL mode.
        await useSqliteWriteAheadLog(await services.database.getClient());
        // Maestro's per-record access on the catalog's copies of records.
        permissionsRegistry.addPermissionRules([maestroCatalogReadRule]);
        catalog.addProcessor(
          new MaestroEntityProcessor(
            new SharedTargetRelations(await services.database.getClient()),
          ),
        );
        catalog.addEntityProvider(
          MaestroEntityProvider.fromConfig(config, services),
        );
        // The other way: catalog-declared entities into Maestro's reports.
        await DeclaredEntitySync.fromConfig(config, {
          ...services,
          catalog: catalogApi,
        })?.start();
      },
    });
  },
});
