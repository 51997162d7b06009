import { createTestDatabases } from '../__testUtils__/testStore';
import { migrateStore, migrationsDir } from '../store/migrations';

const databases = createTestDatabases();
const MIGRATION = '20261127200000_object_access.js';

const stamps = {
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe.each(databases.eachSupportedId())(
  'object access migration on %p',
  databaseId => {
    it('gives existing reports and graphs their creator as owner, and takes it away again', async () => {
      const knex = await databases.init(databaseId);
      await migrateStore({ getClient: async () => knex });
      await knex.migrate.down({ directory: migrationsDir, name: MIGRATION });
      expect(await knex.schema.hasTable('maestro_object_access')).toBe(false);
      expect(await knex.schema.hasColumn('maestro_reports', 'owner')).toBe(
        false,
      );

      // Written before the migration: by a user, and by a backend service.
      const report = (id: string, createdBy: string) => ({
        id,
        name: id,
        type: 'general',
        query: '{}',
        status: 'created',
        created_by: createdBy,
        updated_by: createdBy,
        ...stamps,
      });
      await knex('maestro_reports').insert([
        report('r1', 'user:default/Jane'),
        report('r2', 'service:maestro'),
      ]);
      await knex('maestro_graphs').insert({
        id: 'g1',
        name: 'g1',
        source_type: 'system',
        source_ref: 'system:default/shop',
        status: 'finished',
        created_by: 'user:default/ada',
        updated_by: 'user:default/ada',
        ...stamps,
      });

      await knex.migrate.latest({ directory: migrationsDir });
      const owners = await knex('maestro_reports')
        .select('id', 'owner')
        .orderBy('id');
      expect(owners).toEqual([
        { id: 'r1', owner: 'user:default/jane' },
        { id: 'r2', owner: null },
      ]);
      expect(
        (await knex('maestro_graphs').where({ id: 'g1' }).first()).owner,
      ).toBe('user:default/ada');

      // One entry per principal of an object.
      const entry = {
        object_kind: 'report',
        object_id: 'r1',
        principal: 'group:default/ops',
        role: 'read',
        created_at: stamps.created_at,
        created_by: 'user:default/jane',
      };
      await knex('maestro_object_access').insert(entry);
      // (SQLite's error class may come from another realm: match the message.)
      await expect(
        knex('maestro_object_access').insert({ ...entry, role: 'write' }),
      ).rejects.toMatchObject({
        message: expect.stringMatching(/UNIQUE constraint|duplicate key/),
      });
    });
  },
);
