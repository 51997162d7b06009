import { createBackendModule } from '@backstage/backend-plugin-api';
import { maestroDiscoveryExtensionPoint } from '@maestro/plugin-maestro-node';
import { digitalOceanDiscoverySource } from './digitalOceanSource';

/** Adds the DigitalOcean discovery source (connection type `digitalocean`) to Maestro. */
export const maestroModuleDigitalOcean = createBackendModule({
  pluginId: 'maestro',
  moduleId: 'digitalocean',
  register(env) {
    env.registerInit({
      deps: { discovery: maestroDiscoveryExtensionPoint },
      async init({ discovery }) {
        discovery.addSource(digitalOceanDiscoverySource);
      },
    });
  },
});
