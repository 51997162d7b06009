import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  MaestroDefaultRead,
  MaestroPermissionPolicy,
} from './MaestroPermissionPolicy';

/** Sets Maestro's per-record access policy as the portal's permission policy. */
export const permissionModuleMaestroPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'maestro-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        const defaultRead = (config.getOptionalString(
          'maestro.access.defaultRead',
        ) ?? 'signed-in') as MaestroDefaultRead;
        if (!['signed-in', 'restricted'].includes(defaultRead)) {
          throw new Error(
            `maestro.access.defaultRead must be signed-in or restricted, not '${defaultRead}'`,
          );
        }
        policy.setPolicy(new MaestroPermissionPolicy(defaultRead));
      },
    });
  },
});
