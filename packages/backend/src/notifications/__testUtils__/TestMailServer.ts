import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { selfSignedCertificate } from '@maestro/fake-cloud';

/** A message as the server accepted it. */
export interface ReceivedMail {
  /** The envelope: what the client said in MAIL FROM and RCPT TO. */
  mailFrom: string;
  rcptTo: string[];
  /** Whom the client had authenticated as when it sent the message. */
  user: string;
  /** Whether the message came over TLS (from the first byte or STARTTLS). */
  secure: boolean;
  /** Header names in lower case; the first of each, unfolded. */
  headers: Record<string, string>;
  raw: string;
}

/** An AUTH command: the credentials the client sent, and the answer. */
export interface LoginAttempt {
  method: string;
  username: string;
  password: string;
  accepted: boolean;
}

/** The header block of a raw message (RFC 5322), folded lines joined. */
function parseHeaders(raw: string): Record<string, string> {
  const block = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= line.slice(colon + 1).trim();
  }
  return headers;
}

/**
 * How the server speaks TLS: not at all (plain TCP, no STARTTLS), from the
 * first byte (`implicit`, as on port 465) or after STARTTLS. Its certificate
 * is a fresh self-signed one, which a client checking certificates refuses.
 */
export type TestMailTls = 'none' | 'starttls' | 'implicit';

/** Who may sign in, and how the server speaks TLS (`none` by default). */
export interface TestMailServerOptions {
  username: string;
  password: string;
  tls?: TestMailTls;
}

/**
 * A real SMTP server on loopback that requires AUTH and keeps what it
 * receives.
 */
export class TestMailServer {
  readonly mails: ReceivedMail[] = [];
  readonly logins: LoginAttempt[] = [];
  /** Connection errors (a client hanging up): kept, not thrown at the test. */
  readonly errors: Error[] = [];
  private readonly server: SMTPServer;
  private listeningPort = 0;

  private constructor(
    private readonly credentials: { username: string; password: string },
    tls: TestMailTls,
  ) {
    this.server = new SMTPServer({
      secure: tls === 'implicit',
      ...(tls === 'none' ? {} : selfSignedCertificate()),
      disabledCommands: tls === 'starttls' ? [] : ['STARTTLS'],
      allowInsecureAuth: tls === 'none',
      authMethods: ['PLAIN', 'LOGIN'],
      disableReverseLookup: true,
      logger: false,
      // Stopping waits for open connections no longer than this.
      closeTimeout: 1000,
      onAuth: (auth, _session, callback) => {
        const accepted =
          auth.username === this.credentials.username &&
          auth.password === this.credentials.password;
        this.logins.push({
          method: auth.method,
          username: auth.username ?? '',
          password: auth.password ?? '',
          accepted,
        });
        if (!accepted) {
          const error = new Error('Invalid username or password');
          (error as Error & { responseCode: number }).responseCode = 535;
          callback(error);
          return;
        }
        callback(null, { user: auth.username });
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', chunk => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const { mailFrom, rcptTo } = session.envelope;
          this.mails.push({
            mailFrom: mailFrom ? mailFrom.address : '',
            rcptTo: rcptTo.map(r => r.address),
            user: String(session.user ?? ''),
            secure: session.secure,
            headers: parseHeaders(raw),
            raw,
          });
          callback();
        });
      },
    });
    this.server.on('error', error => this.errors.push(error));
  }

  /** Listens on a free port of 127.0.0.1. */
  static async start({
    tls = 'none',
    ...credentials
  }: TestMailServerOptions): Promise<TestMailServer> {
    const instance = new TestMailServer(credentials, tls);
    await new Promise<void>((resolve, reject) => {
      instance.server.once('error', reject);
      instance.server.listen(0, '127.0.0.1', () => resolve());
    });
    instance.listeningPort = (
      instance.server.server.address() as AddressInfo
    ).port;
    return instance;
  }

  get port() {
    return this.listeningPort;
  }

  /** From now on only this password is accepted, as after a rotation. */
  changePassword(password: string) {
    this.credentials.password = password;
  }

  stop(): Promise<void> {
    return new Promise(resolve => this.server.close(() => resolve()));
  }
}
