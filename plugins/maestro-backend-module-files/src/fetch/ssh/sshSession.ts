import { Client, SFTPWrapper } from 'ssh2';
import { DiscoveryProviderError } from '@maestro/plugin-maestro-node';
import { cutShort } from '../fetchLimits';
import { fingerprintOf } from './hostKey';

/** Where and as whom to connect. */
export interface SshTarget {
  host: string;
  port: number;
  username: string;
  /** PEM or OpenSSH private key. */
  privateKey: string;
  passphrase?: string;
}

/** An SFTP session whose calls time out and stop when the run is aborted. */
export interface SftpSession {
  sftp: SFTPWrapper;
  /** Fingerprint of the host key the server presented. */
  fingerprint: string;
  /** Runs one SFTP request; `what` names it in a timeout message. */
  call<T>(
    what: string,
    request: (
      done: (error: Error | null | undefined, value: T) => void,
    ) => void,
  ): Promise<T>;
  /** A timeout error for a request, e.g. a read that went silent. */
  timeout(what: string): Error;
  close(): void;
}

function provider(code: string, message: string) {
  return new DiscoveryProviderError({ kind: 'provider', code, message });
}

/** What a failed connection means for the person who set it up. */
function connectionError(
  error: Error & { level?: string; code?: string },
  target: string,
  timeoutMs: number,
): Error {
  switch (error.level) {
    case 'client-authentication':
      return new DiscoveryProviderError({
        kind: 'credentials',
        code: 'AuthenticationFailed',
        message: `${target} refused the private key (${error.message})`,
      });
    case 'client-timeout':
      return provider(
        'Timeout',
        `${target} did not complete the SSH handshake within ${
          timeoutMs / 1000
        } s`,
      );
    default:
      return provider(
        error.code ?? 'ConnectionFailed',
        `${target}: ${error.message}`,
      );
  }
}

/**
 * Connects and opens SFTP. The host key is checked against `expected`
 * during the key exchange, before any credential is sent: a server with
 * another key gets nothing. The fingerprint is returned once the server
 * proved it holds the key (the session is ready).
 */
export function openSftp(
  target: SshTarget,
  options: {
    /** Fingerprint the host key must have; any key when undefined (first use). */
    expected?: string;
    /** Built when the key is not the expected one. */
    mismatch: (expected: string, seen: string) => Error;
    timeoutMs: number;
    signal: AbortSignal;
  },
): Promise<SftpSession> {
  const { timeoutMs, signal } = options;
  const name = `${target.username}@${target.host}:${target.port}`;
  if (signal.aborted) return Promise.reject(cutShort());
  return new Promise((resolve, reject) => {
    const client = new Client();
    let seen: string | undefined;
    let opened = false;
    /** What fails the request in flight when the connection breaks. */
    let failCall: ((error: Error) => void) | undefined;
    let closedBy: Error | undefined;

    // Ends the abort listener with the session.
    const listening = new AbortController();
    const close = (reason: Error) => {
      closedBy ??= reason;
      listening.abort();
      client.end();
    };
    const fail = (error: Error) => {
      if (!opened) {
        opened = true;
        close(error);
        reject(error);
      } else {
        close(error);
        failCall?.(error);
      }
    };
    signal.addEventListener('abort', () => fail(cutShort()), {
      once: true,
      signal: listening.signal,
    });

    client.on('error', (error: Error & { level?: string }) => {
      if (seen && options.expected && seen !== options.expected)
        fail(options.mismatch(options.expected, seen));
      else fail(connectionError(error, name, timeoutMs));
    });
    client.on('close', () =>
      fail(
        closedBy ??
          provider('ConnectionClosed', `${name} closed the connection`),
      ),
    );
    client.on('ready', () => {
      client.sftp((error, sftp) => {
        if (error) {
          fail(
            provider(
              'NoSftp',
              `${name} offers no SFTP subsystem (${error.message})`,
            ),
          );
          return;
        }
        opened = true;
        const timeout = (what: string) =>
          provider(
            'Timeout',
            `${name} did not answer within ${timeoutMs / 1000} s (${what})`,
          );
        resolve({
          sftp,
          fingerprint: seen!,
          timeout,
          close: () => close(new Error(`${name}: the session is closed`)),
          call: (what, request) =>
            new Promise((resolveCall, rejectCall) => {
              if (closedBy) {
                rejectCall(closedBy);
                return;
              }
              const timer = setTimeout(() => fail(timeout(what)), timeoutMs);
              failCall = e => {
                clearTimeout(timer);
                rejectCall(e);
              };
              request((e, value) => {
                clearTimeout(timer);
                failCall = undefined;
                if (e) rejectCall(e);
                else resolveCall(value);
              });
            }),
        });
      });
    });

    try {
      client.connect({
        host: target.host,
        port: target.port,
        username: target.username,
        privateKey: target.privateKey,
        passphrase: target.passphrase || undefined,
        readyTimeout: timeoutMs,
        // Only the key: no password prompt, no agent of the backend's host.
        authHandler: ['publickey'],
        hostVerifier: (key: Buffer) => {
          seen = fingerprintOf(key);
          return !options.expected || seen === options.expected;
        },
      });
    } catch (error) {
      fail(
        new DiscoveryProviderError({
          kind: 'credentials',
          code: 'BadPrivateKey',
          message: `The private key cannot be used: ${
            (error as Error).message
          }`,
        }),
      );
    }
  });
}
