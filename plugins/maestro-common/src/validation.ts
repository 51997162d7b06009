import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Entity } from '@backstage/catalog-model';
import { findMaestroKind } from './kinds';

/** One problem with one field of an entity. */
export interface FieldError {
  /** Dotted path of the field, e.g. `spec.storage.0.size`. */
  field: string;
  message: string;
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

function validatorFor(kind: string): ValidateFunction | undefined {
  const info = findMaestroKind(kind);
  if (!info) return undefined;
  let fn = compiled.get(info.kind);
  if (!fn) {
    fn = ajv.compile(info.schema);
    compiled.set(info.kind, fn);
  }
  return fn;
}

function toFieldError(e: ErrorObject): FieldError {
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (e.keyword === 'required') {
    const missing = (e.params as { missingProperty: string }).missingProperty;
    return {
      field: path ? `${path}.${missing}` : missing,
      message: 'is required',
    };
  }
  if (e.keyword === 'enum') {
    const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
    return { field: path, message: `must be one of ${allowed.join(', ')}` };
  }
  return { field: path || '(entity)', message: e.message ?? 'is invalid' };
}

/**
 * Validates an entity of a Maestro kind (or the Maestro fields of a
 * Component, Resource, System or Group). Returns field-level errors; an empty
 * list means valid. Entities of kinds Maestro does not know are not checked.
 */
export function validateMaestroEntity(entity: Entity): FieldError[] {
  const validate = validatorFor(entity.kind);
  if (!validate) return [];
  if (validate(entity)) return [];
  return (validate.errors ?? []).map(toFieldError);
}

/** Formats field errors as one line, e.g. for the catalog's error reporting. */
export function formatFieldErrors(errors: FieldError[]): string {
  return errors.map(e => `${e.field} ${e.message}`).join('; ');
}
