import { Knex } from 'knex';

const SQLITE_CLIENTS = new Set(['better-sqlite3', 'sqlite3']);

/** A pooled SQLite connection: better-sqlite3's or sqlite3's. */
interface SqliteConnection {
  pragma?(source: string): unknown;
  run?(sql: string, callback: () => void): unknown;
}

function setSynchronousNormal(connection: SqliteConnection) {
  if (typeof connection.pragma === 'function') {
    connection.pragma('synchronous = NORMAL');
  } else if (typeof connection.run === 'function') {
    connection.run('PRAGMA synchronous = NORMAL', () => {});
  }
}

/**
 * Puts a file-backed SQLite database in write-ahead-log mode with
 * `synchronous = NORMAL`. SQLite's default (a rollback journal and an fsync
 * per commit) costs a disk flush for every transaction, and the catalog's
 * processing engine and Maestro's store each commit thousands of small
 * transactions during a sync. In WAL mode readers no longer wait for the
 * writer either. A crash can lose the last commits but never corrupts the
 * file. PostgreSQL and in-memory databases are left as they are.
 *
 * `journal_mode` is stored in the file; `synchronous` belongs to a
 * connection, so it is also set on every connection the pool opens later.
 */
export async function useSqliteWriteAheadLog(knex: Knex): Promise<boolean> {
  const config = knex.client.config as {
    client?: unknown;
    connection?: { filename?: string } | string;
  };
  if (typeof config.client !== 'string' || !SQLITE_CLIENTS.has(config.client)) {
    return false;
  }
  const filename =
    typeof config.connection === 'string'
      ? config.connection
      : config.connection?.filename;
  if (
    !filename ||
    filename === ':memory:' ||
    filename.startsWith('file::memory:')
  ) {
    return false;
  }
  const [row] = (await knex.raw('PRAGMA journal_mode = WAL')) as {
    journal_mode: string;
  }[];
  await knex.raw('PRAGMA synchronous = NORMAL');
  knex.client.pool?.on(
    'createSuccess',
    (_eventId: unknown, connection: SqliteConnection) =>
      setSynchronousNormal(connection),
  );
  return row?.journal_mode?.toLowerCase() === 'wal';
}
