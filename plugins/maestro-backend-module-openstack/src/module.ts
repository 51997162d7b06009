import { createBackendModule } from '@backstage/backend-plugin-api';
import { maestroDiscoveryExtensionPoint } from '@maestro/plugin-maestro-node';
import { openstackDiscoverySource } from './openstackSource';

/** Adds the OpenStack discovery source (connection type `openstack`) to Maestro. */
export const maestroModuleOpenStack = createBackendModule({
  pluginId: 'maestro',
  moduleId: 'openstack',
  register(env) {
    env.registerInit({
      deps: { discovery: maestroDiscoveryExtensionPoint },
      async init({ discovery }) {
        discovery.addSource(openstackDiscoverySource);
      },
    });
  },
});
