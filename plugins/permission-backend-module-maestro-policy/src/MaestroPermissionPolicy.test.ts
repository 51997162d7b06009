import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  maestroRecordDeletePermission,
  maestroRecordReadPermission,
} from '@maestro/plugin-maestro-common';
import {
  maestroCatalogReadRule,
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
});
