import { posix } from 'path';
import type { FileEntryWithStats, Stats } from 'ssh2';
import {
  DiscoveryConnectionState,
  DiscoveryProviderError,
} from '@maestro/plugin-maestro-node';
import {
  FetchBudget,
  FetchedFiles,
  FetchLimits,
  ListedFile,
  cutShort,
  isHidden,
  readCounted,
} from '../fetchLimits';
import { HostKeyPin } from './hostKey';
import { SftpSession, SshTarget, openSftp } from './sshSession';

/** SFTP status codes (draft-ietf-secsh-filexfer-02) that a person can act on. */
const NO_SUCH_FILE = 2;
const PERMISSION_DENIED = 3;

export interface SshSource extends SshTarget {
  /** A folder (read recursively) or one file. */
  path: string;
  /** Expected host key fingerprint; pinned on first use when unset. */
  hostKey?: string;
}

function sftpError(
  error: unknown,
  path: string,
  target: string,
  signal: AbortSignal,
): Error {
  const e = error as Error & { code?: number | string };
  // Closing the session on abort fails the request in flight: say why.
  if (signal.aborted) return cutShort();
  if (e instanceof DiscoveryProviderError) return e;
  if (e.code === NO_SUCH_FILE)
    return new DiscoveryProviderError({
      kind: 'provider',
      code: 'NoSuchFile',
      message: `${path} does not exist on ${target}`,
    });
  if (e.code === PERMISSION_DENIED)
    return new DiscoveryProviderError({
      kind: 'permission',
      code: 'PermissionDenied',
      message: `${target} denies reading ${path}`,
      permission: `read ${path}`,
    });
  return new DiscoveryProviderError({
    kind: 'provider',
    code: String(e.code ?? 'SftpError'),
    message: `${target}: ${path}: ${e.message}`,
  });
}

/**
 * Lists the regular files under a folder, depth first in name order,
 * admitting each by its size before anything is read. Hidden entries and
 * symbolic links are left out (a link may lead out of the folder or in a
 * circle).
 */
async function listTree(
  session: SftpSession,
  root: string,
  budget: FetchBudget,
  include: (name: string) => boolean,
): Promise<ListedFile[]> {
  const files: ListedFile[] = [];
  const walk = async (dir: string, prefix: string) => {
    const entries = await session.call<FileEntryWithStats[]>(
      `readdir ${dir}`,
      done => session.sftp.readdir(dir, done),
    );
    entries.sort((a, b) => (a.filename < b.filename ? -1 : 1));
    for (const entry of entries) {
      const name = prefix ? `${prefix}/${entry.filename}` : entry.filename;
      if (isHidden(entry.filename)) continue;
      const location = posix.join(dir, entry.filename);
      if (entry.attrs.isDirectory()) await walk(location, name);
      else if (entry.attrs.isFile() && include(name)) {
        const file = { name, location, size: entry.attrs.size };
        budget.admit(file);
        files.push(file);
      }
    }
  };
  await walk(root, '');
  return files;
}

/**
 * The files under a path on an SSH server, over SFTP: every regular file
 * of a folder (recursively, e.g. an `ansible --tree` output), or the one
 * file the path names. The server's host key must be the pinned one;
 * sizes are checked before reading, and the run's signal stops it.
 */
export async function fetchOverSsh(options: {
  source: SshSource;
  state?: DiscoveryConnectionState;
  limits: FetchLimits;
  signal: AbortSignal;
  /** Which files of a folder to read (by relative name). */
  include?: (name: string) => boolean;
}): Promise<FetchedFiles> {
  const { source, limits, signal } = options;
  const target = `${source.host}:${source.port}`;
  const origin = `sftp://${source.username}@${target}${
    source.path.startsWith('/') ? '' : '/~/'
  }${source.path}`;
  const pin = new HostKeyPin(options.state, source.hostKey);
  const expected = await pin.expected();
  const session = await openSftp(source, {
    expected,
    mismatch: (want, seen) => pin.mismatch(target, want, seen),
    timeoutMs: limits.timeoutMs,
    signal,
  });
  try {
    if (!expected) await pin.pin(session.fingerprint);
    const budget = new FetchBudget(limits, origin);
    const root =
      source.path.length > 1 ? source.path.replace(/\/+$/, '') : source.path;
    let listed: ListedFile[];
    try {
      const stats = await session.call<Stats>(`stat ${root}`, done =>
        session.sftp.stat(root, done),
      );
      if (stats.isDirectory()) {
        listed = await listTree(
          session,
          root,
          budget,
          options.include ?? (() => true),
        );
      } else {
        listed = [
          { name: posix.basename(root), location: root, size: stats.size },
        ];
        budget.admit(listed[0]);
      }
    } catch (error) {
      throw sftpError(error, source.path, target, signal);
    }
    const files = [];
    for (const file of listed) {
      if (signal.aborted) throw cutShort();
      try {
        const body = await readCounted(
          session.sftp.createReadStream(file.location),
          budget,
          file.name,
          limits.timeoutMs,
          () => session.timeout(`reading ${file.location}`),
        );
        files.push({
          filename: file.name,
          contentType: 'application/octet-stream',
          body,
        });
      } catch (error) {
        throw sftpError(error, file.location, target, signal);
      }
    }
    if (signal.aborted) throw cutShort();
    return { origin, files };
  } finally {
    session.close();
  }
}
