import { Entity } from '@backstage/catalog-model';
import {
  MAESTRO_API_VERSION,
  MAESTRO_OWN_KINDS,
  findMaestroKind,
} from '@maestro/plugin-maestro-common';

/**
 * Backstage kinds that Maestro extends with fields of its own. The catalog's
 * builtin processor owns these kinds; Maestro only adds to them.
 */
export const MAESTRO_EXTENDED_KINDS = ['Component', 'Resource', 'System'];

/**
 * The spec fields Backstage itself defines for each extended kind. Any other
 * spec field of such an entity belongs to Maestro.
 */
const BACKSTAGE_SPEC_FIELDS: Record<string, ReadonlySet<string>> = {
  Component: new Set([
    'type',
    'lifecycle',
    'owner',
    'system',
    'subcomponentOf',
    'providesApis',
    'consumesApis',
    'dependsOn',
    'dependencyOf',
  ]),
  Resource: new Set(['type', 'owner', 'dependsOn', 'dependencyOf', 'system']),
  System: new Set(['owner', 'domain', 'type']),
};

/** True for the kinds that Maestro defines (Server, Datacenter, ...). */
export function isMaestroOwnKind(entity: Entity): boolean {
  return MAESTRO_OWN_KINDS.includes(entity.kind);
}

/** True when the entity claims Maestro's own API version. */
export function hasMaestroApiVersion(entity: Entity): boolean {
  return entity.apiVersion === MAESTRO_API_VERSION;
}

/** True for a Component, Resource or System. */
export function isMaestroExtendedKind(entity: Entity): boolean {
  return MAESTRO_EXTENDED_KINDS.includes(entity.kind);
}

/**
 * The Maestro spec fields an entity of an extended kind carries, derived from
 * the kind's JSON schema in maestro-common so the two never drift apart.
 * Empty for a plain Backstage Component, Resource or System.
 */
export function maestroFieldsOf(entity: Entity): string[] {
  const backstageFields = BACKSTAGE_SPEC_FIELDS[entity.kind];
  const schemaFields = specPropertiesOf(entity.kind);
  if (!backstageFields || !entity.spec) {
    return [];
  }
  return Object.keys(entity.spec).filter(
    field => schemaFields.has(field) && !backstageFields.has(field),
  );
}

/** True when a Component, Resource or System carries Maestro fields. */
export function carriesMaestroFields(entity: Entity): boolean {
  return isMaestroExtendedKind(entity) && maestroFieldsOf(entity).length > 0;
}

function specPropertiesOf(kind: string): ReadonlySet<string> {
  const schema = findMaestroKind(kind)?.schema as
    | { properties?: { spec?: { properties?: Record<string, unknown> } } }
    | undefined;
  return new Set(Object.keys(schema?.properties?.spec?.properties ?? {}));
}
