import { Knex } from 'knex';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { RecordAccessQuery } from '@maestro/plugin-maestro-node';
import { AccessQueryShape, applyAccessCriteria } from './accessConditions';
import { AccessStore } from './AccessStore';
import {
  createTestDatabases,
  createTestStore,
  server,
} from '../__testUtils__/testStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const actor = 'user:default/ada';
const CAROL = ['user:default/carol', 'group:default/sre'];

const hasRole = (
  role: 'read' | 'write' | 'admin',
): PermissionCriteria<RecordAccessQuery> => ({
  type: 'hasRole',
  claims: CAROL,
  role,
});

describe.each(databases.eachSupportedId())(
  'access conditions on %p',
  databaseId => {
    let ctx: Awaited<ReturnType<typeof createTestStore>>;

    beforeAll(async () => {
      ctx = await createTestStore(databases, databaseId);
      await ctx.writePath.writeMany(
        [
          server('owned', { owner: 'user:default/carol' }),
          server('team-reads'),
          server('team-writes'),
          server('carol-admin'),
          server('others'),
          server('open'),
        ],
        { mode: 'create', source: { type: 'ui' }, actor },
      );
      const entries: Record<string, [string, string][]> = {
        'team-reads': [['group:default/sre', 'read']],
        'team-writes': [['group:default/sre', 'write']],
        'carol-admin': [['user:default/carol', 'admin']],
        others: [['user:default/dave', 'admin']],
      };
      const store = new AccessStore(ctx.knex);
      for (const [name, list] of Object.entries(entries)) {
        await ctx.writePath.changeAccess(
          `server:default/${name}`,
          [],
          actor,
          (tx, record) =>
            store.replace(
              record.id,
              list.map(([principal, role]) => ({
                principal,
                role: role as 'read',
              })),
              actor,
              tx,
            ),
        );
      }
    });

    /** Names the criteria let through, and the SQL that asked. */
    async function readable(
      criteria: PermissionCriteria<RecordAccessQuery>,
      shape: AccessQueryShape,
      knex: Knex = ctx.knex,
    ) {
      const query = knex('maestro_records').select('name').orderBy('name');
      applyAccessCriteria(knex, query, criteria, 'maestro_records', shape);
      return {
        names: (await query).map((r: { name: string }) => r.name),
        sql: query.toSQL().sql,
      };
    }

    it.each([
      ['read', ['carol-admin', 'owned', 'team-reads', 'team-writes']],
      ['write', ['carol-admin', 'owned', 'team-writes']],
      ['admin', ['carol-admin', 'owned']],
    ] as const)(
      'lets the same records through for %s, whether per record or for many',
      async (role, expected) => {
        const many = await readable(hasRole(role), 'many');
        const few = await readable(hasRole(role), 'few');
        expect(many.names).toEqual(expected);
        expect(few.names).toEqual(expected);
        // Many: the reader's entries once, as a set; few: each row's by id.
        expect(many.sql).toMatch(/in \(select/i);
        expect(many.sql).not.toMatch(/exists/i);
        expect(few.sql).toMatch(/exists \(select/i);
      },
    );

    it('treats records without entries alike in both shapes', async () => {
      const unrestricted: PermissionCriteria<RecordAccessQuery> = {
        type: 'unrestricted',
      };
      const expected = ['open', 'owned'];
      expect((await readable(unrestricted, 'many')).names).toEqual(expected);
      expect((await readable(unrestricted, 'few')).names).toEqual(expected);
    });
  },
);
