import { Entity } from '@backstage/catalog-model';
import { MAESTRO_FAMILIES } from '@maestro/plugin-maestro-common';
import { FORMS, formOfEntity, formOfFamily, withoutEmpty } from './index';
import { entityToSave, validateDraft } from './validate';

const resource = (family: string, type: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'x' },
  spec: { family, type, owner: 'group:default/ops' },
});

describe('inventory forms', () => {
  it('has a form for every resource family, the same one each time', () => {
    for (const family of MAESTRO_FAMILIES.filter(f => f.type !== 'service')) {
      const form = formOfFamily(family.type);
      expect(form?.initialSpec.family).toBe(family.family);
      expect(formOfFamily(family.type)).toBe(form);
    }
    expect(formOfEntity(resource('Database', 'database'))).toBe(FORMS.database);
    expect(formOfEntity(resource('Loadbalance', 'load-balancer'))).toBe(
      FORMS.loadBalancer,
    );
    expect(formOfEntity(resource('Cache', 'cache'))?.title).toBe('Cache');
    expect(
      formOfEntity({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'g' },
      }),
    ).toBeUndefined();
  });

  it('drops what the user left empty, and titles a server by its hostname', () => {
    const saved = entityToSave(FORMS.server, {
      apiVersion: 'x',
      kind: 'Server',
      metadata: { name: '' },
      spec: {
        hostname: 'web-01',
        ipv4Public: '',
        os: { base: '' },
        storage: [{}, { name: '/dev/xvda', lvm: {} }],
        tags: [],
      },
    });
    expect(saved).toEqual({
      apiVersion: 'maestroserver.io/v1alpha1',
      kind: 'Server',
      metadata: { title: 'web-01' },
      spec: { hostname: 'web-01', storage: [{ name: '/dev/xvda' }] },
    });
    expect(withoutEmpty({ a: [null, ' '] })).toBeUndefined();
  });

  it('finds required fields inside list items and schema errors', () => {
    const errors = validateDraft(FORMS.application, {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x' },
      spec: {
        type: 'service',
        owner: 'group:default/ops',
        lifecycle: 'production',
        dependencies: [{ protocol: 'rest' }],
      },
    });
    expect(errors).toEqual({
      'metadata.title': 'is required',
      'spec.dependencies.0.target': 'is required',
    });
  });
});
