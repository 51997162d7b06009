import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { createMaestroServices } from './maestroServices';
import { createRouter } from './service/router';
import { createReports } from './reports';
import { loadDemoOnFirstStart } from './import/demoData';
import {
  maestroDiscoveryExtensionPoint,
  maestroFileFormatsExtensionPoint,
} from '@maestro/plugin-maestro-node';
import { FileFormatRegistry } from './import/files';
import { CredentialCipher, DiscoveryService } from './discovery';
import { createJobs } from './jobs';
import { MAESTRO_CHANGES_TOPIC } from '@maestro/plugin-maestro-common';
import { PUBLIC_GRAPHS_PATH, createAnalytics } from './analytics';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import {
  maestroRecordPermissionRules,
  maestroRecordResourceRef,
} from '@maestro/plugin-maestro-node';
import { maestroRecordPermissions } from '@maestro/plugin-maestro-common';
import { AccessStore, RecordAccess, createObjectAccess } from './access';
import { MaestroNotifier } from './notify';
import { notificationService } from '@backstage/plugin-notifications-node';

/**
 * Maestro's backend: the store of every record, the single write path, the
 * REST API under /api/maestro, history and the Maestro 0.6 importer.
 */
export const maestroPlugin = createBackendPlugin({
  pluginId: 'maestro',
  register(env) {
    // Discovery sources (AWS, Azure, ...) come from backend modules.
    const discoverySources: Parameters<DiscoveryService['addSource']>[0][] = [];
    env.registerExtensionPoint(maestroDiscoveryExtensionPoint, {
      addSource: source => discoverySources.push(source),
    });
    // File formats (Ansible facts, Terraform state) come from backend modules.
    const fileFormats = new FileFormatRegistry();
    env.registerExtensionPoint(maestroFileFormatsExtensionPoint, {
      addFileFormat: format => fileFormats.add(format),
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        lifecycle: coreServices.lifecycle,
        events: eventsServiceRef,
        signals: signalsServiceRef,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        notifications: notificationService,
      },
      async init({
        config,
        logger,
        database,
        httpRouter,
        httpAuth,
        lifecycle,
        events,
        signals,
        scheduler,
        permissions,
        permissionsRegistry,
        notifications,
      }) {
        const { store, writePath, importer } = await createMaestroServices({
          config,
          database,
          logger,
          events,
          signals,
        });
        // Per-record access: the permission backend asks this plugin to
        // apply its rules to single records; lists apply them as SQL.
        const accessStore = new AccessStore(store.knex);
        permissionsRegistry.addResourceType({
          resourceRef: maestroRecordResourceRef,
          permissions: maestroRecordPermissions,
          rules: Object.values(maestroRecordPermissionRules),
          getResources: refs => accessStore.accessibleRecords(refs),
        });
        const access = new RecordAccess(
          store.knex,
          permissions,
          createConditionTransformer(
            permissionsRegistry.getPermissionRuleset(maestroRecordResourceRef),
          ),
        );
        // Reports, graphs and connections: the same rules, applied in
        // memory to the few objects a request touches.
        const objectAccess = createObjectAccess({
          knex: store.knex,
          permissions,
          permissionsRegistry,
        });
        const notifier = new MaestroNotifier({
          signals,
          notifications,
          logger: logger.child({ feature: 'notifications' }),
        });
        const discovery = new DiscoveryService({
          notifier,
          db: await database.getClient(),
          writePath,
          scheduler,
          cipher: CredentialCipher.fromConfig(config),
          logger: logger.child({ feature: 'discovery' }),
        });
        discoverySources.forEach(source => discovery.addSource(source));
        const analytics = createAnalytics({
          config,
          knex: store.knex,
          store,
          writePath,
          logger: logger.child({ feature: 'analytics' }),
          signals,
        });
        // Saved graphs follow their records: a change asks for a refresh.
        const graphRefresh = await analytics.refresher.start(scheduler);
        await events.subscribe({
          id: 'maestro-analytics',
          topics: [MAESTRO_CHANGES_TOPIC],
          onEvent: async () => graphRefresh.trigger(),
        });
        const jobs = createJobs({
          config,
          knex: store.knex,
          logger: logger.child({ feature: 'jobs' }),
          secretBox: CredentialCipher.fromConfig(config),
        });
        await jobs.jobs.start(scheduler);
        const reports = await createReports({
          config,
          knex: store.knex,
          logger: logger.child({ feature: 'reports' }),
          scheduler,
          notifier,
        });
        httpRouter.use(
          createRouter({
            store,
            writePath,
            importer,
            httpAuth,
            access,
            accessStore,
            objectAccess,
            discovery,
            analytics,
            reports,
            jobs,
            fileFormats,
            maxUploadBytes: config.getOptionalNumber(
              'maestro.import.maxUploadBytes',
            ),
          }),
        );
        // Share links of graphs open without sign-in; the token is checked.
        httpRouter.addAuthPolicy({
          path: PUBLIC_GRAPHS_PATH,
          allow: 'unauthenticated',
        });
        httpRouter.addAuthPolicy({
          path: '/openapi.json',
          allow: 'unauthenticated',
        });

        lifecycle.addStartupHook(async () => {
          await discovery.scheduleAll();
          await discovery.watchConnections(
            config.getOptionalNumber(
              'maestro.discovery.connectionCheckSeconds',
            ) ?? 60,
          );
        });

        const demoDirectory = config.getOptionalString(
          'maestro.demo.directory',
        );
        const demoEnabled =
          config.getOptionalBoolean('maestro.demo.enabled') ?? true;
        if (demoDirectory && demoEnabled) {
          // After start-up, so a slow first import never delays the portal.
          lifecycle.addStartupHook(() =>
            loadDemoOnFirstStart({
              store,
              importer,
              logger,
              directory: demoDirectory,
            }),
          );
        }
      },
    });
  },
});
