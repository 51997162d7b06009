import fs from 'fs';
import path from 'path';
import { validateReportQuery } from '@maestro/plugin-maestro-common';
import { DEMO_DIR } from '../__testUtils__/demoData';
import { RecordInputError } from '../writePath/translate';
import { translateMaestro06Reports } from './maestro06Reports';
import {
  ALL_LEVELS,
  APPLICATIONS_SERVERS,
  CLIENTS_SYSTEMS,
  SERVERS_ONLY,
  SYSTEMS_TO_SERVERS,
} from './__fixtures__/maestro06PivotReports';

const active = { field: 'spec.active', operator: 'equal', value: true };

/** The field errors of a translation that must fail. */
function errorsOf(docs: unknown[]) {
  try {
    translateMaestro06Reports(docs);
  } catch (error) {
    expect(error).toBeInstanceOf(RecordInputError);
    return (error as RecordInputError).fieldErrors;
  }
  throw new Error('translation did not fail');
}

describe('translateMaestro06Reports', () => {
  it('translates every saved report of the demo, each a valid query', () => {
    const docs = JSON.parse(
      fs.readFileSync(path.join(DEMO_DIR, 'reports.json'), 'utf8'),
    );
    const reports = translateMaestro06Reports(docs);
    expect(reports.map(r => r.name)).toEqual(docs.map((d: any) => d.name));
    for (const r of reports) expect(validateReportQuery(r.query)).toEqual([]);
    expect(reports.find(r => r.name === 'Azure - Servers')!.query).toEqual({
      type: 'general',
      kind: 'servers',
      filters: [
        active,
        {
          field: 'spec.datacenter',
          operator: 'equal',
          subfield: 'provider',
          value: 'Azure',
        },
      ],
    });
  });

  describe('pivot reports', () => {
    it('all four tables of the form (its default) become four levels', () => {
      const [report] = translateMaestro06Reports([ALL_LEVELS]);
      expect(report).toEqual({
        name: 'Clients to servers',
        scheduled: false,
        query: {
          type: 'pivot',
          levels: [
            { level: 'clients', filters: [active] },
            { level: 'systems', filters: [active] },
            { level: 'applications', filters: [active] },
            { level: 'servers', filters: [active] },
          ],
        },
      });
    });

    it('tables switched off are left out', () => {
      const [report] = translateMaestro06Reports([CLIENTS_SYSTEMS]);
      expect(report.query).toEqual({
        type: 'pivot',
        levels: [
          { level: 'clients', filters: [active] },
          { level: 'systems', filters: [active] },
        ],
      });
    });

    it('translates select, number and object filters per level', () => {
      const [report] = translateMaestro06Reports([SYSTEMS_TO_SERVERS]);
      expect(report.query).toEqual({
        type: 'pivot',
        levels: [
          { level: 'systems', filters: [active] },
          {
            level: 'applications',
            filters: [
              active,
              {
                field: 'spec.environment',
                operator: 'oneOf',
                value: ['Production'],
              },
            ],
          },
          {
            level: 'servers',
            filters: [
              active,
              { field: 'spec.cpu', operator: 'gt', value: 0 },
              {
                field: 'spec.os',
                operator: 'equal',
                subfield: 'base',
                value: 'Linux',
              },
            ],
          },
        ],
      });
    });

    it('reads tables sent as a JSON string, with string and date filters', () => {
      const [report] = translateMaestro06Reports([APPLICATIONS_SERVERS]);
      expect(report.query).toEqual({
        type: 'pivot',
        levels: [
          {
            level: 'applications',
            filters: [
              { field: 'metadata.title', operator: 'contains', value: 'a' },
            ],
          },
          {
            level: 'servers',
            filters: [
              { field: 'createdAt', operator: 'after', value: '2000-01-01' },
            ],
          },
        ],
      });
    });

    it('a single table is a one-level pivot, array subfields as named here', () => {
      const [report] = translateMaestro06Reports([SERVERS_ONLY]);
      expect(report.query).toEqual({
        type: 'pivot',
        levels: [
          {
            level: 'servers',
            filters: [
              active,
              {
                field: 'spec.storage',
                operator: 'hasElement',
                subfield: 'type',
                value: 'attached',
              },
            ],
          },
        ],
      });
    });

    it('refuses a gap in the chain, naming the 0.6 filters', () => {
      const gap = {
        ...ALL_LEVELS,
        filters: {
          ...ALL_LEVELS.filters,
          systems: { ...ALL_LEVELS.filters.systems, enabled: false },
        },
      };
      expect(errorsOf([CLIENTS_SYSTEMS, gap])).toEqual([
        {
          field: 'reports[1].filters',
          message: expect.stringMatching(/linked in the chain/),
        },
      ]);
    });

    it('refuses a pivot with no table enabled, or a table outside the chain', () => {
      const none = {
        ...CLIENTS_SYSTEMS,
        filters: {
          clients: { ...CLIENTS_SYSTEMS.filters.clients, enabled: false },
          systems: { ...CLIENTS_SYSTEMS.filters.systems, enabled: false },
        },
      };
      const stranger = {
        ...CLIENTS_SYSTEMS,
        filters: {
          ...CLIENTS_SYSTEMS.filters,
          datacenters: { enabled: true, filters: [] },
        },
      };
      expect(errorsOf([none, stranger])).toEqual([
        {
          field: 'reports[0].filters',
          message: 'no table of the pivot is enabled',
        },
        {
          field: 'reports[1].filters.datacenters',
          message: expect.stringMatching(/not a table of a pivot/),
        },
      ]);
    });

    it('names the level and filter of a filter it cannot translate', () => {
      const bad = {
        ...SYSTEMS_TO_SERVERS,
        filters: {
          ...SYSTEMS_TO_SERVERS.filters,
          servers: {
            ...SYSTEMS_TO_SERVERS.filters.servers,
            filters: [
              ...SYSTEMS_TO_SERVERS.filters.servers.filters,
              { field: 'warp_drive', filter: 'x', comparer: 'equal' },
              { field: 'cpu', filter: 'many', comparer: 'greater' },
            ],
          },
        },
      };
      expect(errorsOf([bad])).toEqual([
        {
          field: 'reports[0].filters.servers.filters[3]',
          message: `field 'warp_drive' has no equivalent in servers`,
        },
      ]);
      const badValue = {
        ...bad,
        filters: {
          ...bad.filters,
          servers: {
            ...bad.filters.servers,
            filters: [{ field: 'cpu', filter: 'many', comparer: 'greater' }],
          },
        },
      };
      expect(errorsOf([badValue])).toEqual([
        {
          field: 'reports[0].filters.servers.filters[0].value',
          message: 'must be a number',
        },
      ]);
    });
  });

  it('refuses a report of an unknown type and an unknown comparer', () => {
    expect(
      errorsOf([
        { name: 'x', report: 'relational', component: 'Servers', filters: [] },
        {
          name: 'y',
          report: 'general',
          component: 'Servers',
          filters: [{ field: 'cpu', filter: 2, comparer: 'about' }],
        },
      ]),
    ).toEqual([
      {
        field: 'reports[0].report',
        message: `must be general or pivot (got 'relational')`,
      },
      {
        field: 'reports[1].filters[0]',
        message: `comparer 'about' is not known for numbers`,
      },
    ]);
  });
});
