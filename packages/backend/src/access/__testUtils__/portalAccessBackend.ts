import { Server } from 'node:http';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import searchPlugin from '@backstage/plugin-search-backend';
import searchModuleCatalog from '@backstage/plugin-search-backend-module-catalog';
import searchModulePg from '@backstage/plugin-search-backend-module-pg';
import catalogModuleMaestro from '@maestro/plugin-catalog-backend-module-maestro';
import maestroPlugin from '@maestro/plugin-maestro-backend';
import maestroPolicy from '@maestro/plugin-permission-backend-module-maestro-policy';
import {
  TestTeams,
  authKeepingActorServiceFactory,
  directoryUserInfoServiceFactory,
} from '@maestro/plugin-maestro-node/testUtils';

/** Each plugin its own fresh database of the given engine, as in a portal. */
function databasePerPlugin(databases: TestDatabases, id: TestDatabaseId) {
  const clients = new Map<string, ReturnType<TestDatabases['init']>>();
  return createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }) => ({
      getClient() {
        const pluginId = plugin.getId();
        if (!clients.has(pluginId)) {
          clients.set(pluginId, databases.init(id));
        }
        return clients.get(pluginId)!;
      },
    }),
  });
}

/**
 * The portal's catalog, search and permission backends with Maestro, its
 * catalog module and its access policy (wired as packages/backend/src/index.ts
 * does), on test databases. Scheduled work (the catalog's pull from Maestro,
 * the search index) runs only when the test triggers it on `scheduler`.
 */
export async function startPortalAccessBackend(opts: {
  databases: TestDatabases;
  databaseId: TestDatabaseId;
  defaultRead: 'signed-in' | 'restricted';
  teams: TestTeams;
  config?: Record<string, any>;
}): Promise<{
  server: Server;
  stop(): Promise<void>;
  scheduler: ReturnType<typeof mockServices.scheduler>;
}> {
  const scheduler = mockServices.scheduler();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleMaestro,
      maestroPlugin,
      permissionPlugin,
      maestroPolicy,
      searchPlugin,
      // PostgreSQL engine on PostgreSQL, Lunr otherwise, as in the portal.
      searchModulePg,
      searchModuleCatalog,
      authKeepingActorServiceFactory,
      // The real HTTP auth, so that requests authenticate through the above.
      httpAuthServiceFactory,
      directoryUserInfoServiceFactory(opts.teams),
      databasePerPlugin(opts.databases, opts.databaseId),
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
      }),
      mockServices.rootConfig.factory({
        data: {
          ...opts.config,
          permission: { enabled: true },
          maestro: { access: { defaultRead: opts.defaultRead } },
        },
      }),
    ],
  });
  return {
    server: backend.server,
    stop: () => backend.stop(),
    scheduler,
  };
}
