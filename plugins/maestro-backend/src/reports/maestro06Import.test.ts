import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  PIVOT_LEVEL_KINDS,
  PivotLevelName,
  defaultColumnsOf,
} from '@maestro/plugin-maestro-common';
import { createTestDatabases } from '../__testUtils__/testStore';
import { DEMO_DIR } from '../__testUtils__/demoData';
import { startMaestroTestBackend } from '../__testUtils__/testBackend';
import { loadDirectory } from '../import';
import { PIVOT_SHAPES } from './__fixtures__/maestro06PivotReports';

const databases = createTestDatabases();

const MAESTRO_REPORTS = JSON.parse(
  fs.readFileSync(path.join(DEMO_DIR, 'reports.json'), 'utf8'),
);

type Rec = { ref: string; active: boolean; createdAt: string; spec: any };
type Level = { level: PivotLevelName; keep: (r: Rec) => boolean };

const isActive = (r: Rec) => r.active;

/**
 * What each pivot shape selects, said again in plain code over the list
 * API's records: the expected rows come from another path to the store.
 */
const EXPECTED: Record<keyof typeof PIVOT_SHAPES, Level[]> = {
  ALL_LEVELS: [
    { level: 'clients', keep: isActive },
    { level: 'systems', keep: isActive },
    { level: 'applications', keep: isActive },
    { level: 'servers', keep: isActive },
  ],
  CLIENTS_SYSTEMS: [
    { level: 'clients', keep: isActive },
    { level: 'systems', keep: isActive },
  ],
  SYSTEMS_TO_SERVERS: [
    { level: 'systems', keep: isActive },
    {
      level: 'applications',
      keep: r => r.active && r.spec.environment === 'Production',
    },
    {
      level: 'servers',
      keep: r => r.active && r.spec.cpu > 0 && r.spec.os?.base === 'Linux',
    },
  ],
  APPLICATIONS_SERVERS: [
    {
      level: 'applications',
      keep: r =>
        String(r.spec.title ?? '')
          .toLowerCase()
          .includes('a'),
    },
    { level: 'servers', keep: r => r.createdAt >= '2000-01-02' },
  ],
  SERVERS_ONLY: [
    {
      level: 'servers',
      keep: r =>
        r.active &&
        (r.spec.storage ?? []).some((s: any) => s.type === 'attached'),
    },
  ],
};

/** Which level's array names which other level. */
const LINKS: Array<[PivotLevelName, string, PivotLevelName]> = [
  ['systems', 'clients', 'clients'],
  ['applications', 'systems', 'systems'],
  ['applications', 'servers', 'servers'],
];

/** Rows of a chain: every combination the reference arrays link. */
function expectedRows(levels: Level[], records: Record<string, Rec[]>) {
  const kept = new Map(
    levels.map(l => [
      l.level,
      new Map(records[l.level].filter(l.keep).map(r => [r.ref, r])),
    ]),
  );
  let rows: Array<Partial<Record<PivotLevelName, Rec>>> = [
    ...kept.get(levels[0].level)!.values(),
  ].map(r => ({ [levels[0].level]: r }));
  for (const { level } of levels.slice(1)) {
    const next: typeof rows = [];
    for (const row of rows) {
      for (const [holder, array, target] of LINKS) {
        const linked = holder === level ? target : holder;
        if (!(holder === level || target === level) || !row[linked]) continue;
        const candidates =
          holder === level
            ? [...kept.get(level)!.values()].filter(h =>
                (h.spec[array] ?? []).includes(row[linked]!.ref),
              )
            : (row[linked]!.spec[array] ?? [])
                .map((ref: string) => kept.get(level)!.get(ref))
                .filter(Boolean);
        for (const c of candidates) next.push({ ...row, [level]: c });
      }
    }
    rows = next;
  }
  return rows.length;
}

describe.each(databases.eachSupportedId())(
  'Maestro 0.6 saved reports on %p',
  databaseId => {
    let server: any;
    const auth = mockCredentials.user.header('user:default/ada');
    const api = (method: 'get' | 'post', p: string) =>
      request(server)[method](`/api/maestro${p}`).set('Authorization', auth);
    const records: Record<string, Rec[]> = {};

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      server = (await startMaestroTestBackend({ knex })).server;
      const files = await loadDirectory(DEMO_DIR);
      await api('post', '/import/maestro-0.6').send({ files }).expect(200);
      const list = async (plural: string) =>
        (
          await api('get', `/entities/${plural}?limit=1000`).expect(200)
        ).body.items.map((r: any) => ({
          ref: stringifyEntityRef(r.entity),
          active: r.active,
          createdAt: r.createdAt,
          spec: { ...r.entity.spec, title: r.entity.metadata.title },
        }));
      records.clients = await list('clients');
      records.systems = await list('systems');
      records.applications = [
        ...(await list('applications')),
        ...(await list('resources')),
      ];
      records.servers = await list('servers');
    }, 120_000);

    it('imports every saved report, general and pivot, and runs each', async () => {
      const docs = [...MAESTRO_REPORTS, ...Object.values(PIVOT_SHAPES)];
      const imported = await api('post', '/reports/import/maestro-0.6')
        .send({ reports: docs })
        .expect(201);
      expect(imported.body.items.map((r: any) => [r.name, r.type])).toEqual(
        docs.map(d => [d.name, d.report]),
      );
      for (const report of imported.body.items) {
        const run = await api('post', `/reports/${report.id}/run`).expect(200);
        expect({ name: report.name, status: run.body.status }).toEqual({
          name: report.name,
          status: 'finished',
        });
        const rows = await api('get', `/reports/${report.id}/rows?limit=5`);
        expect(rows.status).toBe(200);
        expect(rows.body.totalCount).toBe(run.body.rowCount);
        const q = report.query;
        const columns =
          q.type === 'general'
            ? ['entityRef', ...defaultColumnsOf(q.kind)]
            : q.levels.flatMap((l: any) => [
                `${l.level}.entityRef`,
                ...defaultColumnsOf(
                  PIVOT_LEVEL_KINDS[l.level as PivotLevelName],
                ).map(c => `${l.level}.${c}`),
              ]);
        expect(rows.body.columns).toEqual(columns);
        for (const row of rows.body.items)
          expect(Object.keys(row).sort()).toEqual([...columns].sort());
      }
    });

    it.each(Object.keys(PIVOT_SHAPES) as Array<keyof typeof PIVOT_SHAPES>)(
      'pivot %s selects the linked rows its tables filter',
      async shape => {
        const [report] = (
          await api('post', '/reports/import/maestro-0.6')
            .send({ reports: [PIVOT_SHAPES[shape]] })
            .expect(201)
        ).body.items;
        const run = await api('post', `/reports/${report.id}/run`).expect(200);
        const expected = expectedRows(EXPECTED[shape], records);
        expect(expected).toBeGreaterThan(0);
        expect(run.body.rowCount).toBe(expected);
        const first = await api(
          'get',
          `/reports/${report.id}/rows?limit=1000`,
        ).expect(200);
        expect(first.body.items).toHaveLength(Math.min(1000, expected));
      },
    );
  },
);
