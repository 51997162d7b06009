import fs from 'fs';
import path from 'path';
import { timingSafeEqual } from 'crypto';
import { AddressInfo } from 'net';
import { Attributes, ParsedKey, SFTPWrapper, Server, utils } from 'ssh2';
import { fingerprintOf } from '../fetch/ssh/hostKey';

const { STATUS_CODE } = utils.sftp;

/** A key pair in OpenSSH format, as `ssh-keygen` writes it. */
export function generateKey(passphrase?: string) {
  const pair = utils.generateKeyPairSync('ed25519', {
    passphrase,
    cipher: passphrase ? 'aes256-ctr' : undefined,
  } as any);
  return { privateKey: pair.private, publicKey: pair.public };
}

export interface SftpTestServer {
  port: number;
  /** SHA-256 fingerprint of the host key, as `ssh-keygen -lf` prints it. */
  fingerprint: string;
  /** Remote paths the client opened for reading, in order. */
  opened: string[];
  /** Users that tried to sign in, one entry per attempt. */
  signIns: string[];
  close(): Promise<void>;
}

function attrsOf(stats: fs.Stats): Attributes {
  return {
    mode: stats.mode,
    uid: stats.uid,
    gid: stats.gid,
    size: stats.size,
    atime: Math.floor(stats.atimeMs / 1000),
    mtime: Math.floor(stats.mtimeMs / 1000),
  };
}

function statusOf(error: NodeJS.ErrnoException) {
  if (error.code === 'ENOENT') return STATUS_CODE.NO_SUCH_FILE;
  if (error.code === 'EACCES') return STATUS_CODE.PERMISSION_DENIED;
  return STATUS_CODE.FAILURE;
}

/** Serves a local folder over SFTP, as OpenSSH's sftp-server does, read-only. */
function serveFolder(
  sftp: SFTPWrapper,
  root: string,
  options: { opened: string[]; stallReads?: boolean },
) {
  const handles = new Map<
    number,
    { fd?: number; entries?: string[]; dir?: string }
  >();
  let next = 0;
  const local = (remote: string) =>
    path.join(root, path.posix.normalize(`/${remote}`));
  const handle = (value: { fd?: number; entries?: string[]; dir?: string }) => {
    const id = next++;
    handles.set(id, value);
    const buf = Buffer.alloc(4);
    buf.writeUInt32BE(id);
    return buf;
  };
  const find = (buf: Buffer) => handles.get(buf.readUInt32BE(0));
  const guard = (reqId: number, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      sftp.status(reqId, statusOf(e as NodeJS.ErrnoException));
    }
  };

  sftp.on('REALPATH', (reqId, remote) =>
    sftp.name(reqId, [
      {
        filename: path.posix.normalize(`/${remote}`),
        longname: '',
        attrs: {} as Attributes,
      },
    ]),
  );
  for (const op of ['STAT', 'LSTAT'] as const) {
    sftp.on(op as 'STAT', (reqId, remote) =>
      guard(reqId, () =>
        sftp.attrs(
          reqId,
          attrsOf(
            op === 'STAT'
              ? fs.statSync(local(remote))
              : fs.lstatSync(local(remote)),
          ),
        ),
      ),
    );
  }
  sftp.on('OPENDIR', (reqId, remote) =>
    guard(reqId, () => {
      const dir = local(remote);
      sftp.handle(reqId, handle({ dir, entries: fs.readdirSync(dir) }));
    }),
  );
  sftp.on('READDIR', (reqId, buf) => {
    const open = find(buf);
    if (!open?.entries) return sftp.status(reqId, STATUS_CODE.FAILURE);
    if (!open.entries.length) return sftp.status(reqId, STATUS_CODE.EOF);
    // Two per answer: listings come in several pages, as from a real server.
    const page = open.entries.splice(0, 2);
    return sftp.name(
      reqId,
      page.map(filename => ({
        filename,
        longname: filename,
        attrs: attrsOf(fs.lstatSync(path.join(open.dir!, filename))),
      })),
    );
  });
  sftp.on('OPEN', (reqId, remote) =>
    guard(reqId, () => {
      const fd = fs.openSync(local(remote), 'r');
      options.opened.push(remote);
      sftp.handle(reqId, handle({ fd }));
    }),
  );
  sftp.on('READ', (reqId, buf, offset, length) => {
    if (options.stallReads) return; // a server that went silent
    const open = find(buf);
    if (open?.fd === undefined) {
      sftp.status(reqId, STATUS_CODE.FAILURE);
      return;
    }
    const data = Buffer.alloc(length);
    const read = fs.readSync(open.fd, data, 0, length, offset);
    if (read) sftp.data(reqId, data.subarray(0, read));
    else sftp.status(reqId, STATUS_CODE.EOF);
  });
  sftp.on('FSTAT', (reqId, buf) =>
    guard(reqId, () =>
      sftp.attrs(reqId, attrsOf(fs.fstatSync(find(buf)!.fd!))),
    ),
  );
  sftp.on('CLOSE', (reqId, buf) => {
    const open = find(buf);
    if (open?.fd !== undefined) fs.closeSync(open.fd);
    handles.delete(buf.readUInt32BE(0));
    sftp.status(reqId, STATUS_CODE.OK);
  });
}

/**
 * A real SSH server on 127.0.0.1 (ssh2's server) that lets one user in
 * with one public key and serves a local folder over SFTP.
 */
export async function startSftpServer(options: {
  root: string;
  username: string;
  /** OpenSSH public key of the user's key pair. */
  authorizedKey: string;
  /** OpenSSH private host key; a new one when unset. */
  hostKey?: string;
  port?: number;
  stallReads?: boolean;
}): Promise<SftpTestServer & { hostKey: string }> {
  const hostKey = options.hostKey ?? generateKey().privateKey;
  const allowed = utils.parseKey(options.authorizedKey) as ParsedKey;
  const opened: string[] = [];
  const signIns: string[] = [];
  const clients = new Set<{ end(): void }>();
  const server = new Server({ hostKeys: [hostKey] }, client => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.on('error', () => {});
    client.on('authentication', ctx => {
      signIns.push(ctx.username);
      if (
        ctx.method !== 'publickey' ||
        ctx.username !== options.username ||
        ctx.key.algo !== allowed.type ||
        ctx.key.data.length !== allowed.getPublicSSH().length ||
        !timingSafeEqual(ctx.key.data, allowed.getPublicSSH())
      ) {
        ctx.reject(['publickey']);
        return;
      }
      // Without a signature the client only asks whether the key would do.
      if (!ctx.signature || !ctx.blob) {
        ctx.accept();
        return;
      }
      if (allowed.verify(ctx.blob, ctx.signature, ctx.hashAlgo)) ctx.accept();
      else ctx.reject(['publickey']);
    });
    client.on('ready', () => {
      client.on('session', accept => {
        accept().on('sftp', acceptSftp =>
          serveFolder(acceptSftp(), options.root, {
            opened,
            stallReads: options.stallReads,
          }),
        );
      });
    });
  });
  await new Promise<void>(resolve =>
    server.listen(options.port ?? 0, '127.0.0.1', resolve),
  );
  const parsedHostKey = utils.parseKey(hostKey) as ParsedKey;
  return {
    port: (server.address() as AddressInfo).port,
    fingerprint: fingerprintOf(parsedHostKey.getPublicSSH()),
    hostKey,
    opened,
    signIns,
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        // Connections still open must not keep the server alive.
        for (const client of clients) client.end();
      }),
  };
}
