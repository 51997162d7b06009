import { signShareToken, verifyShareToken } from './shareToken';

const claims = { shareId: 's1', graphId: 'g1', expiresAt: 2000000000 };

describe('share tokens', () => {
  it('verify with the key that signed them', () => {
    expect(verifyShareToken(signShareToken(claims, 'k'), 'k')).toEqual(claims);
  });
  it('fail with another key, a changed payload or a changed signature', () => {
    const token = signShareToken(claims, 'k');
    expect(verifyShareToken(token, 'other')).toBeUndefined();
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ s: 's1', g: 'g2', e: 2000000000 }),
    ).toString('base64url');
    expect(verifyShareToken(`${forged}.${signature}`, 'k')).toBeUndefined();
    const flipped =
      signature[0] === 'A'
        ? `B${signature.slice(1)}`
        : `A${signature.slice(1)}`;
    expect(verifyShareToken(`${payload}.${flipped}`, 'k')).toBeUndefined();
    expect(verifyShareToken('garbage', 'k')).toBeUndefined();
    expect(verifyShareToken('a.b.c', 'k')).toBeUndefined();
  });
});
