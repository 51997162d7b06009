import { Entity } from '@backstage/catalog-model';
import { MAESTRO_FAMILIES, findFamily } from '@maestro/plugin-maestro-common';
import { KindForm } from './types';
import { serverForm } from './server';
import { applicationForm } from './application';
import { databaseForm } from './database';
import { loadBalancerForm } from './loadBalancer';
import { resourceForm } from './resource';
import { systemForm } from './system';
import { clientForm } from './client';
import { datacenterForm } from './datacenter';
import { volumeForm } from './volume';
import { snapshotForm } from './snapshot';
import { imageForm } from './image';
import { networkForm } from './network';
import { flavorForm } from './flavor';

export type { FieldDef, FormSection, KindForm, RefTarget } from './types';
export { getAt, setAt, withoutEmpty } from './entityPaths';

const BY_KIND: Record<string, KindForm> = {
  server: serverForm,
  component: applicationForm,
  system: systemForm,
  client: clientForm,
  datacenter: datacenterForm,
  volume: volumeForm,
  snapshot: snapshotForm,
  image: imageForm,
  network: networkForm,
  flavor: flavorForm,
};

// One form object per family, so a dialog sees the same form on every render.
const familyForms = new Map<string, KindForm>();

/** The form of a resource family (`database`, `load-balancer`, `cache`...). */
export function formOfFamily(type: string): KindForm | undefined {
  if (type === 'database') return databaseForm;
  if (type === 'load-balancer') return loadBalancerForm;
  const family = MAESTRO_FAMILIES.find(f => f.type === type);
  if (!family || family.type === 'service') return undefined;
  if (!familyForms.has(type)) familyForms.set(type, resourceForm(family));
  return familyForms.get(type);
}

/** The form that edits an entity, or undefined for kinds without one (teams). */
export function formOfEntity(entity: Entity): KindForm | undefined {
  const kind = entity.kind.toLowerCase();
  if (kind === 'resource') {
    const spec = (entity.spec ?? {}) as { type?: string; family?: string };
    const family =
      findFamily(spec.family ?? '') ?? findFamily(String(spec.type ?? ''));
    return formOfFamily(family?.type ?? 'corporate');
  }
  return BY_KIND[kind];
}

export const FORMS = {
  server: serverForm,
  application: applicationForm,
  database: databaseForm,
  loadBalancer: loadBalancerForm,
  system: systemForm,
  client: clientForm,
  datacenter: datacenterForm,
  volume: volumeForm,
  snapshot: snapshotForm,
  image: imageForm,
  network: networkForm,
  flavor: flavorForm,
};
