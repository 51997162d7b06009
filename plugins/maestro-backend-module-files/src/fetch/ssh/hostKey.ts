import { createHash } from 'crypto';
import {
  DiscoveryConnectionState,
  DiscoveryProviderError,
} from '@maestro/plugin-maestro-node';

/** Key of the pinned fingerprint in the connection's state. */
export const HOST_KEY_STATE = 'ssh-host-key';

/** `SHA256:<base64, unpadded>`: the fingerprint `ssh-keygen -lf` and `ssh` print. */
export function fingerprintOf(hostKey: Buffer): string {
  return `SHA256:${createHash('sha256')
    .update(hostKey)
    .digest('base64')
    .replace(/=+$/, '')}`;
}

export const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}$/;

/**
 * Which host key a connection trusts: the one its `hostKey` field names,
 * else the one seen on its first run (trust on first use), kept in the
 * connection's state.
 */
export class HostKeyPin {
  constructor(
    private readonly state: DiscoveryConnectionState | undefined,
    private readonly configured: string | undefined,
  ) {}

  /** The trusted fingerprint, or undefined when the next key seen is pinned. */
  async expected(): Promise<string | undefined> {
    if (this.configured) return this.configured;
    if (!this.state)
      throw new DiscoveryProviderError({
        kind: 'provider',
        code: 'NoHostKey',
        message:
          'This Maestro backend keeps no connection state to pin the host key in: set the connection’s host key fingerprint',
      });
    return this.state.get(HOST_KEY_STATE);
  }

  /** Remembers the key of a first connection that went through. */
  async pin(fingerprint: string) {
    if (!this.configured) await this.state?.set(HOST_KEY_STATE, fingerprint);
  }

  /** The loud failure of a key that is not the trusted one. */
  mismatch(target: string, expected: string, seen: string) {
    const how = this.configured
      ? 'the host key fingerprint set on the connection'
      : 'the key pinned on the first connection';
    return new DiscoveryProviderError({
      kind: 'provider',
      code: 'HostKeyMismatch',
      message: `HOST KEY CHANGED for ${target}: expected ${expected} (${how}), the server presented ${seen}. Nothing was read or written. The server may be impersonated; if its key was replaced on purpose, put ${seen} in the connection’s host key fingerprint field.`,
    });
  }
}
