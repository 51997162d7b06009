import {
  AuthorizeResult,
  PermissionCriteria,
  PermissionCondition,
  PolicyDecision,
  ResourcePermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  MAESTRO_OBJECT_KINDS,
  MAESTRO_OBJECT_RESOURCE_TYPES,
  MAESTRO_RECORD_RESOURCE_TYPE,
  MAESTRO_ROLE_FOR_PERMISSION,
  MaestroAccessRole,
  MaestroObjectKind,
  normalizePrincipal,
} from '@maestro/plugin-maestro-common';
import {
  MAESTRO_CATALOG_READ_RULE,
  createMaestroRecordConditionalDecision,
  maestroObjectConditions,
  maestroRecordConditions,
} from '@maestro/plugin-maestro-node';

export type MaestroDefaultRead = 'signed-in' | 'restricted';

export interface MaestroPolicyOptions {
  /**
   * Portal admins (`maestro.access.admins`): user or group refs whose
   * members hold admin on every record, report, graph and connection.
   */
  admins?: string[];
}

/** Builds the conditional decision of one resource type (records or a kind of object). */
type AccessDecision = (
  permission: ResourcePermission,
  role: MaestroAccessRole,
  claims: string[],
  open: boolean,
) => PolicyDecision;

const recordDecision: AccessDecision = (permission, role, claims, open) => {
  const { hasRole, isUnrestricted } = maestroRecordConditions;
  return createMaestroRecordConditionalDecision(
    permission as ResourcePermission<typeof MAESTRO_RECORD_RESOURCE_TYPE>,
    open
      ? { anyOf: [hasRole({ claims, role }), isUnrestricted()] }
      : hasRole({ claims, role }),
  );
};

function objectDecision(kind: MaestroObjectKind): AccessDecision {
  const { conditions } = maestroObjectConditions[kind];
  return (_permission, role, claims, open) => {
    const hasRole: PermissionCondition = conditions.hasRole({ claims, role });
    const isUnrestricted: PermissionCondition = conditions.isUnrestricted();
    return {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'maestro',
      resourceType: MAESTRO_OBJECT_RESOURCE_TYPES[kind],
      conditions: open ? { anyOf: [hasRole, isUnrestricted] } : hasRole,
    };
  };
}

/** How each access-controlled resource type is decided. */
const DECISIONS: Record<string, AccessDecision> = {
  [MAESTRO_RECORD_RESOURCE_TYPE]: recordDecision,
  ...Object.fromEntries(
    MAESTRO_OBJECT_KINDS.map(kind => [
      MAESTRO_OBJECT_RESOURCE_TYPES[kind],
      objectDecision(kind),
    ]),
  ),
};

/**
 * Maestro's access: the owner of a record, report, graph or connection
 * holds admin; its entries grant read, write or admin to users and teams
 * (a user acts with the roles of its groups, the ownership refs of its
 * sign-in); portal admins hold admin on all of them. Decisions are
 * conditional: lists of records are filtered by the store in SQL, lists
 * of objects by the plugin applying the same rules. Everything else is
 * allowed, as the portal's default policy does.
 */
export class MaestroPermissionPolicy implements PermissionPolicy {
  private readonly admins: ReadonlySet<string>;

  constructor(
    private readonly defaultRead: MaestroDefaultRead,
    options: MaestroPolicyOptions = {},
  ) {
    this.admins = new Set((options.admins ?? []).map(normalizePrincipal));
  }

  private isAdmin(claims: string[]) {
    return claims.some(c => this.admins.has(c.toLowerCase()));
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const claims = user?.info.ownershipEntityRefs ?? [];
    const decide = isResourcePermission(permission)
      ? DECISIONS[permission.resourceType]
      : undefined;
    if (decide && isResourcePermission(permission)) {
      const role = MAESTRO_ROLE_FOR_PERMISSION[permission.name];
      if (!role || !user) return { result: AuthorizeResult.DENY };
      // What lets anyone change a record that has no owner and no entries.
      if (this.isAdmin(claims)) return { result: AuthorizeResult.ALLOW };
      const open = role === 'read' && this.defaultRead === 'signed-in';
      return decide(permission, role, claims, open);
    }
    if (
      isResourcePermission(permission, 'catalog-entity') &&
      permission.attributes.action === 'read' &&
      user
    ) {
      if (this.isAdmin(claims)) return { result: AuthorizeResult.ALLOW };
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
