import {
  PermissionResourceRef,
  PermissionRule,
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  MAESTRO_ACCESS_ROLES,
  MAESTRO_CONNECTION_RESOURCE_TYPE,
  MAESTRO_GRAPH_RESOURCE_TYPE,
  MAESTRO_RECORD_RESOURCE_TYPE,
  MAESTRO_REPORT_RESOURCE_TYPE,
  MaestroAccessEntry,
  MaestroAccessRole,
  MaestroObjectKind,
  roleIncludes,
} from '@maestro/plugin-maestro-common';
import { z } from 'zod';

/** What the access rules look at: an owner and access entries. */
export interface AccessControlled {
  /** Normalised owner ref; the owner holds the admin role. */
  owner?: string;
  entries: MaestroAccessEntry[];
}

/** What a permission rule sees of a record: its owner and access entries. */
export interface AccessibleRecord extends AccessControlled {
  entityRef: string;
}

/** What a permission rule sees of a report, graph or connection. */
export interface AccessibleObject extends AccessControlled {
  kind: MaestroObjectKind;
  id: string;
}

/**
 * The database form of a rule. The store turns it into SQL on the records
 * table, so that a list is filtered in the query, not in memory; objects
 * (tens to hundreds of them) apply the rules in memory instead.
 */
export type MaestroAccessQuery =
  | { type: 'hasRole'; claims: string[]; role: MaestroAccessRole }
  | { type: 'unrestricted' };

/** The database form of a rule on records. */
export type RecordAccessQuery = MaestroAccessQuery;

const hasRoleParams = z.object({
  claims: z
    .array(z.string())
    .describe('Ownership entity refs of the user (the user and its groups)'),
  role: z.enum(
    MAESTRO_ACCESS_ROLES as [MaestroAccessRole, ...MaestroAccessRole[]],
  ),
});
type HasRoleParams = z.infer<typeof hasRoleParams>;

/**
 * The two access rules for one resource type: the same owner-and-entries
 * logic serves records, reports, graphs and connections.
 */
function createAccessRules<
  TResource extends AccessControlled,
  TResourceType extends string,
>(
  resourceRef: PermissionResourceRef<
    TResource,
    MaestroAccessQuery,
    TResourceType
  >,
) {
  // The rules read only what every resource type has (owner, entries):
  // built once on that shape, then typed for the resource type they serve.
  const ref = resourceRef as unknown as PermissionResourceRef<
    AccessControlled,
    MaestroAccessQuery,
    string
  >;
  const hasRole = createPermissionRule({
    name: 'HAS_ROLE',
    description:
      'Allow when one of the claims is the owner or has an access entry with at least the role',
    resourceRef: ref,
    paramsSchema: hasRoleParams,
    apply: (resource, { claims, role }) => {
      const held = new Set(claims.map(c => c.toLowerCase()));
      if (resource.owner && held.has(resource.owner)) return true;
      return resource.entries.some(
        e => held.has(e.principal) && roleIncludes(e.role, role),
      );
    },
    toQuery: ({ claims, role }) => ({
      type: 'hasRole' as const,
      claims: claims.map(c => c.toLowerCase()),
      role,
    }),
  });
  const isUnrestricted = createPermissionRule({
    name: 'IS_UNRESTRICTED',
    description: 'Allow when there are no access entries',
    resourceRef: ref,
    apply: resource => resource.entries.length === 0,
    toQuery: () => ({ type: 'unrestricted' as const }),
  });
  return {
    /** The caller (one of its ownership refs) owns it or holds the role. */
    hasRole: hasRole as unknown as PermissionRule<
      TResource,
      MaestroAccessQuery,
      TResourceType,
      HasRoleParams
    >,
    /** No access entries (the configured default then applies). */
    isUnrestricted: isUnrestricted as unknown as PermissionRule<
      TResource,
      MaestroAccessQuery,
      TResourceType,
      undefined
    >,
  };
}

export const maestroRecordResourceRef = createPermissionResourceRef<
  AccessibleRecord,
  RecordAccessQuery
>().with({ pluginId: 'maestro', resourceType: MAESTRO_RECORD_RESOURCE_TYPE });

export const maestroRecordPermissionRules = createAccessRules(
  maestroRecordResourceRef,
);
export const hasRoleRule = maestroRecordPermissionRules.hasRole;
export const isUnrestrictedRule = maestroRecordPermissionRules.isUnrestricted;

/** Conditions for policies: `maestroRecordConditions.hasRole({claims, role})`. */
export const {
  conditions: maestroRecordConditions,
  createConditionalDecision: createMaestroRecordConditionalDecision,
} = createConditionExports({
  resourceRef: maestroRecordResourceRef,
  rules: maestroRecordPermissionRules,
});

function objectResourceRef<TResourceType extends string>(
  resourceType: TResourceType,
) {
  return createPermissionResourceRef<
    AccessibleObject,
    MaestroAccessQuery
  >().with({ pluginId: 'maestro', resourceType });
}

/**
 * One resource type per kind of object (a report is addressed by its id,
 * as a record is by its entity ref), so a portal's own policy can treat
 * connections, which hold cloud credentials, apart from reports.
 */
export const maestroObjectResourceRefs = {
  report: objectResourceRef(MAESTRO_REPORT_RESOURCE_TYPE),
  graph: objectResourceRef(MAESTRO_GRAPH_RESOURCE_TYPE),
  connection: objectResourceRef(MAESTRO_CONNECTION_RESOURCE_TYPE),
};

/** The rules of each kind of object (the records' rules, on its type). */
export const maestroObjectPermissionRules = {
  report: createAccessRules(maestroObjectResourceRefs.report),
  graph: createAccessRules(maestroObjectResourceRefs.graph),
  connection: createAccessRules(maestroObjectResourceRefs.connection),
};

/**
 * Conditions for policies, by kind of object:
 * `maestroObjectConditions.graph.conditions.hasRole({claims, role})`.
 */
export const maestroObjectConditions = {
  report: createConditionExports({
    resourceRef: maestroObjectResourceRefs.report,
    rules: maestroObjectPermissionRules.report,
  }),
  graph: createConditionExports({
    resourceRef: maestroObjectResourceRefs.graph,
    rules: maestroObjectPermissionRules.graph,
  }),
  connection: createConditionExports({
    resourceRef: maestroObjectResourceRefs.connection,
    rules: maestroObjectPermissionRules.connection,
  }),
};
