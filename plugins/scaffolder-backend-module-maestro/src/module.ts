import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createMaestroEntityAction } from './actions/createEntity';

/** Adds `maestro:entity:create` to the scaffolder. */
export const scaffolderModuleMaestro = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'maestro',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, discovery, auth }) {
        scaffolder.addActions(createMaestroEntityAction({ discovery, auth }));
      },
    });
  },
});
