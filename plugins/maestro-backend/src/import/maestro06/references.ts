/**
 * Names and references. Maestro 0.6 documents point at each other by display
 * name (`"#name::WebServer Maestro"`); entities point at each other by entity
 * ref (`component:default/webserver-maestro`). A `metadata.name` is the
 * entity's identity forever, so the slug rules here must stay stable: the same
 * title always gives the same name, and collisions are settled by file order.
 */

import { nameWithSuffix, slugify } from '@maestro/plugin-maestro-common';

export const NAME_REFERENCE_PREFIX = '#name::';
const NAMESPACE = 'default';

export { slugify };

/** `server`, `i-0abc` -> `server:default/i-0abc`. */
export function entityRef(kind: string, name: string): string {
  return `${kind.toLowerCase()}:${NAMESPACE}/${name}`;
}

/**
 * The Maestro name a reference points at: `"#name::X"` or an embedded
 * `{ name: "X" }` (as 0.6 stored some references). Undefined if neither.
 */
export function parseNameReference(value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (!value.startsWith(NAME_REFERENCE_PREFIX)) return undefined;
    const name = value.slice(NAME_REFERENCE_PREFIX.length).trim();
    return name || undefined;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    // deps.json edges are `{ name: "#name::X" }`; older exports `{ name: "X" }`.
    const name = (value as { name?: unknown }).name;
    if (typeof name !== 'string') return undefined;
    return name.startsWith(NAME_REFERENCE_PREFIX)
      ? parseNameReference(name)
      : name.trim() || undefined;
  }
  return undefined;
}

/** The groups of documents that `#name::` references can point into. */
export type ReferenceCollection =
  | 'datacenters'
  | 'clients'
  | 'systems'
  | 'apps';

/**
 * Hands out unique `metadata.name`s per kind and remembers which entity ref
 * each Maestro document name became, per collection.
 */
export class EntityNames {
  private readonly taken = new Map<string, Set<string>>();
  private readonly refs = new Map<string, Map<string, string>>();

  /**
   * Claims a name for an entity of `kind`. `wanted` is slugified unless it
   * is already a valid name; a taken name gets `-2`, `-3`... (shortened to
   * keep within 63 characters), so the first document in file order keeps
   * the plain slug.
   */
  claim(kind: string, wanted: string): string {
    const used = this.usedNames(kind);
    const base = slugify(wanted);
    let name = base;
    for (let n = 2; used.has(name); n++) {
      name = nameWithSuffix(base, n);
    }
    used.add(name);
    return name;
  }

  /** True when `name` is already used by an entity of `kind`. */
  isTaken(kind: string, name: string): boolean {
    return this.usedNames(kind).has(name);
  }

  /**
   * Records that the document called `maestroName` became `ref`. The first
   * document of a name wins, as a lookup by name in 0.6 returned the first.
   */
  register(collection: ReferenceCollection, maestroName: string, ref: string) {
    let byName = this.refs.get(collection);
    if (!byName) {
      byName = new Map();
      this.refs.set(collection, byName);
    }
    if (!byName.has(maestroName)) byName.set(maestroName, ref);
  }

  /** The entity ref of a referenced document, or an explanation why not. */
  resolve(
    collection: ReferenceCollection,
    value: unknown,
  ): { ref: string } | { problem: string } {
    const name = parseNameReference(value);
    if (name === undefined) {
      return {
        problem: `must be a reference like "${NAME_REFERENCE_PREFIX}<name>", got ${JSON.stringify(
          value,
        )}`,
      };
    }
    const ref = this.refs.get(collection)?.get(name);
    return ref
      ? { ref }
      : { problem: `refers to "${name}", which is not in ${collection}` };
  }

  private usedNames(kind: string): Set<string> {
    let used = this.taken.get(kind);
    if (!used) {
      used = new Set();
      this.taken.set(kind, used);
    }
    return used;
  }
}
