import { createBackendModule } from '@backstage/backend-plugin-api';
import { maestroDiscoveryExtensionPoint } from '@maestro/plugin-maestro-node';
import { azureDiscoverySource } from './azureSource';

/** Adds the Azure discovery source (connection type `azure`) to Maestro. */
export const maestroModuleAzure = createBackendModule({
  pluginId: 'maestro',
  moduleId: 'azure',
  register(env) {
    env.registerInit({
      deps: { discovery: maestroDiscoveryExtensionPoint },
      async init({ discovery }) {
        discovery.addSource(azureDiscoverySource);
      },
    });
  },
});
