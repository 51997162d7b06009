import { createBackendModule } from '@backstage/backend-plugin-api';
import { maestroDiscoveryExtensionPoint } from '@maestro/plugin-maestro-node';
import { awsDiscoverySource } from './awsSource';

/** Adds the AWS discovery source (connection type `aws`) to Maestro. */
export const maestroModuleAws = createBackendModule({
  pluginId: 'maestro',
  moduleId: 'aws',
  register(env) {
    env.registerInit({
      deps: { discovery: maestroDiscoveryExtensionPoint },
      async init({ discovery }) {
        discovery.addSource(awsDiscoverySource);
      },
    });
  },
});
