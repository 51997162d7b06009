import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { createMaestroServices } from './maestroServices';
import { createRouter } from './service/router';
import { loadDemoOnFirstStart } from './import/demoData';
import { maestroFileFormatsExtensionPoint } from '@maestro/plugin-maestro-node';
import { FileFormatRegistry } from './import/files';

/**
 * Maestro's backend: the store of every record, the single write path, the
 * REST API under /api/maestro, history and the Maestro 0.6 importer.
 */
export const maestroPlugin = createBackendPlugin({
  pluginId: 'maestro',
  register(env) {
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
      }) {
        const { store, writePath, importer } = await createMaestroServices({
          config,
          database,
          logger,
          events,
          signals,
        });
        httpRouter.use(
          createRouter({
            store,
            writePath,
            importer,
            httpAuth,
            fileFormats,
            maxUploadBytes: config.getOptionalNumber(
              'maestro.import.maxUploadBytes',
            ),
          }),
        );
        httpRouter.addAuthPolicy({
          path: '/openapi.json',
          allow: 'unauthenticated',
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
