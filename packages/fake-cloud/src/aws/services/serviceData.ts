import { AwsError } from '../ec2';

/** Paging and deterministic ids shared by the service fakes. */

/** Opaque page tokens: base64 of an offset, refused when tampered with. */
export function encodeToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

export function decodeToken(token: string, invalid: () => AwsError): number {
  const text = Buffer.from(token, 'base64').toString('utf8');
  const m = /^offset:(\d+)$/.exec(text);
  if (!m) throw invalid();
  return Number(m[1]);
}

/** One page of `items` from `offset`, and the offset of the next one. */
export function pageOf<T>(items: T[], offset: number, size: number) {
  const next = offset + size;
  return {
    items: items.slice(offset, next),
    next: next < items.length ? next : undefined,
  };
}

/** Deterministic hex/alphanumeric ids from a seed string (FNV-1a based). */
export function seededId(
  seed: string,
  length: number,
  alphabet = '0123456789abcdef',
) {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < length; round++) {
    for (const c of `${seed}#${round}`) {
      h ^= c.charCodeAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    let x = h;
    for (let i = 0; i < 4 && out.length < length; i++) {
      out += alphabet[x % alphabet.length];
      x = Math.floor(x / alphabet.length);
    }
  }
  return out;
}

/** Base time of generated resources, so every run generates the same. */
export const GENERATED_AT = Date.parse('2026-01-05T10:00:00.000Z');
