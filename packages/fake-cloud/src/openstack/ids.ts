import { createHash, randomBytes } from 'crypto';

/**
 * Identifiers as OpenStack services mint them, derived from a key so that
 * the same seed always yields the same ids (and adding servers does not
 * renumber the volumes).
 */
function digest(key: string) {
  return createHash('sha256').update(key).digest('hex');
}

/** A version-4-shaped UUID (Nova, Cinder, Glance, Neutron, Octavia ids). */
export function uuidFor(key: string): string {
  const h = digest(key);
  return [
    h.slice(0, 8),
    h.slice(8, 12),
    `4${h.slice(13, 16)}`,
    `${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}`,
    h.slice(20, 32),
  ].join('-');
}

/** 32 hex digits without dashes (Keystone project, user and role ids). */
export function hexIdFor(key: string): string {
  return digest(key).slice(0, 32);
}

/** A MAC address in the fa:16:3e range Neutron allocates from. */
export function macFor(key: string): string {
  const h = digest(key);
  return `fa:16:3e:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}`;
}

/** A Fernet-looking token id (`gAAAAA...`, url-safe base64). */
export function fernetToken(): string {
  return `gAAAAAB${randomBytes(132).toString('base64url')}`;
}

/** Keystone's audit id: 16 random bytes, url-safe base64 without padding. */
export function auditId(): string {
  return randomBytes(16).toString('base64url');
}

/** Deterministic PRNG (mulberry32), so runs with one seed match. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The instant generated resources are dated from. */
export const BASE_TIME = Date.parse('2026-01-05T10:00:00.000Z');

/** OpenStack's timestamps: ISO 8601 without milliseconds (Nova, Glance, Neutron). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Cinder's and Octavia's naive timestamps with microseconds and no zone. */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000');
}
