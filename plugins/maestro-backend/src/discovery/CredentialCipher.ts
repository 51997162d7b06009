import { Config } from '@backstage/config';
import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scryptSync,
} from 'crypto';

const VERSION = 'v1';

/**
 * Encrypts connection credentials at rest with AES-256-GCM. The key is
 * derived from `maestro.discovery.encryptionKey`; each value gets its own
 * random IV, and the auth tag makes a tampered or wrongly keyed value fail
 * to decrypt instead of yielding garbage.
 */
export class CredentialCipher {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length < 16) {
      throw new Error(
        'maestro.discovery.encryptionKey must be at least 16 characters',
      );
    }
    this.key = scryptSync(secret, 'maestro-discovery-credentials', 32);
  }

  static fromConfig(config: Config): CredentialCipher | undefined {
    const secret = config.getOptionalString('maestro.discovery.encryptionKey');
    return secret ? new CredentialCipher(secret) : undefined;
  }

  encrypt(values: Record<string, string>): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([
      cipher.update(JSON.stringify(values), 'utf8'),
      cipher.final(),
    ]);
    return [VERSION, iv, cipher.getAuthTag(), data]
      .map(part => (typeof part === 'string' ? part : part.toString('base64')))
      .join(':');
  }

  decrypt(stored: string): Record<string, string> {
    const [version, iv, tag, data] = stored.split(':');
    if (version !== VERSION || !iv || !tag || data === undefined) {
      throw new Error('Stored credentials are not in a known format');
    }
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.key,
      Buffer.from(iv, 'base64'),
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(data, 'base64')),
      decipher.final(),
    ]);
    return JSON.parse(plain.toString('utf8'));
  }
}
