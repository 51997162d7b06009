import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { useSqliteWriteAheadLog } from '@maestro/plugin-maestro-node';

const migrationsDir = resolvePackagePath(
  '@maestro/plugin-maestro-backend',
  'migrations',
);

/** Runs the store's migrations unless the database service says not to. */
export async function migrateStore(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  await useSqliteWriteAheadLog(client);
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

export { migrationsDir };
