import { generateKeyPairSync } from 'crypto';
import { ParsedKey, utils } from 'ssh2';
import { generateKey } from '../../__testUtils__/sftpTestServer';
import { normalizePrivateKey } from './privateKey';

const publicOf = (key: string, passphrase?: string) =>
  (utils.parseKey(key, passphrase) as ParsedKey).getPublicSSH();

/** What an `<input>` makes of a pasted key: no line breaks. */
const flattened = (key: string) => key.replace(/\n/g, '');

describe('normalizePrivateKey', () => {
  it('restores an OpenSSH key whose line breaks a form field dropped', () => {
    const { privateKey } = generateKey();
    expect(utils.parseKey(flattened(privateKey))).toBeInstanceOf(Error);
    const restored = normalizePrivateKey(flattened(privateKey));
    expect(publicOf(restored)).toEqual(publicOf(privateKey));
    expect(
      publicOf(normalizePrivateKey(privateKey.replace(/\n/g, ' '))),
    ).toEqual(publicOf(privateKey));
  });

  it('restores PEM keys, legacy encrypted ones with their headers too', () => {
    const { privateKey: rsa } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect(publicOf(normalizePrivateKey(flattened(rsa)))).toEqual(
      publicOf(rsa),
    );
    const { privateKey: locked } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: {
        type: 'pkcs1',
        format: 'pem',
        cipher: 'aes-128-cbc',
        passphrase: 'pw',
      },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect(locked).toContain('Proc-Type: 4,ENCRYPTED');
    expect(publicOf(normalizePrivateKey(flattened(locked)), 'pw')).toEqual(
      publicOf(locked, 'pw'),
    );
  });

  it('leaves an intact key as it is, and what is no key alone', () => {
    const { privateKey } = generateKey();
    expect(normalizePrivateKey(privateKey)).toBe(privateKey);
    expect(normalizePrivateKey('not a key')).toBe('not a key');
  });
});
