import { Entity } from '@backstage/catalog-model';
import { MaestroTag } from '@maestro/plugin-maestro-common';
import { ImportContext } from './context';
import { ReferenceCollection } from './references';

/** A parsed JSON object: a document of an export, or a part of one. */
export type Doc = NonNullable<Entity['spec']>;

export function isPlainObject(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The documents of an array file. Undefined when the file is absent (an
 * export may hold only some files); a file that is not an array, and items
 * that are not objects, are errors and yield nothing.
 */
export function documentsOf(
  ctx: ImportContext,
  files: Record<string, unknown>,
  file: string,
): Array<{ doc: Doc; index: number }> | undefined {
  const content = files[file];
  if (content === undefined) return undefined;
  if (!Array.isArray(content)) {
    ctx.error(file, undefined, undefined, 'must be a JSON array of documents');
    return [];
  }
  const docs: Array<{ doc: Doc; index: number }> = [];
  content.forEach((doc, index) => {
    if (isPlainObject(doc)) docs.push({ doc, index });
    else ctx.error(file, index, undefined, 'must be a JSON object');
  });
  return docs;
}

/** `ip_permissions` -> `ipPermissions`; keys already camelCased stay. */
export function camelCase(key: string): string {
  return key.replace(/_+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The fields of `doc` except `omit`, with camelCased top-level keys. */
export function camelCaseKeys(doc: Doc, omit: readonly string[] = []): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!omit.includes(key) && value !== undefined && value !== null) {
      out[camelCase(key)] = value;
    }
  }
  return out;
}

/** Drops undefined fields so that entities serialise the same every time. */
export function compact<T extends Doc>(obj: T): T {
  for (const key of Object.keys(obj)) {
    if (obj[key] === undefined) delete obj[key];
  }
  return obj;
}

/** Maestro 0.6 marks retired records with the status `Inactive`. */
export function isActiveStatus(status: string | undefined): boolean {
  return status?.toLowerCase() !== 'inactive';
}

/**
 * Reads the fields of one document, reporting each wrong type against the
 * file, index and field. Null counts as absent, as in 0.6's forms.
 */
export class DocumentReader {
  constructor(
    private readonly ctx: ImportContext,
    readonly file: string,
    readonly index: number,
    readonly doc: Doc,
  ) {}

  error(field: string | undefined, message: string) {
    this.ctx.error(this.file, this.index, field, message);
  }

  private value(key: string): unknown {
    const v = this.doc[key];
    return v === null ? undefined : v;
  }

  string(key: string, required = false): string | undefined {
    const v = this.value(key);
    if (typeof v === 'string' && v.trim()) return v;
    if (typeof v === 'number') return String(v);
    if (v === undefined || v === '') {
      if (required) this.error(key, 'is required');
    } else {
      this.error(key, `must be a string, got ${JSON.stringify(v)}`);
    }
    return undefined;
  }

  /** Numbers may come as numeric strings ("4") from hand-edited exports. */
  number(key: string): number | undefined {
    const v = this.value(key);
    if (v === undefined || v === '') return undefined;
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n === 'number' && Number.isFinite(n)) return n;
    this.error(key, `must be a number, got ${JSON.stringify(v)}`);
    return undefined;
  }

  boolean(key: string): boolean | undefined {
    const v = this.value(key);
    if (v === undefined || typeof v === 'boolean') return v;
    this.error(key, `must be true or false, got ${JSON.stringify(v)}`);
    return undefined;
  }

  list(key: string): unknown[] | undefined {
    const v = this.value(key);
    if (v === undefined || Array.isArray(v)) return v;
    this.error(key, 'must be a list');
    return undefined;
  }

  object(key: string): Doc | undefined {
    const v = this.value(key);
    if (v === undefined || isPlainObject(v)) return v;
    this.error(key, 'must be an object');
    return undefined;
  }

  stringList(key: string): string[] | undefined {
    const items = this.list(key);
    if (!items) return undefined;
    const out: string[] = [];
    items.forEach((item, i) => {
      if (typeof item === 'string') out.push(item);
      else this.error(`${key}[${i}]`, 'must be a string');
    });
    return out;
  }

  /** Tags as `{ key, value }`; a value that is not a scalar is kept as JSON. */
  tags(key = 'tags'): MaestroTag[] | undefined {
    const items = this.list(key);
    if (!items) return undefined;
    const tags: MaestroTag[] = [];
    items.forEach((item, i) => {
      const tagKey = isPlainObject(item) ? item.key : undefined;
      if (typeof tagKey !== 'string' || !tagKey) {
        this.error(`${key}[${i}].key`, 'is required');
        return;
      }
      const value = (item as Doc).value;
      if (value === undefined || value === null) tags.push({ key: tagKey });
      else if (typeof value === 'string') tags.push({ key: tagKey, value });
      else tags.push({ key: tagKey, value: JSON.stringify(value) });
    });
    return tags;
  }

  /** One `#name::` reference (`"datacenters": "#name::AWS"`). */
  reference(collection: ReferenceCollection, key: string): string | undefined {
    const v = this.value(key);
    if (v === undefined || v === '') return undefined;
    // A list is accepted too: 0.6 wrote some single references as lists.
    if (Array.isArray(v)) return this.references(collection, key)[0];
    return this.resolve(collection, v, key);
  }

  /** A list of `#name::` references; unresolvable ones are errors. */
  references(collection: ReferenceCollection, key: string): string[] {
    const v = this.value(key);
    if (v === undefined) return [];
    const items = Array.isArray(v) ? v : [v];
    const refs: string[] = [];
    items.forEach((item, i) => {
      const field = Array.isArray(v) ? `${key}[${i}]` : key;
      const ref = this.resolve(collection, item, field);
      if (ref && !refs.includes(ref)) refs.push(ref);
    });
    return refs;
  }

  private resolve(
    collection: ReferenceCollection,
    value: unknown,
    field: string,
  ) {
    const resolved = this.ctx.names.resolve(collection, value);
    if ('ref' in resolved) return resolved.ref;
    this.error(field, resolved.problem);
    return undefined;
  }
}
