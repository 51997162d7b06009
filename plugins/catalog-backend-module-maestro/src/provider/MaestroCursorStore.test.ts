import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { CURSOR_TABLE, MaestroCursorStore } from './MaestroCursorStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'MaestroCursorStore on %s',
  (databaseId: TestDatabaseId) => {
    it('creates its table once and starts at 0', async () => {
      const knex = await databases.init(databaseId);
      const store = await MaestroCursorStore.create({
        knex,
        providerName: 'maestro',
      });
      await MaestroCursorStore.create({ knex, providerName: 'maestro' });
      expect(await knex.schema.hasTable(CURSOR_TABLE)).toBe(true);
      expect(await store.read()).toBe(0);
    });

    it('moves forward only, per provider', async () => {
      const knex = await databases.init(databaseId);
      const store = await MaestroCursorStore.create({
        knex,
        providerName: 'maestro',
      });
      const other = await MaestroCursorStore.create({
        knex,
        providerName: 'other',
      });

      await store.advance(5);
      await store.advance(12);
      await store.advance(7);
      expect(await store.read()).toBe(12);
      expect(await other.read()).toBe(0);

      // Beyond 32 bits: a busy store's seq does not wrap.
      await store.advance(2 ** 40);
      expect(await store.read()).toBe(2 ** 40);
    });
  },
);
