import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { useSqliteWriteAheadLog } from './sqliteWriteAheadLog';

/** SQLite answers PRAGMA synchronous with 0 (OFF), 1 (NORMAL) or 2 (FULL). */
async function pragma(knex: Knex, name: string) {
  const [row] = await knex.raw(`PRAGMA ${name}`);
  return Object.values(row as Record<string, unknown>)[0];
}

describe('useSqliteWriteAheadLog', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-wal-'));
  const opened: Knex[] = [];
  const open = (filename: string, pool?: Knex.PoolConfig) => {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename },
      useNullAsDefault: true,
      pool,
    });
    opened.push(knex);
    return knex;
  };

  afterAll(async () => {
    await Promise.all(opened.map(knex => knex.destroy()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('puts a database file in WAL mode with synchronous NORMAL', async () => {
    const file = path.join(dir, 'store.sqlite');
    const knex = open(file);
    expect(await pragma(knex, 'journal_mode')).toBe('delete');
    expect(await pragma(knex, 'synchronous')).toBe(2);

    await expect(useSqliteWriteAheadLog(knex)).resolves.toBe(true);

    expect(await pragma(knex, 'journal_mode')).toBe('wal');
    expect(await pragma(knex, 'synchronous')).toBe(1);
    // The mode lives in the file: another process opening it finds WAL.
    const other = open(file);
    expect(await pragma(other, 'journal_mode')).toBe('wal');
  });

  it('sets synchronous NORMAL on connections the pool opens later', async () => {
    const knex = open(path.join(dir, 'pooled.sqlite'), {
      min: 0,
      max: 1,
      idleTimeoutMillis: 20,
      reapIntervalMillis: 10,
    });
    await useSqliteWriteAheadLog(knex);
    const first = await knex.client.acquireConnection();
    await knex.client.releaseConnection(first);
    // The idle connection is reaped; the next query opens a new one.
    await new Promise(resolve => setTimeout(resolve, 200));
    const second = await knex.client.acquireConnection();
    expect(second).not.toBe(first);
    await knex.client.releaseConnection(second);

    expect(await pragma(knex, 'synchronous')).toBe(1);
  });

  it('leaves an in-memory database as it is', async () => {
    const knex = open(':memory:');
    await expect(useSqliteWriteAheadLog(knex)).resolves.toBe(false);
    expect(await pragma(knex, 'journal_mode')).toBe('memory');
    expect(await pragma(knex, 'synchronous')).toBe(2);
  });
});
