import { Entity } from '@backstage/catalog-model';
import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import { FieldDef, KindForm } from './types';
import { getAt, withoutEmpty } from './entityPaths';

/**
 * The entity a form sends: empty inputs dropped, the kind's fixed fields
 * set, and a title for kinds whose form asks a hostname or an API name
 * rather than a name.
 */
export function entityToSave(form: KindForm, draft: Entity): Entity {
  const cleaned = (withoutEmpty(draft) ?? {}) as Entity;
  const spec = { ...(cleaned.spec ?? {}) } as Record<string, any>;
  const metadata = { ...(cleaned.metadata ?? {}) } as Entity['metadata'];
  if (!metadata.title) {
    const fallback = spec.hostname ?? spec.apiName;
    if (fallback) metadata.title = String(fallback);
  }
  return {
    ...cleaned,
    apiVersion: form.apiVersion,
    kind: form.kind,
    metadata,
    spec,
  };
}

function requiredErrors(
  fields: FieldDef[],
  root: unknown,
  base: string,
  out: Record<string, string>,
) {
  for (const field of fields) {
    const path = base ? `${base}.${field.path}` : field.path;
    const value = getAt(root, field.path);
    if (field.required && (value === undefined || value === '')) {
      out[path] = 'is required';
    }
    if (field.type === 'list' && Array.isArray(value)) {
      value.forEach((item, i) =>
        requiredErrors(field.fields, item, `${path}.${i}`, out),
      );
    }
  }
}

/**
 * What the client can tell before saving: required fields, then the kind's
 * JSON schema (the same one the server applies). Field path -> message.
 */
export function validateDraft(
  form: KindForm,
  entity: Entity,
): Record<string, string> {
  const errors: Record<string, string> = {};
  requiredErrors(
    form.sections.flatMap(s => s.fields),
    entity,
    '',
    errors,
  );
  for (const e of validateMaestroEntity(entity)) {
    errors[e.field] ??= e.message;
  }
  return errors;
}

/** The section of the form holding a field path, to switch tabs to the first error. */
export function sectionOf(form: KindForm, path: string): number {
  const index = form.sections.findIndex(s =>
    s.fields.some(
      f =>
        path === f.path ||
        path.startsWith(`${f.path}.`) ||
        (f.type === 'regions' && /^spec\.(regions|zones)/.test(path)),
    ),
  );
  return index < 0 ? 0 : index;
}
