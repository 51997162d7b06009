import { Entity, DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  FieldError,
  MaestroKindInfo,
  findFamily,
  validateMaestroEntity,
} from '@maestro/plugin-maestro-common';

/** An input error that carries every field error, for the API's 400 body. */
export class RecordInputError extends InputError {
  constructor(readonly fieldErrors: FieldError[]) {
    super(
      `Invalid record: ${fieldErrors
        .map(e => `${e.field} ${e.message}`)
        .join('; ')}`,
    );
  }
}

const NAME = /^[a-z0-9A-Z]([a-z0-9A-Z_.-]{0,61}[a-z0-9A-Z])?$/;

/** The name a record shows when it has no title. */
function displayName(spec: Record<string, any>): string | undefined {
  return spec.hostname ?? spec.uniqueId ?? spec.apiName;
}

/**
 * Turns an input (a form, an API body, a crawler's or importer's object)
 * into a typed entity of its kind, or field-level errors. Fills what the
 * kind implies (apiVersion, namespace, the family's type) and validates with
 * the kind's schema.
 */
export function translateRecord(kind: MaestroKindInfo, input: unknown): Entity {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new RecordInputError([
      { field: '(body)', message: 'must be an object' },
    ]);
  }
  const raw = input as Partial<Entity>;
  if (
    raw.kind !== undefined &&
    raw.kind.toLowerCase() !== kind.kind.toLowerCase()
  ) {
    throw new RecordInputError([
      { field: 'kind', message: `must be ${kind.kind}` },
    ]);
  }
  const metadata = { ...(raw.metadata ?? {}) } as Entity['metadata'];
  const spec = { ...((raw.spec ?? {}) as Record<string, any>) };
  metadata.namespace = metadata.namespace || DEFAULT_NAMESPACE;
  if (!metadata.title) {
    const shown = displayName(spec);
    if (shown) metadata.title = String(shown);
  }
  if (kind.kind === 'Resource' && spec.family && !spec.type) {
    spec.type = findFamily(spec.family)?.type;
  }
  if (kind.kind === 'Component' && !spec.family) spec.family = 'Application';
  if (spec.active === undefined && !kind.backstageKind) spec.active = true;

  const entity: Entity = {
    apiVersion: raw.apiVersion ?? kind.apiVersion,
    kind: kind.kind,
    metadata,
    spec,
  };
  const errors: FieldError[] = [];
  if (metadata.name !== undefined && !NAME.test(String(metadata.name))) {
    errors.push({
      field: 'metadata.name',
      message:
        'must be 1-63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
    });
  }
  const schemaErrors = validateMaestroEntity({
    ...entity,
    metadata: { ...metadata, name: metadata.name ?? 'unnamed' },
  });
  errors.push(...schemaErrors);
  // A server's title comes from its hostname: ask for the title only when
  // nothing else is missing, so the user is pointed at the real field.
  if (!metadata.name && !metadata.title && !schemaErrors.length) {
    errors.push({ field: 'metadata.title', message: 'is required' });
  }
  if (errors.length) throw new RecordInputError(errors);
  return entity;
}
