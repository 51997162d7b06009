import {
  GeneralReportQuery,
  ReportFilter,
} from '@maestro/plugin-maestro-common';
import {
  createTestDatabases,
  createTestStore,
  server,
  user,
} from '../__testUtils__/testStore';
import { ReportRunner } from './ReportRunner';

const databases = createTestDatabases();
const ui = { type: 'ui' as const };

const fixtures = [
  server('web-1', {
    hostname: 'web-1.prod',
    environment: 'Production',
    cpu: 2,
    memory: 4,
    os: { base: 'Linux', dist: 'Ubuntu', version: '22.04' },
    datacenter: { provider: 'AWS', region: 'us-east-1' },
    auth: [{ type: 'PKI', name: 'deploy-key', username: 'ubuntu' }],
    tags: [{ key: 'team', value: 'core' }],
    storage: [{ name: '/dev/xvda', size: 8, root: true }],
    networks: ['network:default/vpc-1'],
  }),
  server('web-2', {
    hostname: 'web-2.stage',
    environment: 'Staging',
    cpu: 4,
    memory: 16,
    os: { base: 'Linux', dist: 'CentOS' },
    datacenter: { provider: 'Azure', region: 'eastus' },
    auth: [{ type: 'AD', name: 'corp' }],
    tags: [{ key: 'team', value: 'edge' }],
    storage: [{ name: '/dev/sda', size: 100, root: false }],
  }),
  server('db-1', {
    hostname: 'db-1.prod',
    environment: 'Production',
    cpu: 8,
    os: { base: 'Windows' },
    datacenter: { provider: 'AWS', region: 'eu-west-1' },
    active: false,
  }),
  server('bare', { hostname: 'bare_100%' }),
];

describe.each(databases.eachSupportedId())(
  'General reports on %p',
  databaseId => {
    let runner: ReportRunner;

    beforeAll(async () => {
      const ctx = await createTestStore(databases, databaseId);
      await ctx.writePath.writeMany(fixtures, {
        mode: 'create',
        source: ui,
        actor: user,
      });
      // An old record, for the date operators.
      await ctx
        .knex('maestro_records')
        .where({ name: 'db-1' })
        .update({ created_at: '2018-02-20T01:38:10.000Z' });
      runner = new ReportRunner(ctx.knex);
    });

    const names = async (filters: ReportFilter[], kind = 'servers') => {
      const query: GeneralReportQuery = { type: 'general', kind, filters };
      const page = await runner.page(query, { limit: 1000 });
      expect(page.totalCount).toBe(page.items.length);
      return page.items.map(r => String(r.entityRef).split('/')[1]).sort();
    };

    it.each([
      ['equal', 'web-1.prod', ['web-1']],
      ['notEqual', 'web-1.prod', ['bare', 'db-1', 'web-2']],
      ['contains', 'PROD', ['db-1', 'web-1']],
      ['notContains', 'prod', ['bare', 'web-2']],
      // LIKE wildcards in the value are literal text.
      ['contains', '_100%', ['bare']],
      ['contains', '%', ['bare']],
    ])('string %s %p', async (operator, value, expected) => {
      expect(
        await names([{ field: 'spec.hostname', operator, value } as any]),
      ).toEqual(expected);
    });

    it('string operators on a JSON field, missing counting as not equal', async () => {
      expect(
        await names([
          { field: 'spec.os.dist', operator: 'notEqual', value: 'Ubuntu' },
        ]),
      ).toEqual(['bare', 'db-1', 'web-2']);
      expect(
        await names([
          { field: 'spec.os.dist', operator: 'equal', value: 'Ubuntu' },
        ]),
      ).toEqual(['web-1']);
    });

    it.each([
      ['eq', 4, ['web-2']],
      ['gt', 2, ['db-1', 'web-2']],
      ['gte', 2, ['db-1', 'web-1', 'web-2']],
      ['lt', 8, ['web-1', 'web-2']],
      ['lte', 8, ['db-1', 'web-1', 'web-2']],
    ])('number %s %p', async (operator, value, expected) => {
      expect(
        await names([{ field: 'spec.cpu', operator, value } as any]),
      ).toEqual(expected);
    });

    it('compares numbers as numbers, not text', async () => {
      // '16' < '4' as text; 16 > 4 as numbers.
      expect(
        await names([{ field: 'spec.memory', operator: 'gt', value: 5 }]),
      ).toEqual(['web-2']);
    });

    it('boolean equal, on the active column', async () => {
      expect(
        await names([
          { field: 'spec.active', operator: 'equal', value: false },
        ]),
      ).toEqual(['db-1']);
      expect(
        await names([{ field: 'spec.active', operator: 'equal', value: true }]),
      ).toEqual(['bare', 'web-1', 'web-2']);
    });

    it('boolean equal, on a JSON field inside an array', async () => {
      expect(
        await names([
          {
            field: 'spec.storage',
            operator: 'hasElement',
            subfield: 'root',
            value: true,
          },
        ]),
      ).toEqual(['web-1']);
      expect(
        await names([
          {
            field: 'spec.storage',
            operator: 'hasElement',
            subfield: 'root',
            value: false,
          },
        ]),
      ).toEqual(['web-2']);
    });

    it('date operators', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const date = (operator: string, value?: unknown) =>
        names([{ field: 'createdAt', operator, value } as any]);
      expect(await date('before', '2019-01-01')).toEqual(['db-1']);
      expect(await date('after', '2018-02-20')).toEqual([
        'bare',
        'web-1',
        'web-2',
      ]);
      expect(await date('after', '2018-02-19')).toHaveLength(4);
      expect(await date('on', '2018-02-20')).toEqual(['db-1']);
      expect(await date('on', today)).toEqual(['bare', 'web-1', 'web-2']);
      expect(await date('thisMonth')).toEqual(['bare', 'web-1', 'web-2']);
      expect(await date('lastDays', 30)).toEqual(['bare', 'web-1', 'web-2']);
      expect(await date('lastDays', 365 * 20)).toHaveLength(4);
    });

    it('this month and last N days follow the clock given', async () => {
      const query: GeneralReportQuery = {
        type: 'general',
        kind: 'servers',
        filters: [{ field: 'createdAt', operator: 'thisMonth' }],
      };
      const in2018 = runner.compile(query, new Date('2018-02-27T00:00:00Z'));
      expect(await runner.count(in2018)).toBe(1);
      const lastDays = runner.compile(
        {
          ...query,
          filters: [{ field: 'createdAt', operator: 'lastDays', value: 3 }],
        },
        new Date('2018-02-22T00:00:00Z'),
      );
      expect(await runner.count(lastDays)).toBe(1);
    });

    it('select one of', async () => {
      expect(
        await names([
          {
            field: 'spec.environment',
            operator: 'oneOf',
            value: ['Staging', 'Development'],
          },
        ]),
      ).toEqual(['web-2']);
    });

    it('array: an element whose subfield equals, or an element equal', async () => {
      expect(
        await names([
          {
            field: 'spec.auth',
            operator: 'hasElement',
            subfield: 'type',
            value: 'PKI',
          },
        ]),
      ).toEqual(['web-1']);
      expect(
        await names([
          {
            field: 'spec.tags',
            operator: 'hasElement',
            subfield: 'value',
            value: 'edge',
          },
        ]),
      ).toEqual(['web-2']);
      expect(
        await names([
          {
            field: 'spec.storage',
            operator: 'hasElement',
            subfield: 'size',
            value: 100,
          },
        ]),
      ).toEqual(['web-2']);
      expect(
        await names([
          {
            field: 'spec.networks',
            operator: 'hasElement',
            value: 'network:default/vpc-1',
          },
        ]),
      ).toEqual(['web-1']);
    });

    it('object: subfield equals or contains', async () => {
      expect(
        await names([
          {
            field: 'spec.datacenter',
            operator: 'equal',
            subfield: 'provider',
            value: 'AWS',
          },
        ]),
      ).toEqual(['db-1', 'web-1']);
      expect(
        await names([
          {
            field: 'spec.datacenter',
            operator: 'contains',
            subfield: 'region',
            value: 'east',
          },
        ]),
      ).toEqual(['web-1', 'web-2']);
    });

    it('ANDs filters and ORs a group', async () => {
      expect(
        await names([
          {
            field: 'spec.environment',
            operator: 'oneOf',
            value: ['Production'],
          },
          {
            anyOf: [
              { field: 'spec.cpu', operator: 'gte', value: 8 },
              { field: 'spec.os.dist', operator: 'equal', value: 'Ubuntu' },
            ],
          },
          { field: 'spec.active', operator: 'equal', value: true },
        ]),
      ).toEqual(['web-1']);
      expect(
        await names([
          {
            anyOf: [
              { field: 'spec.hostname', operator: 'contains', value: 'stage' },
              { field: 'spec.cpu', operator: 'gte', value: 8 },
            ],
          },
        ]),
      ).toEqual(['db-1', 'web-2']);
    });

    it('refuses fields outside the schema and bad operators, naming them', async () => {
      const bad = (filters: any[]) =>
        runner.page({ type: 'general', kind: 'servers', filters });
      await expect(
        bad([{ field: "spec.x') OR 1=1 --", operator: 'equal', value: 'a' }]),
      ).rejects.toThrow(/query.filters\[0\].field.*not a field of servers/);
      await expect(
        bad([{ field: 'spec.nope', operator: 'equal', value: 'a' }]),
      ).rejects.toMatchObject({ name: 'InputError' });
      await expect(
        bad([{ field: 'spec.cpu', operator: 'contains', value: 'a' }]),
      ).rejects.toThrow(/operator/);
      await expect(
        bad([{ field: 'spec.cpu', operator: 'gt', value: '3' }]),
      ).rejects.toThrow(/value: must be a number/);
      await expect(
        bad([
          {
            field: 'spec.auth',
            operator: 'hasElement',
            subfield: 'password',
            value: 'x',
          },
        ]),
      ).rejects.toThrow(/subfield/);
    });

    it('projects the chosen columns, sorts and pages', async () => {
      const page = await runner.page(
        {
          type: 'general',
          kind: 'servers',
          filters: [],
          columns: ['spec.hostname', 'spec.cpu', 'spec.os', 'spec.active'],
        },
        { sort: 'spec.hostname', order: 'desc', offset: 1, limit: 2 },
      );
      expect(page.columns).toEqual([
        'entityRef',
        'spec.hostname',
        'spec.cpu',
        'spec.os',
        'spec.active',
      ]);
      expect(page.totalCount).toBe(4);
      expect(page.items).toEqual([
        {
          entityRef: 'server:default/web-1',
          'spec.hostname': 'web-1.prod',
          'spec.cpu': 2,
          'spec.os': { base: 'Linux', dist: 'Ubuntu', version: '22.04' },
          'spec.active': true,
        },
        {
          entityRef: 'server:default/db-1',
          'spec.hostname': 'db-1.prod',
          'spec.cpu': 8,
          'spec.os': { base: 'Windows' },
          'spec.active': false,
        },
      ]);
    });

    it('streams every row in keyset pages', async () => {
      const seen: string[] = [];
      for await (const { row } of runner.iterate(
        { type: 'general', kind: 'servers', filters: [] },
        { pageSize: 1 },
      )) {
        seen.push(String(row.entityRef));
      }
      expect(seen.sort()).toEqual([
        'server:default/bare',
        'server:default/db-1',
        'server:default/web-1',
        'server:default/web-2',
      ]);
    });
  },
);
