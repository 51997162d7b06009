import {
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { Knex } from 'knex';
import {
  MAESTRO_OBJECT_KINDS,
  MaestroObjectKind,
  maestroObjectPermissionList,
} from '@maestro/plugin-maestro-common';
import {
  maestroObjectPermissionRules,
  maestroObjectResourceRefs,
} from '@maestro/plugin-maestro-node';
import { ObjectAccess, ObjectAuthorizer } from './ObjectAccess';
import { ObjectAccessStore } from './ObjectAccessStore';

/**
 * Registers reports, graphs and connections with the permission framework
 * (their permissions, the access rules, and how the permission backend
 * loads one by id) and answers the access checks the routes make, which
 * apply the registered rules to each object in memory.
 */
export function createObjectAccess(deps: {
  knex: Knex;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
}): ObjectAccess {
  const store = new ObjectAccessStore(deps.knex);
  const authorizers = {} as Record<MaestroObjectKind, ObjectAuthorizer>;
  for (const kind of MAESTRO_OBJECT_KINDS) {
    const resourceRef = maestroObjectResourceRefs[kind];
    deps.permissionsRegistry.addResourceType({
      resourceRef,
      permissions: maestroObjectPermissionList(kind),
      rules: Object.values(maestroObjectPermissionRules[kind]),
      getResources: ids => store.resources(kind, ids),
    });
    authorizers[kind] = createConditionAuthorizer(
      deps.permissionsRegistry.getPermissionRuleset(resourceRef),
    );
  }
  return new ObjectAccess(store, deps.permissions, authorizers);
}
