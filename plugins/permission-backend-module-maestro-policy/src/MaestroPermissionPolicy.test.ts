import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  maestroConnectionPermissions,
  maestroGraphPermissions,
  maestroRecordDeletePermission,
  maestroRecordManageAccessPermission,
  maestroRecordReadPermission,
  maestroRecordUpdatePermission,
  maestroReportPermissions,
} from '@maestro/plugin-maestro-common';
import {
  maestroCatalogReadRule,
  maestroObjectPermissionRules,
  maestroRecordPermissionRules,
} from '@maestro/plugin-maestro-node';
import { MaestroPermissionPolicy } from './MaestroPermissionPolicy';

const erin = {
  identity: {
    type: 'user' as const,
    userEntityRef: 'user:default/erin',
    ownershipEntityRefs: ['user:default/erin', 'group:default/ops'],
  },
  token: 't',
  info: {
    userEntityRef: 'user:default/erin',
    ownershipEntityRefs: ['user:default/erin', 'group:default/ops'],
  },
} as any;

/** Evaluates a conditional decision's criteria on one resource with the real rules. */
function evaluate(
  criteria: any,
  resource: any,
  rules: Record<string, any>,
): boolean {
  if (criteria.anyOf)
    return criteria.anyOf.some((c: any) => evaluate(c, resource, rules));
  if (criteria.allOf)
    return criteria.allOf.every((c: any) => evaluate(c, resource, rules));
  if (criteria.not) return !evaluate(criteria.not, resource, rules);
  return rules[criteria.rule].apply(resource, criteria.params);
}

const recordRules = Object.fromEntries(
  Object.values(maestroRecordPermissionRules).map(r => [r.name, r]),
);

/** A user with the given ownership refs (itself first). */
function signedIn(...ownershipEntityRefs: string[]) {
  const info = { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs };
  return {
    identity: { type: 'user' as const, ...info },
    token: 't',
    info,
  } as any;
}

describe('MaestroPermissionPolicy', () => {
  it('reads: owner, entries (with team claims) and, when open, records without entries', async () => {
    const open = await new MaestroPermissionPolicy('signed-in').handle(
      { permission: maestroRecordReadPermission },
      erin,
    );
    expect(open.result).toBe(AuthorizeResult.CONDITIONAL);
    const criteria = (open as any).conditions;
    const record = (owner: string | undefined, entries: any[]) => ({
      entityRef: 'server:default/x',
      owner,
      entries,
    });
    expect(
      evaluate(criteria, record('group:default/ops', []), recordRules),
    ).toBe(true);
    expect(evaluate(criteria, record(undefined, []), recordRules)).toBe(true);
    expect(
      evaluate(
        criteria,
        record('user:default/ada', [
          { principal: 'user:default/bob', role: 'admin' },
        ]),
        recordRules,
      ),
    ).toBe(false);

    const restricted = await new MaestroPermissionPolicy('restricted').handle(
      { permission: maestroRecordReadPermission },
      erin,
    );
    expect(
      evaluate(
        (restricted as any).conditions,
        record(undefined, []),
        recordRules,
      ),
    ).toBe(false);
  });

  it('deletes only with admin: a write entry is not enough', async () => {
    const decision = await new MaestroPermissionPolicy('signed-in').handle(
      { permission: maestroRecordDeletePermission },
      erin,
    );
    const criteria = (decision as any).conditions;
    const withRole = (role: string) => ({
      entityRef: 'server:default/x',
      owner: 'user:default/ada',
      entries: [{ principal: 'group:default/ops', role }],
    });
    expect(evaluate(criteria, withRole('write'), recordRules)).toBe(false);
    expect(evaluate(criteria, withRole('admin'), recordRules)).toBe(true);
  });

  it('denies record permissions to callers without a user', async () => {
    const decision = await new MaestroPermissionPolicy('signed-in').handle({
      permission: maestroRecordReadPermission,
    });
    expect(decision.result).toBe(AuthorizeResult.DENY);
  });

  it('filters the catalog copies of records and lets other entities through', async () => {
    const decision = await new MaestroPermissionPolicy('restricted').handle(
      {
        permission: {
          type: 'resource',
          name: 'catalog.entity.read',
          attributes: { action: 'read' },
          resourceType: 'catalog-entity',
        },
      },
      erin,
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
    });
    const rules = { [maestroCatalogReadRule.name]: maestroCatalogReadRule };
    const criteria = (decision as any).conditions;
    const component = {
      kind: 'Component',
      metadata: { name: 'web' },
      spec: {},
    };
    const record = (access: any[], owner?: string) => ({
      kind: 'Server',
      metadata: {
        name: 'x',
        annotations: { 'maestroserver.io/access-controlled': 'true' },
      },
      spec: { access },
      relations: owner ? [{ type: 'ownedBy', targetRef: owner }] : [],
    });
    expect(evaluate(criteria, component, rules)).toBe(true);
    expect(
      evaluate(
        criteria,
        record([{ principal: 'group:default/ops', role: 'read' }]),
        rules,
      ),
    ).toBe(true);
    expect(evaluate(criteria, record([], 'user:default/erin'), rules)).toBe(
      true,
    );
    expect(evaluate(criteria, record([]), rules)).toBe(false);
    // The same rule as a catalog query: a search filter, never a scan.
    expect(maestroCatalogReadRule.toQuery(criteria.params)).toEqual({
      anyOf: [
        {
          not: {
            key: 'metadata.annotations.maestroserver.io/access-controlled',
          },
        },
        {
          key: 'relations.ownedBy',
          values: ['user:default/erin', 'group:default/ops'],
        },
        {
          key: 'spec.access.principal',
          values: ['user:default/erin', 'group:default/ops'],
        },
      ],
    });
  });

  describe('reports, graphs and connections', () => {
    const object = (owner: string | undefined, entries: any[]) => ({
      kind: 'report',
      id: 'r1',
      owner,
      entries,
    });

    it('decides them on their own resource types with the same rules as records', async () => {
      const policy = new MaestroPermissionPolicy('restricted');
      const cases = [
        [maestroReportPermissions, 'maestro-report', 'report'],
        [maestroGraphPermissions, 'maestro-graph', 'graph'],
        [maestroConnectionPermissions, 'maestro-connection', 'connection'],
      ] as const;
      for (const [permissions, resourceType, kind] of cases) {
        const rules = Object.fromEntries(
          Object.values(maestroObjectPermissionRules[kind]).map(r => [
            r.name,
            r,
          ]),
        );
        const decide = async (permission: any) => {
          const decision = await policy.handle({ permission }, erin);
          expect(decision).toMatchObject({
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'maestro',
            resourceType,
          });
          return (resource: any) =>
            evaluate((decision as any).conditions, resource, rules);
        };
        const read = await decide(permissions.read);
        const update = await decide(permissions.update);
        const remove = await decide(permissions.delete);
        const manage = await decide(permissions.manageAccess);
        const writer = object('user:default/ada', [
          { principal: 'group:default/ops', role: 'write' },
        ]);
        expect([read, update, remove, manage].map(f => f(writer))).toEqual([
          true,
          true,
          false,
          false,
        ]);
        const owned = object('user:default/erin', []);
        expect([read, update, remove, manage].map(f => f(owned))).toEqual([
          true,
          true,
          true,
          true,
        ]);
        // Restricted: an object without entries is its owner's alone.
        expect(read(object('user:default/ada', []))).toBe(false);
      }
    });

    it('lets every signed-in user read those without entries under signed-in, and only read', async () => {
      const policy = new MaestroPermissionPolicy('signed-in');
      const rules = Object.fromEntries(
        Object.values(maestroObjectPermissionRules.graph).map(r => [r.name, r]),
      );
      const read = await policy.handle(
        { permission: maestroGraphPermissions.read },
        erin,
      );
      const update = await policy.handle(
        { permission: maestroGraphPermissions.update },
        erin,
      );
      const unrestricted = object('user:default/ada', []);
      const restricted = object('user:default/ada', [
        { principal: 'user:default/bob', role: 'read' },
      ]);
      expect(evaluate((read as any).conditions, unrestricted, rules)).toBe(
        true,
      );
      expect(evaluate((read as any).conditions, restricted, rules)).toBe(false);
      expect(evaluate((update as any).conditions, unrestricted, rules)).toBe(
        false,
      );
    });

    it('leaves creating one open to signed-in users', async () => {
      const policy = new MaestroPermissionPolicy('restricted');
      for (const permission of [
        maestroReportPermissions.create,
        maestroGraphPermissions.create,
        maestroConnectionPermissions.create,
      ]) {
        expect((await policy.handle({ permission }, erin)).result).toBe(
          AuthorizeResult.ALLOW,
        );
      }
      expect(
        (await policy.handle({ permission: maestroReportPermissions.read }))
          .result,
      ).toBe(AuthorizeResult.DENY);
    });
  });

  describe('portal admins (maestro.access.admins)', () => {
    const policy = new MaestroPermissionPolicy('restricted', {
      admins: ['group:default/Maestro-Admins', 'user:default/root'],
    });

    it('allow members of an admin group everything on records and objects', async () => {
      const member = signedIn(
        'user:default/zoe',
        'group:default/maestro-admins',
      );
      for (const permission of [
        maestroRecordReadPermission,
        maestroRecordUpdatePermission,
        maestroRecordDeletePermission,
        maestroRecordManageAccessPermission,
        maestroReportPermissions.delete,
        maestroGraphPermissions.manageAccess,
        maestroConnectionPermissions.update,
      ]) {
        expect((await policy.handle({ permission }, member)).result).toBe(
          AuthorizeResult.ALLOW,
        );
      }
      // The catalog's copies of the records too.
      const catalogRead = await policy.handle(
        {
          permission: {
            type: 'resource',
            name: 'catalog.entity.read',
            attributes: { action: 'read' },
            resourceType: 'catalog-entity',
          },
        },
        member,
      );
      expect(catalogRead.result).toBe(AuthorizeResult.ALLOW);
      expect(
        (
          await policy.handle(
            { permission: maestroRecordDeletePermission },
            signedIn('user:default/root'),
          )
        ).result,
      ).toBe(AuthorizeResult.ALLOW);
    });

    it('give others only what owner and entries grant', async () => {
      const decision = await policy.handle(
        { permission: maestroRecordUpdatePermission },
        erin,
      );
      expect(decision.result).toBe(AuthorizeResult.CONDITIONAL);
      // A record without owner and entries: nobody but the admins.
      expect(
        evaluate(
          (decision as any).conditions,
          { entityRef: 'server:default/x', entries: [] },
          recordRules,
        ),
      ).toBe(false);
    });
  });
});
