import {
  createTestDatabases,
  createTestStore,
  server,
} from '../__testUtils__/testStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'sorting a list by a number, on %p',
  databaseId => {
    let ctx: Awaited<ReturnType<typeof createTestStore>>;

    beforeAll(async () => {
      ctx = await createTestStore(databases, databaseId);
      const servers = [
        server('two', { cpu: 2, memory: 0.5 }),
        server('ten', { cpu: 10, memory: 64 }),
        server('nine', { cpu: 9, memory: 8 }),
        server('none'),
      ];
      await ctx.writePath.writeMany(servers, {
        mode: 'create',
        source: { type: 'ui' },
        actor: 'user:default/ada',
      });
    });

    /** Names in list order, but `none`: the database decides where NULL goes. */
    const names = async (sort: string, order: 'asc' | 'desc') => {
      const listed = (await ctx.store.list('Server', { sort, order })).items;
      expect(listed.map(r => r.name)).toContain('none');
      return listed.map(r => r.name).filter(name => name !== 'none');
    };

    it('orders spec.cpu numerically', async () => {
      expect(await names('spec.cpu', 'asc')).toEqual(['two', 'nine', 'ten']);
      expect(await names('spec.cpu', 'desc')).toEqual(['ten', 'nine', 'two']);
    });

    it('orders spec.memory numerically, fractions included', async () => {
      expect(await names('spec.memory', 'asc')).toEqual(['two', 'nine', 'ten']);
    });

    it('keeps the number columns in step with updates', async () => {
      await ctx.writePath.write(server('two', { cpu: 16, memory: 0.5 }), {
        mode: 'update',
        source: { type: 'ui' },
        actor: 'user:default/ada',
      });
      expect((await names('spec.cpu', 'desc'))[0]).toBe('two');
    });
  },
);
