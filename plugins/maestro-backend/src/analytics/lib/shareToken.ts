import crypto from 'crypto';

/** What a share link carries: which share, which graph, until when. */
export interface ShareClaims {
  shareId: string;
  graphId: string;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}

function sign(payload: string, secret: string): string {
  return crypto
    .createHmac('sha256', secret)
    .update(payload)
    .digest('base64url');
}

/** `<payload>.<HMAC-SHA256 of payload>`, both base64url. */
export function signShareToken(claims: ShareClaims, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({
      s: claims.shareId,
      g: claims.graphId,
      e: claims.expiresAt,
    }),
  ).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/**
 * The claims of a token whose signature is right, or undefined. Expiry is
 * the caller's to check, so that it can answer "gone" rather than "unknown".
 */
export function verifyShareToken(
  token: string,
  secret: string,
): ShareClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 2) return undefined;
  const [payload, signature] = parts;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (
    given.length !== expected.length ||
    !crypto.timingSafeEqual(given, expected)
  )
    return undefined;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (
      typeof data.s !== 'string' ||
      typeof data.g !== 'string' ||
      typeof data.e !== 'number'
    )
      return undefined;
    return { shareId: data.s, graphId: data.g, expiresAt: data.e };
  } catch {
    return undefined;
  }
}
