/**
 * A small seeded PRNG. The 0.6 demo loader drew placements, volume ids and
 * sizes at random; an importer must draw them the same way on every run, or
 * re-importing the same files would change records for nothing.
 *
 * Each document gets its own stream, keyed by the seed and a stable key of the
 * document (e.g. the server's instance id), so adding one server to the files
 * does not move every other server to a different zone.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `length` lowercase hex digits. */
  hex(length: number): string;
}

/** The stream of `key` under `seed`. */
export function randomFor(seed: number, key: string): Random {
  return mulberry32(hashString(`${seed}\u0000${key}`));
}

/** FNV-1a, 32 bits: turns the key into a well-spread starting state. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: tiny, fast, and good enough for test-like data. */
function mulberry32(state: number): Random {
  let s = state;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) =>
    min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: items => items[int(0, items.length - 1)],
    hex: length =>
      Array.from({ length }, () => int(0, 15).toString(16)).join(''),
  };
}
