import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  MAESTRO_ACCESS_ROLES,
  MAESTRO_RECORD_RESOURCE_TYPE,
  MaestroAccessEntry,
  MaestroAccessRole,
  roleIncludes,
} from '@maestro/plugin-maestro-common';
import { z } from 'zod';

/** What a permission rule sees of a record: its owner and access entries. */
export interface AccessibleRecord {
  entityRef: string;
  /** Normalised owner ref; the owner holds the admin role. */
  owner?: string;
  entries: MaestroAccessEntry[];
}

/**
 * The database form of a rule, which the store turns into SQL on the
 * records table, so that a list is filtered in the query, not in memory.
 */
export type RecordAccessQuery =
  | { type: 'hasRole'; claims: string[]; role: MaestroAccessRole }
  | { type: 'unrestricted' };

export const maestroRecordResourceRef = createPermissionResourceRef<
  AccessibleRecord,
  RecordAccessQuery
>().with({ pluginId: 'maestro', resourceType: MAESTRO_RECORD_RESOURCE_TYPE });

/** The caller (one of its ownership refs) owns the record or holds the role. */
export const hasRoleRule = createPermissionRule({
  name: 'HAS_ROLE',
  description:
    'Allow when one of the claims owns the record or has an access entry with at least the role',
  resourceRef: maestroRecordResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Ownership entity refs of the user (the user and its groups)'),
    role: z.enum(
      MAESTRO_ACCESS_ROLES as [MaestroAccessRole, ...MaestroAccessRole[]],
    ),
  }),
  apply: (record, { claims, role }) => {
    const held = new Set(claims.map(c => c.toLowerCase()));
    if (record.owner && held.has(record.owner)) return true;
    return record.entries.some(
      e => held.has(e.principal) && roleIncludes(e.role, role),
    );
  },
  toQuery: ({ claims, role }) => ({
    type: 'hasRole' as const,
    claims: claims.map(c => c.toLowerCase()),
    role,
  }),
});

/** The record has no access entries (the configured default then applies). */
export const isUnrestrictedRule = createPermissionRule({
  name: 'IS_UNRESTRICTED',
  description: 'Allow when the record has no access entries',
  resourceRef: maestroRecordResourceRef,
  apply: record => record.entries.length === 0,
  toQuery: () => ({ type: 'unrestricted' as const }),
});

export const maestroRecordPermissionRules = {
  hasRole: hasRoleRule,
  isUnrestricted: isUnrestrictedRule,
};

/** Conditions for policies: `maestroRecordConditions.hasRole({claims, role})`. */
export const {
  conditions: maestroRecordConditions,
  createConditionalDecision: createMaestroRecordConditionalDecision,
} = createConditionExports({
  resourceRef: maestroRecordResourceRef,
  rules: maestroRecordPermissionRules,
});
