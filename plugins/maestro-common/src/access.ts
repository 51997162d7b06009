import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { createPermission } from '@backstage/plugin-permission-common';

/** The resource type of Maestro records in the permission framework. */
export const MAESTRO_RECORD_RESOURCE_TYPE = 'maestro-record';

/**
 * A role on a record, each including the ones before it: read; write
 * (read + update); admin (write + delete + change access).
 */
export type MaestroAccessRole = 'read' | 'write' | 'admin';
export const MAESTRO_ACCESS_ROLES: MaestroAccessRole[] = [
  'read',
  'write',
  'admin',
];

/** One entry of a record's access list. */
export interface MaestroAccessEntry {
  /** A User or Group entity ref, e.g. `group:default/ops`. */
  principal: string;
  role: MaestroAccessRole;
}

/** What the access dialog shows and edits. */
export interface MaestroRecordAccess {
  entityRef: string;
  owner?: string;
  entries: MaestroAccessEntry[];
  /** What the caller may do, so the page only offers what is allowed. */
  allowed: { update: boolean; delete: boolean; manageAccess: boolean };
}

/** True when `held` includes what `needed` allows. */
export function roleIncludes(
  held: MaestroAccessRole,
  needed: MaestroAccessRole,
) {
  return (
    MAESTRO_ACCESS_ROLES.indexOf(held) >= MAESTRO_ACCESS_ROLES.indexOf(needed)
  );
}

/**
 * A principal or owner as a full, lower-case entity ref. Owners without a
 * kind are groups, as in Backstage's `spec.owner`.
 */
export function normalizePrincipal(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    }),
  ).toLowerCase();
}

export const maestroRecordReadPermission = createPermission({
  name: 'maestro.record.read',
  attributes: { action: 'read' },
  resourceType: MAESTRO_RECORD_RESOURCE_TYPE,
});

export const maestroRecordUpdatePermission = createPermission({
  name: 'maestro.record.update',
  attributes: { action: 'update' },
  resourceType: MAESTRO_RECORD_RESOURCE_TYPE,
});

export const maestroRecordDeletePermission = createPermission({
  name: 'maestro.record.delete',
  attributes: { action: 'delete' },
  resourceType: MAESTRO_RECORD_RESOURCE_TYPE,
});

/** Changing a record's owner or access entries. */
export const maestroRecordManageAccessPermission = createPermission({
  name: 'maestro.record.access.manage',
  attributes: { action: 'update' },
  resourceType: MAESTRO_RECORD_RESOURCE_TYPE,
});

export const maestroRecordCreatePermission = createPermission({
  name: 'maestro.record.create',
  attributes: { action: 'create' },
});

/** The role a record permission needs. */
export const MAESTRO_ROLE_FOR_PERMISSION: Record<string, MaestroAccessRole> = {
  [maestroRecordReadPermission.name]: 'read',
  [maestroRecordUpdatePermission.name]: 'write',
  [maestroRecordDeletePermission.name]: 'admin',
  [maestroRecordManageAccessPermission.name]: 'admin',
};

export const maestroPermissions = [
  maestroRecordReadPermission,
  maestroRecordUpdatePermission,
  maestroRecordDeletePermission,
  maestroRecordManageAccessPermission,
  maestroRecordCreatePermission,
];
