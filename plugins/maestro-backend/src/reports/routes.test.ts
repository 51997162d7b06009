/* eslint-disable jest/no-standalone-expect -- `ansibleIt` is `it` or `it.skip` */
import { mockCredentials } from '@backstage/backend-test-utils';
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testStore';
import { DEMO_COUNTS, DEMO_DIR } from '../__testUtils__/demoData';
import { loadDirectory } from '../import';
import { startMaestroTestBackend } from '../__testUtils__/testBackend';

const databases = createTestDatabases();

/** Maestro 0.6's saved reports, as a user already has them. */
const MAESTRO_REPORTS = JSON.parse(
  fs.readFileSync(path.join(DEMO_DIR, 'reports.json'), 'utf8'),
);

/** RFC 4180 parser, enough to read our own export back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

/**
 * Reads XML with Python's parser (a real one; none is a dependency here):
 * each row as column id -> text of its field.
 */
function parseXmlRows(xml: string): Array<Record<string, string>> {
  const script = [
    'import sys, json, xml.etree.ElementTree as ET',
    'root = ET.fromstring(sys.stdin.buffer.read())',
    'assert root.tag == "report"',
    'print(json.dumps([{f.get("name"): "".join(f.itertext()) for f in row.findall("field")} for row in root.findall("row")]))',
  ].join('\n');
  return JSON.parse(
    execFileSync('python3', ['-c', script], { input: xml, encoding: 'utf8' }),
  );
}

function hasAnsibleInventory() {
  try {
    execFileSync('ansible-inventory', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.each(databases.eachSupportedId())('Reports API on %p', databaseId => {
  let server: any;
  const auth = mockCredentials.user.header('user:default/ada');
  const api = (method: 'get' | 'post' | 'put' | 'delete', p: string) =>
    request(server)[method](`/api/maestro${p}`).set('Authorization', auth);
  const count = async (p: string) =>
    (await api('get', `${p}${p.includes('?') ? '&' : '?'}limit=1`).expect(200))
      .body.totalCount as number;

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    const backend = await startMaestroTestBackend({
      knex,
      config: {
        maestro: { reports: { ansible: { keyDirectory: '/keys' } } },
      },
    });
    server = backend.server;
    const files = await loadDirectory(DEMO_DIR);
    await api('post', '/import/maestro-0.6').send({ files }).expect(200);
  }, 120_000);

  it('refuses unauthenticated requests', async () => {
    const res = await request(server).get('/api/maestro/reports');
    expect(res.status).toBe(401);
  });

  it('imports and runs the saved reports of Maestro 0.6', async () => {
    const res = await api('post', '/reports/import/maestro-0.6')
      .send({ reports: MAESTRO_REPORTS })
      .expect(201);
    expect(res.body.items.map((r: any) => r.name)).toEqual(
      MAESTRO_REPORTS.map((r: any) => r.name),
    );
    const byName: Record<string, any> = {};
    for (const report of res.body.items) {
      const run = await api('post', `/reports/${report.id}/run`).expect(200);
      expect(run.body.status).toBe('finished');
      expect(run.body.lastRunAt).toEqual(expect.any(String));
      byName[report.name] = run.body;
    }
    // Expected counts come from the list API, another path to the same store.
    expect(byName['All Servers'].rowCount).toBe(
      await count('/entities/servers?filter.spec.active=true'),
    );
    expect(byName['All Servers'].rowCount).toBeGreaterThan(0);
    for (const provider of ['AWS', 'Azure', 'Digital Ocean']) {
      expect(byName[`${provider} - Servers`].rowCount).toBe(
        await count(
          `/entities/servers?filter.spec.active=true&filter.spec.datacenter.provider=${encodeURIComponent(
            provider,
          )}`,
        ),
      );
    }
    expect(
      ['AWS', 'Azure', 'Digital Ocean']
        .map(p => byName[`${p} - Servers`].rowCount)
        .reduce((a, b) => a + b),
    ).toBeGreaterThan(0);
    expect(byName['All Volumes'].rowCount).toBe(DEMO_COUNTS.Volume);
    expect(byName['All Systems'].rowCount).toBe(DEMO_COUNTS.System);
    expect(byName['All Clients'].rowCount).toBe(DEMO_COUNTS.Client);
    expect(byName['All Applications'].rowCount).toBe(DEMO_COUNTS.Component);

    const rows = await api(
      'get',
      `/reports/${byName['AWS - Servers'].id}/rows?limit=5&sort=metadata.title`,
    ).expect(200);
    expect(rows.body.totalCount).toBe(byName['AWS - Servers'].rowCount);
    expect(rows.body.items).toHaveLength(5);
    for (const row of rows.body.items)
      expect(row['spec.datacenter.provider']).toBe('AWS');
    const titles = rows.body.items.map((r: any) => r['metadata.title']);
    expect([...titles].sort()).toEqual(titles);
  });

  it('refuses a Maestro report it cannot translate, and saves none', async () => {
    const before = (await api('get', '/reports').expect(200)).body.items.length;
    const res = await api('post', '/reports/import/maestro-0.6')
      .send({
        reports: [
          MAESTRO_REPORTS[0],
          { ...MAESTRO_REPORTS[0], component: 'Spaceships' },
        ],
      })
      .expect(400);
    expect(res.body.fieldErrors[0].field).toBe('reports[1].component');
    expect((await api('get', '/reports').expect(200)).body.items).toHaveLength(
      before,
    );
  });

  it('creates, reads, updates and deletes a report; a field outside the schema is a 400', async () => {
    const bad = await api('post', '/reports')
      .send({
        name: 'bad',
        query: {
          type: 'general',
          kind: 'servers',
          filters: [{ field: 'spec.password', operator: 'equal', value: 'x' }],
        },
      })
      .expect(400);
    expect(bad.body.error.message).toMatch(/spec.password/);
    const created = await api('post', '/reports')
      .send({
        name: 'Production Linux',
        query: {
          type: 'general',
          kind: 'servers',
          filters: [
            {
              field: 'spec.environment',
              operator: 'oneOf',
              value: ['Production'],
            },
          ],
        },
      })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Production Linux',
      type: 'general',
      status: 'created',
      createdBy: 'user:default/ada',
    });
    const id = created.body.id;
    const updated = await api('put', `/reports/${id}`)
      .send({ ...created.body, name: 'Production', scheduled: true })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'Production', scheduled: true });
    expect((await api('get', `/reports/${id}`).expect(200)).body.name).toBe(
      'Production',
    );
    await api('delete', `/reports/${id}`).expect(204);
    await api('get', `/reports/${id}`).expect(404);
    await api('delete', `/reports/${id}`).expect(404);
  });

  const createReport = async (name: string, query: object) =>
    (await api('post', '/reports').send({ name, query }).expect(201)).body;

  it('exports JSON, CSV (nested fields flattened) and XML, each parsed back', async () => {
    const report = await createReport('Production servers', {
      type: 'general',
      kind: 'servers',
      filters: [
        { field: 'spec.environment', operator: 'oneOf', value: ['Production'] },
      ],
      columns: ['metadata.name', 'spec.hostname', 'spec.os', 'spec.auth'],
    });
    const expected = await count(
      '/entities/servers?filter.spec.environment=Production',
    );
    expect(expected).toBeGreaterThan(20);

    const json = await api('get', `/reports/${report.id}/export?format=json`)
      .buffer(true)
      .parse((res, cb) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => cb(null, text));
      })
      .expect(200);
    expect(json.headers['content-disposition']).toContain(
      'Production-servers.json',
    );
    const items = JSON.parse(json.body);
    expect(items).toHaveLength(expected);
    expect(new Set(items.map((i: any) => i.entityRef)).size).toBe(expected);
    const sample = items.find((i: any) => i['spec.auth']?.length);
    expect(sample['spec.auth'][0].type).toEqual(expect.any(String));

    const csv = await api('get', `/reports/${report.id}/export?format=csv`)
      .buffer(true)
      .parse((res, cb) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => cb(null, text));
      })
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, ...lines] = parseCsv(csv.body);
    expect(header).toEqual([
      'entityRef',
      'metadata.name',
      'spec.hostname',
      'spec.os.base',
      'spec.os.dist',
      'spec.os.version',
      'spec.auth.type',
      'spec.auth.name',
      'spec.auth.username',
    ]);
    expect(lines).toHaveLength(expected);
    const byRef = new Map(items.map((i: any) => [i.entityRef, i]));
    for (const line of lines) {
      const item: any = byRef.get(line[0]);
      expect(line[2]).toBe(item['spec.hostname']);
      expect(line[3]).toBe(item['spec.os']?.base ?? '');
      expect(line[6]).toBe(
        (item['spec.auth'] ?? []).map((a: any) => a.type).join('; '),
      );
    }

    const xml = await api('get', `/reports/${report.id}/export?format=xml`)
      .buffer(true)
      .parse((res, cb) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => cb(null, text));
      })
      .expect(200);
    const rows = parseXmlRows(xml.body);
    expect(rows).toHaveLength(expected);
    for (const row of rows.slice(0, 20)) {
      const item: any = byRef.get(row.entityRef);
      expect(row['spec.hostname']).toBe(item['spec.hostname']);
      expect(row['metadata.name']).toBe(item['metadata.name']);
    }

    await api('get', `/reports/${report.id}/export?format=pdf`).expect(400);
  });

  it('charts the seed aggregations with counts that add up', async () => {
    const report = await createReport('All servers charts', {
      type: 'general',
      kind: 'servers',
      filters: [],
    });
    const res = await api('get', `/reports/${report.id}/charts`).expect(200);
    const charts = Object.fromEntries(
      res.body.items.map((c: any) => [c.id, c]),
    );
    expect(Object.keys(charts)).toEqual(
      expect.arrayContaining([
        'providers',
        'regions',
        'zones',
        'os',
        'environment',
        'tags',
      ]),
    );
    for (const env of ['Production', 'Staging']) {
      expect(
        charts.environment.buckets.find((b: any) => b.value === env).count,
      ).toBe(await count(`/entities/servers?filter.spec.environment=${env}`));
    }
    const providers = charts.providers.buckets.reduce(
      (n: number, b: any) => n + b.count,
      0,
    );
    expect(providers).toBeLessThanOrEqual(DEMO_COUNTS.Server);
    expect(providers).toBeGreaterThan(0);

    const pivot = await createReport('Pivot charts', {
      type: 'pivot',
      levels: [
        { level: 'systems', filters: [] },
        { level: 'applications', filters: [] },
      ],
    });
    const pivotCharts = await api('get', `/reports/${pivot.id}/charts`).expect(
      200,
    );
    const ids = pivotCharts.body.items.map((c: any) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining(['systems.clients', 'applications.family']),
    );
  });

  // Runs where Debian's ansible-core is installed, skipped (saying so) elsewhere.
  const ansibleIt = hasAnsibleInventory() ? it : it.skip;
  if (!hasAnsibleInventory()) {
    // eslint-disable-next-line no-console
    console.warn(
      'Skipping the Ansible inventory check: ansible-inventory is not on PATH (apt-get install -y ansible-core)',
    );
  }

  ansibleIt(
    'exports an Ansible inventory that ansible-inventory accepts, by environment and by system',
    async () => {
      const report = await createReport('Servers for Ansible', {
        type: 'general',
        kind: 'servers',
        filters: [
          {
            field: 'spec.environment',
            operator: 'oneOf',
            value: ['Production', 'Staging'],
          },
        ],
      });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maestro-ansible-'));
      const inventory = async (groupBy: string) => {
        const res = await api(
          'get',
          `/reports/${report.id}/export?format=ansible&groupBy=${groupBy}`,
        )
          .buffer(true)
          .parse((r, cb) => {
            let text = '';
            r.on('data', (c: Buffer) => (text += c.toString()));
            r.on('end', () => cb(null, text));
          })
          .expect(200);
        const file = path.join(dir, `${groupBy}.ini`);
        fs.writeFileSync(file, res.body);
        return JSON.parse(
          execFileSync('ansible-inventory', ['-i', file, '--list'], {
            encoding: 'utf8',
            env: { ...process.env, ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true' },
          }),
        );
      };

      const byEnv = await inventory('environment');
      const production = await count(
        '/entities/servers?filter.spec.environment=Production',
      );
      expect(byEnv.Production.hosts).toHaveLength(production);
      expect(byEnv.Staging.hosts).toHaveLength(
        await count('/entities/servers?filter.spec.environment=Staging'),
      );
      const host = byEnv.Production.hosts[0];
      const record = (
        await api('get', `/entities/servers/default/${host}`).expect(200)
      ).body.entity;
      expect(byEnv._meta.hostvars[host]).toMatchObject({
        ansible_host: record.spec.ipv4Private,
      });
      const pki = record.spec.auth?.find((a: any) => a.type === 'PKI');
      if (pki) {
        expect(byEnv._meta.hostvars[host].ansible_ssh_private_key_file).toBe(
          `/keys/${pki.name}`,
        );
      }

      const bySystem = await inventory('system');
      const groups = Object.keys(bySystem).filter(
        g => !['_meta', 'all', 'ungrouped'].includes(g),
      );
      expect(groups.length).toBeGreaterThan(0);
      // Each system group holds exactly the servers of its applications.
      const pivot = await createReport('System servers', {
        type: 'pivot',
        levels: [
          { level: 'systems', filters: [], columns: ['metadata.name'] },
          { level: 'applications', filters: [], columns: ['metadata.name'] },
          {
            level: 'servers',
            filters: [
              {
                field: 'spec.environment',
                operator: 'oneOf',
                value: ['Production', 'Staging'],
              },
            ],
            columns: ['metadata.name'],
          },
        ],
      });
      const rows = await api(
        'get',
        `/reports/${pivot.id}/rows?limit=1000`,
      ).expect(200);
      const expected = new Map<string, Set<string>>();
      for (const row of rows.body.items) {
        const group = String(row['systems.metadata.name']).replace(
          /[^A-Za-z0-9_]/g,
          '_',
        );
        if (!expected.has(group)) expected.set(group, new Set());
        expected.get(group)!.add(row['servers.metadata.name']);
      }
      expect(groups.sort()).toEqual([...expected.keys()].sort());
      for (const [group, hosts] of expected) {
        expect(bySystem[group].hosts.sort()).toEqual([...hosts].sort());
      }
    },
  );

  it('refuses an inventory of a report without servers', async () => {
    const report = await createReport('Clients', {
      type: 'general',
      kind: 'clients',
      filters: [],
    });
    const res = await api(
      'get',
      `/reports/${report.id}/export?format=ansible`,
    ).expect(400);
    expect(res.body.error.message).toMatch(/servers/);
  });
});
