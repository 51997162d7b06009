import { createTestDatabases } from '../__testUtils__/testStore';
import { migrateStore, migrationsDir } from '../store/migrations';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'catalog entities migration on %p',
  databaseId => {
    it('adds the copy table beside the records, and takes it away again', async () => {
      const knex = await databases.init(databaseId);
      await migrateStore({ getClient: async () => knex });
      await knex('maestro_catalog_entities').insert({
        id: 'c1',
        kind: 'Server',
        name: 'yaml-web',
        entity_ref: 'server:default/yaml-web',
        entity: '{}',
        etag: 'e1',
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      });
      // Defaults a report relies on: live, not deleted, default namespace.
      const row = await knex('maestro_catalog_entities').first();
      expect(row.namespace).toBe('default');
      expect(Boolean(row.active)).toBe(true);
      expect(Boolean(row.deleted)).toBe(false);

      await knex.migrate.down({
        directory: migrationsDir,
        name: '20261127100000_catalog_entities.js',
      });
      expect(await knex.schema.hasTable('maestro_catalog_entities')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('maestro_records')).toBe(true);
      await knex.migrate.latest({ directory: migrationsDir });
      expect(await knex('maestro_catalog_entities').select()).toEqual([]);
    });
  },
);
