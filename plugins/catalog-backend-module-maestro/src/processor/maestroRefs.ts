import {
  CompoundEntityRef,
  Entity,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { MaestroRelationField } from './maestroRelationFields';

const entityNameRules = makeValidator();

/** One entity reference found in a spec, with the field it came from. */
export interface FoundRef {
  /** Field path with list index, e.g. `spec.dependencies[1].target`. */
  field: string;
  value: unknown;
}

function valueAt(entity: Entity, dottedPath: string): unknown {
  let value: unknown = entity;
  for (const key of dottedPath.split('.')) {
    if (value === null || typeof value !== 'object') {
      return undefined;
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The references a relation field of the entity holds; empty when unset. */
export function findRefs(
  entity: Entity,
  relationField: Pick<MaestroRelationField, 'path' | 'itemKey'>,
): FoundRef[] {
  const { path, itemKey } = relationField;
  const value = valueAt(entity, path);
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    return [{ field: path, value }];
  }
  return value.map((item, index) =>
    itemKey
      ? {
          field: `${path}[${index}].${itemKey}`,
          value:
            item && typeof item === 'object'
              ? (item as Record<string, unknown>)[itemKey]
              : undefined,
        }
      : { field: `${path}[${index}]`, value: item },
  );
}

/**
 * Parses one reference of a spec field. Throws an InputError naming the
 * field when the value is not a well-formed entity reference, so a bad ref
 * is reported on the entity instead of producing a relation to nowhere.
 */
export function parseMaestroRef(
  found: FoundRef,
  context: { defaultKind?: string; defaultNamespace: string },
): CompoundEntityRef {
  const { field, value } = found;
  if (typeof value !== 'string') {
    throw new InputError(`${field} must be an entity reference string`);
  }
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(value, context);
  } catch (error) {
    throw new InputError(
      `${field} is not a valid entity reference: ${(error as Error).message}`,
    );
  }
  // parseEntityRef accepts e.g. `server:default/a/b`; the catalog would never
  // find an entity under such a name.
  if (
    !entityNameRules.isValidKind(ref.kind) ||
    !entityNameRules.isValidNamespace(ref.namespace) ||
    !entityNameRules.isValidEntityName(ref.name)
  ) {
    throw new InputError(
      `${field} is not a valid entity reference: "${value}" does not name an entity as kind:namespace/name`,
    );
  }
  return ref;
}

/**
 * The refs of a field, parsed; malformed ones are left out, as the processor
 * reports them on the entity (or Backstage's builtin processor, for its own
 * fields).
 */
export function parsedRefsAt(
  entity: Entity,
  field: Pick<MaestroRelationField, 'path' | 'itemKey'>,
  context: { defaultKind?: string; defaultNamespace: string },
): Set<string> {
  const refs = new Set<string>();
  for (const found of findRefs(entity, field)) {
    try {
      refs.add(stringifyEntityRef(parseMaestroRef(found, context)));
    } catch {
      // Reported where the entity is processed.
    }
  }
  return refs;
}
