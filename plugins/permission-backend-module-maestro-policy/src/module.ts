import {
  RootConfigService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { normalizePrincipal } from '@maestro/plugin-maestro-common';
import {
  MaestroDefaultRead,
  MaestroPermissionPolicy,
} from './MaestroPermissionPolicy';

/** `maestro.access.admins`, each a user or group ref (a bare name is a group). */
export function readAdmins(config: RootConfigService): string[] {
  const admins = config.getOptionalStringArray('maestro.access.admins') ?? [];
  return admins.map((ref, i) => {
    let admin: string;
    try {
      admin = normalizePrincipal(ref);
    } catch (error) {
      throw new Error(
        `maestro.access.admins[${i}] is not an entity ref: ${
          (error as Error).message
        }`,
      );
    }
    const kind = admin.slice(0, admin.indexOf(':'));
    if (kind !== 'user' && kind !== 'group') {
      throw new Error(
        `maestro.access.admins[${i}] must be a user or a group, not a ${kind}`,
      );
    }
    return admin;
  });
}

/** Sets Maestro's access policy as the portal's permission policy. */
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
        policy.setPolicy(
          new MaestroPermissionPolicy(defaultRead, {
            admins: readAdmins(config),
          }),
        );
      },
    });
  },
});
