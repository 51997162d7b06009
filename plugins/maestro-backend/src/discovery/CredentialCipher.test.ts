import { ConfigReader } from '@backstage/config';
import { CredentialCipher } from './CredentialCipher';

describe('CredentialCipher', () => {
  const cipher = new CredentialCipher('a-test-key-of-enough-length');

  it('round-trips credentials and never stores them in clear', () => {
    const stored = cipher.encrypt({ secretAccessKey: 'wJalrXUtnFEMI/K7MDENG' });
    expect(stored).not.toContain('wJalrXUtnFEMI');
    expect(stored.startsWith('v1:')).toBe(true);
    expect(cipher.decrypt(stored)).toEqual({
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG',
    });
  });

  it('uses a fresh IV each time', () => {
    const a = cipher.encrypt({ x: 'same' });
    const b = cipher.encrypt({ x: 'same' });
    expect(a).not.toEqual(b);
  });

  it('refuses a tampered value and a wrong key', () => {
    const stored = cipher.encrypt({ secret: 'value' });
    const parts = stored.split(':');
    const data = Buffer.from(parts[3], 'base64');
    data[0] ^= 1;
    parts[3] = data.toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
    expect(() =>
      new CredentialCipher('another-key-of-enough-length').decrypt(stored),
    ).toThrow();
  });

  it('reads its key from maestro.discovery.encryptionKey', () => {
    expect(CredentialCipher.fromConfig(new ConfigReader({}))).toBeUndefined();
    expect(() => new CredentialCipher('short')).toThrow(/at least 16/);
    const fromConfig = CredentialCipher.fromConfig(
      new ConfigReader({
        maestro: {
          discovery: { encryptionKey: 'a-test-key-of-enough-length' },
        },
      }),
    )!;
    expect(fromConfig.decrypt(cipher.encrypt({ a: 'b' }))).toEqual({ a: 'b' });
  });
});
