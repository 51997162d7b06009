/** Deterministic building blocks of the generated AWS data. */

/** Deterministic PRNG (mulberry32), so runs with one seed match. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hexId(
  prefix: string,
  regionIndex: number,
  n: number,
  length = 17,
) {
  const body = (regionIndex.toString(16) + n.toString(16).padStart(12, '0'))
    .padStart(length, '0')
    .slice(-length);
  return `${prefix}-${body}`;
}

/** When the generated resources were created, so every run generates the same. */
export const BASE_TIME = Date.parse('2026-01-05T10:00:00.000Z');

/** An id of AWS's upper-case alphabet (RDS resource ids), padded to `length`. */
export const upperId = (
  regionIndex: number,
  kind: number,
  n: number,
  length = 26,
) =>
  (regionIndex * 0x10000000 + kind * 0x1000000 + n)
    .toString(36)
    .toUpperCase()
    .padStart(length, 'A');
