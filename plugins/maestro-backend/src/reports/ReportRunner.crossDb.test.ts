import { mockServices } from '@backstage/backend-test-utils';
import { ReportQuery } from '@maestro/plugin-maestro-common';
import {
  createTestDatabases,
  createTestStore,
  user,
} from '../__testUtils__/testStore';
import { readDemoFiles } from '../__testUtils__/demoData';
import { ImportService } from '../import/ImportService';
import { ReportRunner } from './ReportRunner';

const databases = createTestDatabases();
const ids = databases.eachSupportedId().map(([id]) => id);

/** Reports over the demo inventory touching every operator family and the pivot. */
const QUERIES: Record<string, ReportQuery> = {
  typed: {
    type: 'general',
    kind: 'servers',
    filters: [
      { field: 'spec.active', operator: 'equal', value: true },
      { field: 'spec.cpu', operator: 'gte', value: 2 },
      {
        anyOf: [
          { field: 'spec.hostname', operator: 'contains', value: 'web' },
          { field: 'spec.environment', operator: 'oneOf', value: ['Staging'] },
          {
            field: 'spec.auth',
            operator: 'hasElement',
            subfield: 'type',
            value: 'AD',
          },
        ],
      },
      {
        field: 'spec.datacenter',
        operator: 'equal',
        subfield: 'provider',
        value: 'AWS',
      },
      { field: 'spec.os.dist', operator: 'notEqual', value: 'Windows' },
      { field: 'createdAt', operator: 'lastDays', value: 1 },
    ],
    columns: [
      'metadata.name',
      'spec.hostname',
      'spec.os',
      'spec.auth',
      'spec.memory',
    ],
  },
  databases: {
    type: 'general',
    kind: 'resources',
    family: 'Database',
    filters: [
      { field: 'metadata.title', operator: 'notContains', value: 'mongo' },
    ],
  },
  pivot: {
    type: 'pivot',
    levels: [
      { level: 'clients', filters: [] },
      { level: 'systems', filters: [] },
      {
        level: 'applications',
        filters: [],
        columns: ['metadata.name', 'spec.family'],
      },
      {
        level: 'servers',
        filters: [],
        columns: ['metadata.name', 'spec.environment'],
      },
    ],
  },
};

const describeBoth = ids.length > 1 ? describe : describe.skip;

describeBoth('Reports give the same rows on SQLite and PostgreSQL', () => {
  const runners = new Map<string, ReportRunner>();

  beforeAll(async () => {
    for (const id of ids) {
      const ctx = await createTestStore(databases, id);
      const importer = new ImportService(
        ctx.writePath,
        mockServices.logger.mock(),
      );
      await importer.importMaestro06(readDemoFiles(), user, 'test');
      runners.set(id, new ReportRunner(ctx.knex));
    }
  }, 120_000);

  it.each(Object.keys(QUERIES))('%s', async name => {
    const results: string[][] = [];
    for (const runner of runners.values()) {
      const rows: string[] = [];
      for await (const { row } of runner.iterate(QUERIES[name])) {
        rows.push(JSON.stringify(row));
      }
      results.push(rows.sort());
    }
    expect(results[0].length).toBeGreaterThan(0);
    for (const other of results.slice(1)) expect(other).toEqual(results[0]);
  });
});
