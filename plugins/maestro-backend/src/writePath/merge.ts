import { Entity } from '@backstage/catalog-model';
import {
  MANUAL_SOURCE_TYPES,
  WriteSource,
  formatSource,
} from '@maestro/plugin-maestro-common';
import { deepEqual } from './canonical';
import { entityFields, entityFromFields } from './fieldPaths';

/**
 * `replace`: the input is the whole record (a form or API PUT): fields it
 * leaves out are removed. `merge`: the input carries what one source knows
 * (a crawler, an import): other fields stay.
 */
export type MergeMode = 'replace' | 'merge';

function isManual(source: string | undefined): boolean {
  if (!source) return false;
  const type = source.split(':')[0];
  return (MANUAL_SOURCE_TYPES as string[]).includes(type);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

export interface MergeResult {
  entity: Entity;
  fieldSources: Record<string, string>;
}

/**
 * Merges an incoming entity into the stored one, field by field, each field
 * remembering the source that last set it. An automatic source never
 * overwrites a field a person set: a manual edit survives the next crawl.
 */
export function mergeRecord(opts: {
  existing?: { entity: Entity; fieldSources: Record<string, string> };
  incoming: Entity;
  identity: { namespace: string; name: string };
  source: WriteSource;
  mode: MergeMode;
}): MergeResult {
  const { existing, incoming, source, mode } = opts;
  const sourceText = formatSource(source);
  const manual = isManual(sourceText);
  const before = existing ? entityFields(existing.entity) : new Map();
  const oldSources = existing?.fieldSources ?? {};
  const incomingFields = entityFields(incoming);

  const fields = new Map<string, unknown>(mode === 'replace' ? [] : before);
  const fieldSources: Record<string, string> = {};
  if (mode === 'merge') Object.assign(fieldSources, oldSources);

  for (const [path, incomingValue] of incomingFields) {
    if (!manual && isManual(oldSources[path]) && before.has(path)) continue;
    // A source replaces what it said before, but only adds to what another
    // source said of the same object (Ansible's datacenter ref does not
    // erase the instance type Terraform or a crawler recorded).
    const value =
      mode === 'merge' &&
      oldSources[path] !== sourceText &&
      isPlainObject(before.get(path)) &&
      isPlainObject(incomingValue)
        ? { ...(before.get(path) as object), ...(incomingValue as object) }
        : incomingValue;
    fields.set(path, value);
    fieldSources[path] =
      before.has(path) && deepEqual(before.get(path), value) && oldSources[path]
        ? oldSources[path]
        : sourceText;
  }
  for (const path of Object.keys(fieldSources)) {
    if (!fields.has(path)) delete fieldSources[path];
  }

  return {
    entity: entityFromFields(
      {
        apiVersion: incoming.apiVersion,
        kind: incoming.kind,
        ...opts.identity,
      },
      fields,
    ),
    fieldSources,
  };
}
