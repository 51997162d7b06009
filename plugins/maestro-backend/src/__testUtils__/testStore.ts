import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { migrateStore } from '../store/migrations';
import { RecordStore } from '../store/RecordStore';
import { WritePath } from '../writePath/WritePath';
import { ChangePublisher } from '../writePath/ChangePublisher';
import { StoredRecord } from '../store/types';

/**
 * The databases store tests run on: SQLite always, PostgreSQL when the test
 * command found one (it sets BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING).
 */
export function createTestDatabases() {
  return TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
    disableDocker: true,
  });
}

/** Keeps what the write path announced, to check that no-ops announce nothing. */
export class RecordingPublisher implements ChangePublisher {
  readonly batches: StoredRecord[][] = [];
  async published(records: StoredRecord[]) {
    this.batches.push(records);
  }
}

export async function createTestStore(
  databases: TestDatabases,
  id: TestDatabaseId,
) {
  const knex = await databases.init(id);
  const store = new RecordStore(
    await migrateStore({ getClient: async () => knex }),
  );
  const publisher = new RecordingPublisher();
  const writePath = new WritePath(store, publisher, mockServices.logger.mock());
  return { knex, store, publisher, writePath };
}

export const user = 'user:default/ada';

export function server(name: string, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'maestroserver.io/v1alpha1',
    kind: 'Server',
    metadata: { name },
    spec: { hostname: name, ...spec },
  };
}
