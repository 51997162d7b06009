import {
  AuthorizeResult,
  PermissionCriteria,
  PermissionCondition,
  PolicyDecision,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  MAESTRO_RECORD_RESOURCE_TYPE,
  MAESTRO_ROLE_FOR_PERMISSION,
} from '@maestro/plugin-maestro-common';
import {
  MAESTRO_CATALOG_READ_RULE,
  createMaestroRecordConditionalDecision,
  maestroRecordConditions,
} from '@maestro/plugin-maestro-node';

export type MaestroDefaultRead = 'signed-in' | 'restricted';

/**
 * Maestro's per-record access: a record's owner holds admin; its entries
 * grant read, write or admin to users and teams (a user acts with the
 * roles of its groups, the ownership refs of its sign-in). Decisions on
 * records are conditional, so lists are filtered by the store in SQL.
 * Everything that is not a Maestro record is allowed, as the portal's
 * default policy does.
 */
export class MaestroPermissionPolicy implements PermissionPolicy {
  constructor(private readonly defaultRead: MaestroDefaultRead) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const claims = user?.info.ownershipEntityRefs ?? [];
    if (isResourcePermission(permission, MAESTRO_RECORD_RESOURCE_TYPE)) {
      const role = MAESTRO_ROLE_FOR_PERMISSION[permission.name];
      if (!role || !user) return { result: AuthorizeResult.DENY };
      const hasRole = maestroRecordConditions.hasRole({ claims, role });
      const open = role === 'read' && this.defaultRead === 'signed-in';
      return createMaestroRecordConditionalDecision(
        permission,
        open
          ? { anyOf: [hasRole, maestroRecordConditions.isUnrestricted()] }
          : hasRole,
      );
    }
    if (
      isResourcePermission(permission, 'catalog-entity') &&
      permission.attributes.action === 'read' &&
      user
    ) {
      // The same rule on the catalog's copy of the records (lists, entity
      // pages, search); other entities pass the rule untouched.
      const condition: PermissionCriteria<PermissionCondition> = {
        rule: MAESTRO_CATALOG_READ_RULE,
        resourceType: 'catalog-entity',
        params: {
          claims,
          includeUnrestricted: this.defaultRead === 'signed-in',
        },
      };
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: condition,
      };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
