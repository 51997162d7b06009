/** Reading and immutably writing dotted paths of an entity being edited. */

export function getAt(value: unknown, path: string): unknown {
  let current: any = value;
  for (const key of path.split('.')) {
    if (current === undefined || current === null) return undefined;
    current = current[key];
  }
  return current;
}

export function setAt<T>(root: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const source: any = root ?? (/^\d+$/.test(head) ? [] : {});
  const copy: any = Array.isArray(source) ? [...source] : { ...source };
  const key = Array.isArray(copy) ? Number(head) : head;
  copy[key] = rest.length ? setAt(copy[key], rest.join('.'), value) : value;
  return copy;
}

/**
 * Drops what a form leaves empty (blank text, empty lists and objects), so
 * that an untouched optional field is absent rather than invalid.
 */
export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutEmpty).filter(v => v !== undefined);
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, withoutEmpty(v)] as const)
      .filter(([, v]) => {
        if (v === undefined) return false;
        if (Array.isArray(v)) return v.length > 0;
        if (v && typeof v === 'object') return Object.keys(v).length > 0;
        return true;
      });
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  if (typeof value === 'string' && value.trim() === '') return undefined;
  if (value === null) return undefined;
  return value;
}
