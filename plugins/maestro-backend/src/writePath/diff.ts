import { DiffEntry } from '@maestro/plugin-maestro-common';
import { deepEqual } from './canonical';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Field-level differences between two documents. Objects are walked down to
 * their leaves; arrays are compared as a whole (a storage list changed).
 */
export function diffDocuments(
  before: unknown,
  after: unknown,
  path = '',
): DiffEntry[] {
  if (deepEqual(before, after)) return [];
  // A created or removed object is listed field by field, like a changed one.
  const from = before === undefined && isPlainObject(after) ? {} : before;
  const to = after === undefined && isPlainObject(before) ? {} : after;
  if (isPlainObject(from) && isPlainObject(to)) {
    const keys = [
      ...new Set([...Object.keys(from), ...Object.keys(to)]),
    ].sort();
    return keys.flatMap(k =>
      diffDocuments(from[k], to[k], path ? `${path}.${k}` : k),
    );
  }
  const entry: DiffEntry = { path };
  if (before !== undefined) entry.before = before;
  if (after !== undefined) entry.after = after;
  return [entry];
}
