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

/** What the caller may do with a record or object. */
export interface MaestroAccessAllowed {
  update: boolean;
  delete: boolean;
  manageAccess: boolean;
}

/** What the access dialog shows and edits, whatever it is the access of. */
export interface MaestroAccess {
  /** The owner, who holds admin. */
  owner?: string;
  entries: MaestroAccessEntry[];
  /** What the caller may do, so the page only offers what is allowed. */
  allowed: MaestroAccessAllowed;
}

/** The access of a record (`/records/by-ref/access`). */
export interface MaestroRecordAccess extends MaestroAccess {
  entityRef: string;
}

/**
 * The other things that have an owner and access entries: saved reports,
 * saved graphs and discovery connections.
 */
export type MaestroObjectKind = 'report' | 'graph' | 'connection';
export const MAESTRO_OBJECT_KINDS: MaestroObjectKind[] = [
  'report',
  'graph',
  'connection',
];

/** The access of a report, graph or connection (`.../:id/access`). */
export interface MaestroObjectAccess extends MaestroAccess {
  kind: MaestroObjectKind;
  id: string;
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

/** The resource types of reports, graphs and connections. */
export const MAESTRO_REPORT_RESOURCE_TYPE = 'maestro-report';
export const MAESTRO_GRAPH_RESOURCE_TYPE = 'maestro-graph';
export const MAESTRO_CONNECTION_RESOURCE_TYPE = 'maestro-connection';

export const MAESTRO_OBJECT_RESOURCE_TYPES = {
  report: MAESTRO_REPORT_RESOURCE_TYPE,
  graph: MAESTRO_GRAPH_RESOURCE_TYPE,
  connection: MAESTRO_CONNECTION_RESOURCE_TYPE,
} as const;

/**
 * The permissions of one kind of object, named `maestro.<kind>.<action>`:
 * read, update (also run, compute, sync), delete and manage access are on
 * the object; create is not (anyone signed in may create one and owns it).
 */
function objectPermissions<TResourceType extends string>(
  kind: MaestroObjectKind,
  resourceType: TResourceType,
) {
  return {
    read: createPermission({
      name: `maestro.${kind}.read`,
      attributes: { action: 'read' },
      resourceType,
    }),
    update: createPermission({
      name: `maestro.${kind}.update`,
      attributes: { action: 'update' },
      resourceType,
    }),
    delete: createPermission({
      name: `maestro.${kind}.delete`,
      attributes: { action: 'delete' },
      resourceType,
    }),
    manageAccess: createPermission({
      name: `maestro.${kind}.access.manage`,
      attributes: { action: 'update' },
      resourceType,
    }),
    create: createPermission({
      name: `maestro.${kind}.create`,
      attributes: { action: 'create' },
    }),
  };
}

/** Saved reports: `maestroReportPermissions.read`, `.update`, ... */
export const maestroReportPermissions = objectPermissions(
  'report',
  MAESTRO_REPORT_RESOURCE_TYPE,
);
/** Saved graphs; update covers recomputing and public share links. */
export const maestroGraphPermissions = objectPermissions(
  'graph',
  MAESTRO_GRAPH_RESOURCE_TYPE,
);
/** Discovery connections; update covers switching tasks on and "sync now". */
export const maestroConnectionPermissions = objectPermissions(
  'connection',
  MAESTRO_CONNECTION_RESOURCE_TYPE,
);

export const MAESTRO_OBJECT_PERMISSIONS = {
  report: maestroReportPermissions,
  graph: maestroGraphPermissions,
  connection: maestroConnectionPermissions,
};

/** The role a record or object permission needs. */
export const MAESTRO_ROLE_FOR_PERMISSION: Record<string, MaestroAccessRole> = {
  [maestroRecordReadPermission.name]: 'read',
  [maestroRecordUpdatePermission.name]: 'write',
  [maestroRecordDeletePermission.name]: 'admin',
  [maestroRecordManageAccessPermission.name]: 'admin',
  ...Object.fromEntries(
    Object.values(MAESTRO_OBJECT_PERMISSIONS).flatMap(
      (p): Array<[string, MaestroAccessRole]> => [
        [p.read.name, 'read'],
        [p.update.name, 'write'],
        [p.delete.name, 'admin'],
        [p.manageAccess.name, 'admin'],
      ],
    ),
  ),
};

export const maestroRecordPermissions = [
  maestroRecordReadPermission,
  maestroRecordUpdatePermission,
  maestroRecordDeletePermission,
  maestroRecordManageAccessPermission,
  maestroRecordCreatePermission,
];

/** Every permission of a kind of object, for its resource type's registration. */
export function maestroObjectPermissionList(kind: MaestroObjectKind) {
  return Object.values(MAESTRO_OBJECT_PERMISSIONS[kind]);
}

/** Every Maestro permission. */
export const maestroPermissions = [
  ...maestroRecordPermissions,
  ...MAESTRO_OBJECT_KINDS.flatMap(maestroObjectPermissionList),
];
