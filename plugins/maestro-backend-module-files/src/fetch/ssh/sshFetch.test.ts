import { execFileSync } from 'child_process';
import { generateKeyPairSync } from 'crypto';
import fs from 'fs';
import path from 'path';
import { DiscoveryConnectionState } from '@maestro/plugin-maestro-node';
import { FetchLimits } from '../fetchLimits';
import { HOST_KEY_STATE } from './hostKey';
import { SshSource, fetchOverSsh } from './sshFetch';
import {
  SftpTestServer,
  generateKey,
  startSftpServer,
} from '../../__testUtils__/sftpTestServer';
import {
  factsOfAnotherHost,
  realFacts,
  realState,
  writeFactsTree,
} from '../../__testUtils__/factsTree';

jest.setTimeout(30_000);

/** The connection state the engine keeps, in memory. */
function memoryState(): DiscoveryConnectionState & {
  values: Map<string, string>;
} {
  const values = new Map<string, string>();
  return {
    values,
    get: async key => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
  };
}

const limits: FetchLimits = {
  maxBytes: 1024 * 1024,
  maxFiles: 100,
  timeoutMs: 15_000,
};

describe('fetchOverSsh', () => {
  const user = generateKey();
  let tree: { root: string; facts: string };
  let server: SftpTestServer & { hostKey: string };
  let source: SshSource;

  beforeEach(async () => {
    tree = writeFactsTree();
    server = await startSftpServer({
      root: tree.root,
      username: 'inventory',
      authorizedKey: user.publicKey,
    });
    source = {
      host: '127.0.0.1',
      port: server.port,
      username: 'inventory',
      privateKey: user.privateKey,
      path: tree.facts,
    };
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(tree.root, { recursive: true, force: true });
  });

  const fetch = (
    overrides: Partial<SshSource> = {},
    options: {
      state?: DiscoveryConnectionState;
      limits?: Partial<FetchLimits>;
      signal?: AbortSignal;
      include?: (name: string) => boolean;
    } = {},
  ) =>
    fetchOverSsh({
      source: { ...source, ...overrides },
      state: options.state ?? memoryState(),
      limits: { ...limits, ...options.limits },
      signal: options.signal ?? new AbortController().signal,
      include: options.include,
    });

  it('reads every regular file of a folder tree, leaving out hidden entries and links, and pins the host key', async () => {
    const state = memoryState();
    const fetched = await fetch({}, { state });
    expect(fetched.origin).toBe(
      `sftp://inventory@127.0.0.1:${server.port}/opt/ansible-facts`,
    );
    expect(fetched.files.map(f => f.filename)).toEqual([
      'localhost',
      'site-b/web-2',
    ]);
    expect(fetched.files[0].body.equals(realFacts)).toBe(true);
    expect(
      fetched.files[1].body.equals(factsOfAnotherHost('web-2', '10.20.0.12')),
    ).toBe(true);
    expect(server.opened).toEqual([
      '/opt/ansible-facts/localhost',
      '/opt/ansible-facts/site-b/web-2',
    ]);
    expect(state.values.get(HOST_KEY_STATE)).toBe(server.fingerprint);

    // The fingerprint is the one OpenSSH shows for the host key.
    const keyFile = path.join(tree.root, 'host_key');
    fs.writeFileSync(keyFile, server.hostKey, { mode: 0o600 });
    expect(execFileSync('ssh-keygen', ['-lf', keyFile]).toString()).toContain(
      server.fingerprint,
    );
  });

  it('reads the one file a path names, a Terraform state', async () => {
    const fetched = await fetch({ path: '/srv/terraform/prod.tfstate' });
    expect(fetched.files).toHaveLength(1);
    expect(fetched.files[0].filename).toBe('prod.tfstate');
    expect(fetched.files[0].body.equals(realState)).toBe(true);
  });

  it('reads only what the format wants of a folder', async () => {
    const fetched = await fetch({}, { include: name => name !== 'localhost' });
    expect(fetched.files.map(f => f.filename)).toEqual(['site-b/web-2']);
  });

  it('fails loudly on a changed host key, before reading anything or sending the key', async () => {
    const state = memoryState();
    await fetch({}, { state });
    const pinned = state.values.get(HOST_KEY_STATE)!;
    await server.close();
    // The same address now answers with another host key.
    server = await startSftpServer({
      root: tree.root,
      username: 'inventory',
      authorizedKey: user.publicKey,
      port: server.port,
    });
    expect(server.fingerprint).not.toBe(pinned);
    const error = await fetch({}, { state }).catch(e => e);
    expect(error).toMatchObject({
      name: 'DiscoveryProviderError',
      code: 'HostKeyMismatch',
    });
    expect(error.message).toContain(`expected ${pinned}`);
    expect(error.message).toContain(`presented ${server.fingerprint}`);
    expect(server.signIns).toEqual([]);
    expect(server.opened).toEqual([]);
    expect(state.values.get(HOST_KEY_STATE)).toBe(pinned);

    // A fingerprint set on the connection is the one trusted from then on.
    const fetched = await fetch({ hostKey: server.fingerprint }, { state });
    expect(fetched.files).toHaveLength(2);
  });

  it('refuses a key the server does not accept, and a key that is not one, as credentials', async () => {
    await expect(
      fetch({ privateKey: generateKey().privateKey }),
    ).rejects.toMatchObject({
      kind: 'credentials',
      message: expect.stringContaining(
        `inventory@127.0.0.1:${server.port} refused the private key`,
      ),
    });
    await expect(fetch({ username: 'root' })).rejects.toMatchObject({
      kind: 'credentials',
    });
    await expect(
      fetch({ privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n' }),
    ).rejects.toMatchObject({
      kind: 'credentials',
      code: 'BadPrivateKey',
    });
    expect(server.opened).toEqual([]);
  });

  it('signs in with a passphrase-protected OpenSSH key and with a PEM key', async () => {
    const locked = generateKey('correct horse');
    await server.close();
    server = await startSftpServer({
      root: tree.root,
      username: 'inventory',
      authorizedKey: locked.publicKey,
    });
    const fetched = await fetch({
      port: server.port,
      privateKey: locked.privateKey,
      passphrase: 'correct horse',
    });
    expect(fetched.files).toHaveLength(2);
    await expect(
      fetch({
        port: server.port,
        privateKey: locked.privateKey,
        passphrase: 'wrong',
      }),
    ).rejects.toMatchObject({ kind: 'credentials' });

    const pem = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
    await server.close();
    server = await startSftpServer({
      root: tree.root,
      username: 'inventory',
      authorizedKey: pem,
    });
    const viaPem = await fetch({ port: server.port, privateKey: pem });
    expect(viaPem.files).toHaveLength(2);
  });

  it('refuses a file over the size limit before reading it, and a tree over the total', async () => {
    const big = path.join(tree.root, 'opt/ansible-facts/site-b/big');
    fs.writeFileSync(big, Buffer.alloc(20_000, 32));
    await expect(
      fetch({}, { limits: { maxBytes: 15_000 } }),
    ).rejects.toMatchObject({
      code: 'TooLarge',
      message: expect.stringMatching(
        /^site-b\/big has 20000 bytes, more than the 15000 a file may have; raise maestro.import.maxUploadBytes to allow it. Nothing was written$/,
      ),
    });
    expect(server.opened).toEqual([]);

    // Each file fits, both together do not.
    fs.rmSync(big);
    expect(realFacts.length).toBeLessThan(15_000);
    await expect(
      fetch({}, { limits: { maxBytes: 15_000 } }),
    ).rejects.toMatchObject({
      code: 'TooLarge',
      message: expect.stringContaining(
        `the files of sftp://inventory@127.0.0.1:${server.port}/opt/ansible-facts add up to more than 15000 bytes (at site-b/web-2)`,
      ),
    });
    expect(server.opened).toEqual([]);
    await expect(fetch({}, { limits: { maxFiles: 1 } })).rejects.toMatchObject({
      code: 'TooManyFiles',
    });
  });

  it('names a path that does not exist', async () => {
    await expect(fetch({ path: '/opt/nowhere' })).rejects.toMatchObject({
      kind: 'provider',
      code: 'NoSuchFile',
      message: `/opt/nowhere does not exist on 127.0.0.1:${server.port}`,
    });
  });

  it('gives up on a server that stops answering, and stops when the run is aborted', async () => {
    await server.close();
    server = await startSftpServer({
      root: tree.root,
      username: 'inventory',
      authorizedKey: user.publicKey,
      stallReads: true,
    });
    const started = Date.now();
    await expect(
      fetch({ port: server.port }, { limits: { timeoutMs: 2000 } }),
    ).rejects.toMatchObject({
      code: 'Timeout',
      message: expect.stringContaining('did not answer within 2 s (reading'),
    });
    expect(Date.now() - started).toBeLessThan(10_000);

    const abort = new AbortController();
    setTimeout(() => abort.abort(), 300);
    await expect(
      fetch({ port: server.port }, { signal: abort.signal }),
    ).rejects.toThrow('The run was cut short');

    // Nothing listens on a closed port: the connection error names it.
    const closed = server.port;
    await server.close();
    await expect(fetch({ port: closed })).rejects.toMatchObject({
      kind: 'provider',
      message: expect.stringContaining(`127.0.0.1:${closed}`),
    });
  });
});
