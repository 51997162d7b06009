import { PivotLevel, PivotReportQuery } from '@maestro/plugin-maestro-common';
import {
  createTestDatabases,
  createTestStore,
  server,
  user,
} from '../__testUtils__/testStore';
import { ReportRunner } from './ReportRunner';

const databases = createTestDatabases();
const owner = 'group:default/sre';

const client = (name: string) => ({
  apiVersion: 'maestroserver.io/v1alpha1',
  kind: 'Client',
  metadata: { name },
  spec: {},
});
const system = (name: string, clients: string[]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name },
  spec: { owner, clients: clients.map(c => `client:default/${c}`) },
});
const app = (
  kind: 'Component' | 'Resource',
  name: string,
  systems: string[],
  servers: string[],
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec: {
    type: kind === 'Component' ? 'service' : 'database',
    family: kind === 'Component' ? 'Application' : 'Database',
    lifecycle: kind === 'Component' ? 'production' : undefined,
    owner,
    systems: systems.map(s => `system:default/${s}`),
    servers: servers.map(s => `server:default/${s}`),
  },
});

const fixtures = [
  client('c1'),
  client('c2'),
  system('s1', ['c1']),
  system('s2', ['c1', 'c2']),
  system('s3', []),
  app('Component', 'a1', ['s1'], ['v1', 'v2']),
  app('Resource', 'a2', ['s2'], ['v3']),
  app('Component', 'a3', [], ['v1']),
  server('v1', { environment: 'Production' }),
  server('v2', { environment: 'Staging' }),
  server('v3', { environment: 'Production' }),
  server('v4'),
];

describe.each(databases.eachSupportedId())(
  'Pivot reports on %p',
  databaseId => {
    let runner: ReportRunner;

    beforeAll(async () => {
      const ctx = await createTestStore(databases, databaseId);
      await ctx.writePath.writeMany(fixtures, {
        mode: 'create',
        source: { type: 'ui' },
        actor: user,
      });
      runner = new ReportRunner(ctx.knex);
    });

    /** Each row as `c1/s1/a1/v1`, names of the levels in chain order. */
    const chains = async (levels: PivotLevel[]) => {
      const query: PivotReportQuery = { type: 'pivot', levels };
      const page = await runner.page(query, { limit: 1000 });
      expect(page.totalCount).toBe(page.items.length);
      const streamed: string[] = [];
      const names = (row: Record<string, unknown>) =>
        levels
          .map(l => String(row[`${l.level}.entityRef`]).split('/')[1])
          .join('/');
      for await (const { row } of runner.iterate(query, { pageSize: 2 }))
        streamed.push(names(row));
      const rows = page.items.map(names).sort();
      // Paging and streaming see the same rows.
      expect(streamed.sort()).toEqual(rows);
      return rows;
    };
    const level = (name: PivotLevel['level'], filters: any[] = []) => ({
      level: name,
      filters,
    });

    it('links 4 levels: clients -> systems -> applications -> servers', async () => {
      expect(
        await chains([
          level('clients'),
          level('systems'),
          level('applications'),
          level('servers'),
        ]),
      ).toEqual(['c1/s1/a1/v1', 'c1/s1/a1/v2', 'c1/s2/a2/v3', 'c2/s2/a2/v3']);
    });

    it('links 3 levels', async () => {
      expect(
        await chains([
          level('clients'),
          level('systems'),
          level('applications'),
        ]),
      ).toEqual(['c1/s1/a1', 'c1/s2/a2', 'c2/s2/a2']);
    });

    it('links 2 levels', async () => {
      expect(await chains([level('clients'), level('systems')])).toEqual([
        'c1/s1',
        'c1/s2',
        'c2/s2',
      ]);
      expect(await chains([level('applications'), level('servers')])).toEqual([
        'a1/v1',
        'a1/v2',
        'a2/v3',
        'a3/v1',
      ]);
    });

    it('leaves out the first level', async () => {
      expect(
        await chains([
          level('systems'),
          level('applications'),
          level('servers'),
        ]),
      ).toEqual(['s1/a1/v1', 's1/a1/v2', 's2/a2/v3']);
    });

    it('filters at each level', async () => {
      expect(
        await chains([
          level('clients', [
            { field: 'metadata.name', operator: 'equal', value: 'c2' },
          ]),
          level('systems'),
          level('applications', [
            { field: 'spec.family', operator: 'oneOf', value: ['Database'] },
          ]),
          level('servers', [
            {
              field: 'spec.environment',
              operator: 'oneOf',
              value: ['Production'],
            },
          ]),
        ]),
      ).toEqual(['c2/s2/a2/v3']);
      expect(
        await chains([
          level('applications'),
          level('servers', [
            {
              field: 'spec.environment',
              operator: 'oneOf',
              value: ['Staging'],
            },
          ]),
        ]),
      ).toEqual(['a1/v2']);
    });

    it('carries the columns of every level', async () => {
      const page = await runner.page(
        {
          type: 'pivot',
          levels: [
            { level: 'systems', filters: [], columns: ['metadata.name'] },
            {
              level: 'servers',
              filters: [],
              columns: ['metadata.name', 'spec.environment'],
            },
            { level: 'applications', filters: [], columns: ['spec.family'] },
          ],
        },
        { sort: 'servers.metadata.name' },
      );
      expect(page.columns).toEqual([
        'systems.entityRef',
        'systems.metadata.name',
        'applications.entityRef',
        'applications.spec.family',
        'servers.entityRef',
        'servers.metadata.name',
        'servers.spec.environment',
      ]);
      expect(page.items[0]).toEqual({
        'systems.entityRef': 'system:default/s1',
        'systems.metadata.name': 's1',
        'applications.entityRef': 'component:default/a1',
        'applications.spec.family': 'Application',
        'servers.entityRef': 'server:default/v1',
        'servers.metadata.name': 'v1',
        'servers.spec.environment': 'Production',
      });
    });

    it('refuses a chain with a level missing in between, or a level twice', async () => {
      await expect(
        runner.page({
          type: 'pivot',
          levels: [level('clients'), level('servers')],
        }),
      ).rejects.toThrow(/cannot be left out/);
      await expect(
        runner.page({
          type: 'pivot',
          levels: [level('clients'), level('clients')],
        }),
      ).rejects.toThrow(/twice/);
      await expect(
        runner.page({
          type: 'pivot',
          levels: [
            level('servers', [
              { field: 'spec.family', operator: 'equal', value: 'x' },
            ]),
          ],
        }),
      ).rejects.toThrow(/not a field of servers/);
    });
  },
);
