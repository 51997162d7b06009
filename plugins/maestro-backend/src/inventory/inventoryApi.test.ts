import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testStore';
import { startMaestroTestBackend } from '../__testUtils__/testBackend';

const databases = createTestDatabases();
const MAESTRO = 'maestroserver.io/v1alpha1';
const BACKSTAGE = 'backstage.io/v1alpha1';

/**
 * One record per kind as the inventory forms send it, a field the list can
 * filter on (`~` contains), and an edit the form would make.
 */
const KIND_CASES: Array<{
  plural: string;
  body: Record<string, any>;
  filter: [string, string];
  edit: (spec: Record<string, any>) => Record<string, any>;
  changed: string;
}> = [
  {
    plural: 'datacenters',
    body: {
      apiVersion: MAESTRO,
      kind: 'Datacenter',
      metadata: { title: 'AWS Inventory' },
      spec: {
        provider: 'AWS',
        regions: ['us-east-1'],
        zones: ['us-east-1a', 'us-east-1b'],
      },
    },
    filter: ['spec.provider', '~aw'],
    edit: spec => ({ ...spec, zones: [...spec.zones, 'us-east-1c'] }),
    changed: 'spec.zones',
  },
  {
    plural: 'servers',
    body: {
      apiVersion: MAESTRO,
      kind: 'Server',
      metadata: { title: 'inv-web-01' },
      spec: {
        hostname: 'inv-web-01',
        ipv4Private: '10.9.0.1',
        os: { base: 'Linux', dist: 'Ubuntu', version: '22.04' },
        cpu: 2,
        memory: 4,
        environment: 'Production',
        role: 'Application',
        storage: [
          {
            name: '/dev/xvda',
            size: 30,
            root: true,
            type: 'built-in',
            fileType: 'ext4',
            lvm: { enabled: true, pv: 'pv0', vg: 'vg0' },
          },
        ],
        auth: [{ type: 'PKI', name: 'ops.pem', username: 'ubuntu' }],
        services: [{ name: 'Nginx', version: '1.25' }],
        tags: [{ key: 'team', value: 'web' }],
      },
    },
    filter: ['spec.hostname', '~WEB-0'],
    edit: spec => ({ ...spec, cpu: 8 }),
    changed: 'spec.cpu',
  },
  {
    plural: 'applications',
    body: {
      apiVersion: BACKSTAGE,
      kind: 'Component',
      metadata: { title: 'Inventory API' },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/ops',
        family: 'Application',
        environment: 'Staging',
        language: 'TypeScript',
        cluster: '12 Factor',
        role: {
          role: 'Application',
          endpoint: 'https://api',
          healthCheck: '/health',
        },
        deploy: [{ type: 'FTP', provider: 'ftp.example' }],
        dependencies: [
          { target: 'resource:default/inv-db', protocol: 'tcp/ip' },
        ],
      },
    },
    filter: ['spec.language', 'TypeScript'],
    edit: spec => ({ ...spec, language: 'Go' }),
    changed: 'spec.language',
  },
  {
    plural: 'resources',
    body: {
      apiVersion: BACKSTAGE,
      kind: 'Resource',
      metadata: { title: 'inv-db' },
      spec: {
        type: 'database',
        owner: 'group:default/ops',
        family: 'Database',
        database: {
          form: 'oracle',
          type: 'Application',
          storageType: 'ASM',
          cluster: 'RAC',
          crsVersion: '19c',
          role: 'Primary',
          cdbs: ['CDB1'],
          instances: [
            {
              server: 'server:default/inv-web-01',
              dbName: 'ORCL1',
              role: 'Primary',
            },
          ],
        },
      },
    },
    filter: ['spec.family', 'Database'],
    edit: spec => ({ ...spec, cluster: 'RAC' }),
    changed: 'spec.cluster',
  },
  {
    plural: 'systems',
    body: {
      apiVersion: BACKSTAGE,
      kind: 'System',
      metadata: {
        title: 'Inventory System',
        links: [{ url: 'https://docs.example', title: 'Docs' }],
      },
      spec: { owner: 'group:default/ops', clients: ['client:default/acme'] },
    },
    filter: ['metadata.title', '~inventory sys'],
    edit: spec => ({
      ...spec,
      entryPoints: ['component:default/inventory-api'],
    }),
    changed: 'spec.entryPoints',
  },
  {
    plural: 'clients',
    body: {
      apiVersion: MAESTRO,
      kind: 'Client',
      metadata: { title: 'Acme' },
      spec: { contacts: [{ channel: 'email', value: 'ops@acme.example' }] },
    },
    filter: ['metadata.title', 'Acme'],
    edit: spec => ({
      ...spec,
      contacts: [...spec.contacts, { channel: 'phone', value: '555' }],
    }),
    changed: 'spec.contacts',
  },
  {
    plural: 'volumes',
    body: {
      apiVersion: MAESTRO,
      kind: 'Volume',
      metadata: { title: 'inv-vol' },
      spec: {
        size: 100,
        volumeType: 'gp3',
        server: 'server:default/inv-web-01',
        device: '/dev/xvdf',
      },
    },
    filter: ['spec.volumeType', 'gp3'],
    edit: spec => ({ ...spec, size: 200 }),
    changed: 'spec.size',
  },
  {
    plural: 'snapshots',
    body: {
      apiVersion: MAESTRO,
      kind: 'Snapshot',
      metadata: { title: 'inv-snap' },
      spec: { volume: 'volume:default/inv-vol', size: 100, progress: '100%' },
    },
    filter: ['spec.progress', '~100'],
    edit: spec => ({ ...spec, encrypted: true }),
    changed: 'spec.encrypted',
  },
  {
    plural: 'images',
    body: {
      apiVersion: MAESTRO,
      kind: 'Image',
      metadata: { title: 'inv-ubuntu' },
      spec: { architecture: 'x86_64', platform: 'Linux', public: false },
    },
    filter: ['spec.architecture', 'x86_64'],
    edit: spec => ({ ...spec, hypervisor: 'xen' }),
    changed: 'spec.hypervisor',
  },
  {
    plural: 'networks',
    body: {
      apiVersion: MAESTRO,
      kind: 'Network',
      metadata: { title: 'inv-vpc' },
      spec: { type: 'vpc', cidr: '10.9.0.0/16' },
    },
    filter: ['spec.cidr', '~10.9.'],
    edit: spec => ({ ...spec, cidr: '10.10.0.0/16' }),
    changed: 'spec.cidr',
  },
  {
    plural: 'flavors',
    body: {
      apiVersion: MAESTRO,
      kind: 'Flavor',
      metadata: { title: 't3.inv' },
      spec: { apiName: 't3.inv', vcpus: 2, memory: 1, provider: 'AWS' },
    },
    filter: ['spec.apiName', 't3.inv'],
    edit: spec => ({ ...spec, vcpus: 4 }),
    changed: 'spec.vcpus',
  },
];

describe.each(databases.eachSupportedId())(
  'Inventory REST API on %p',
  databaseId => {
    let server: any;
    const user = mockCredentials.user.header('user:default/ada');

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const backend = await startMaestroTestBackend({ knex });
      server = backend.server;
    });

    const api = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
      request(server)[method](`/api/maestro${path}`).set('Authorization', user);
    const list = (plural: string, query: Record<string, string>) =>
      api('get', `/entities/${plural}?${new URLSearchParams(query)}`).expect(
        200,
      );

    it.each(KIND_CASES.map(c => [c.plural, c] as const))(
      'creates, filters, edits and deletes %s',
      async (plural, c) => {
        const created = await api('post', `/entities/${plural}`)
          .send(c.body)
          .expect(201);
        const { name, namespace } = created.body.entity.metadata;
        const path = `/entities/${plural}/${namespace}/${name}`;
        // Every field the form sent is kept as sent.
        expect(created.body.entity.spec).toMatchObject(c.body.spec);

        const [field, value] = c.filter;
        const hit = await list(plural, { [`filter.${field}`]: value });
        expect(hit.body.items.map((r: any) => r.entity.metadata.name)).toEqual([
          name,
        ]);
        const miss = await list(plural, {
          [`filter.${field}`]: `~no-such-${plural}`,
        });
        expect(miss.body.totalCount).toBe(0);

        const spec = created.body.entity.spec;
        await api('put', path)
          .send({ ...created.body.entity, spec: c.edit(spec) })
          .expect(200);
        const history = await api('get', `${path}/history`).expect(200);
        expect(history.body.items[0].action).toBe('update');
        expect(history.body.items[0].diff.map((d: any) => d.path)).toEqual([
          expect.stringMatching(
            new RegExp(`^${c.changed.replace('.', '\\.')}`),
          ),
        ]);

        await api('delete', path).expect(204);
        const after = await list(plural, { [`filter.${field}`]: value });
        expect(after.body.totalCount).toBe(0);
      },
    );

    it('answers field errors a form can show next to each field, writing nothing', async () => {
      const res = await api('post', '/entities/servers')
        .send({
          apiVersion: MAESTRO,
          kind: 'Server',
          metadata: { title: 'broken' },
          spec: {
            hostname: 'broken',
            storage: [{ size: -1 }],
            auth: [{ username: 'x' }],
          },
        })
        .expect(400);
      expect(res.body.fieldErrors.map((e: any) => e.field).sort()).toEqual([
        'spec.auth.0.type',
        'spec.storage.0.name',
        'spec.storage.0.size',
      ]);
      expect(
        (await list('servers', { 'filter.spec.hostname': 'broken' })).body
          .totalCount,
      ).toBe(0);
    });

    it('pages, sorts and filters servers in the database', async () => {
      const entities = Array.from({ length: 25 }, (_, i) => ({
        apiVersion: MAESTRO,
        kind: 'Server',
        metadata: { name: `page-${String(i).padStart(2, '0')}` },
        spec: {
          hostname: `page-${String(i).padStart(2, '0')}.lan`,
          ipv4Private: `10.50.0.${i}`,
          environment: i % 2 ? 'Production' : 'Staging',
          cpu: i,
        },
      }));
      await api('post', '/records/batch')
        .send({ mode: 'create', entities })
        .expect(200);

      const second = await list('servers', {
        'filter.spec.hostname': '~page-',
        sort: 'spec.hostname',
        order: 'desc',
        offset: '10',
        limit: '10',
      });
      expect(second.body.totalCount).toBe(25);
      expect(second.body.items.map((r: any) => r.entity.metadata.name)).toEqual(
        Array.from(
          { length: 10 },
          (_, i) => `page-${String(14 - i).padStart(2, '0')}`,
        ),
      );
      const staging = await list('servers', {
        'filter.spec.hostname': '~page-',
        'filter.spec.environment': 'Staging',
        limit: '100',
      });
      expect(staging.body.totalCount).toBe(13);

      // The duplicate private IP warning of the server form asks this.
      const sameIp = await list('servers', {
        'filter.spec.ipv4Private': '10.50.0.7',
      });
      expect(sameIp.body.items.map((r: any) => r.entity.metadata.name)).toEqual(
        ['page-07'],
      );
    });

    it('tells who references a record, and in which fields', async () => {
      await api('post', '/entities/servers')
        .send({
          apiVersion: MAESTRO,
          kind: 'Server',
          metadata: { name: 'ref_target-01' },
          spec: { hostname: 'ref_target-01' },
        })
        .expect(201);
      await api('post', '/entities/applications')
        .send({
          apiVersion: BACKSTAGE,
          kind: 'Component',
          metadata: { name: 'ref-app' },
          spec: {
            type: 'service',
            lifecycle: 'production',
            owner: 'group:default/ops',
            servers: ['server:default/other', 'server:default/ref_target-01'],
          },
        })
        .expect(201);
      await api('post', '/entities/volumes')
        .send({
          apiVersion: MAESTRO,
          kind: 'Volume',
          metadata: {
            name: 'ref-vol',
            description: 'mentions "server:default/ref_target-01" in text only',
          },
          spec: { server: 'Server:ref_target-01' },
        })
        .expect(201);
      // A name differing only where LIKE's `_` would match must not count.
      await api('post', '/entities/volumes')
        .send({
          apiVersion: MAESTRO,
          kind: 'Volume',
          metadata: { name: 'other-vol' },
          spec: { server: 'server:default/refXtarget-01' },
        })
        .expect(201);

      const res = await api(
        'get',
        '/records/by-ref/references?ref=server:default/ref_target-01',
      ).expect(200);
      expect(res.body).toEqual({
        totalCount: 2,
        items: [
          {
            entityRef: 'component:default/ref-app',
            kind: 'Component',
            title: 'ref-app',
            fields: ['spec.servers.1'],
          },
          {
            entityRef: 'volume:default/ref-vol',
            kind: 'Volume',
            title: 'ref-vol',
            fields: ['spec.server'],
          },
        ],
      });

      await api('delete', '/entities/applications/default/ref-app').expect(204);
      const after = await api(
        'get',
        '/records/by-ref/references?ref=server:default/ref_target-01',
      ).expect(200);
      expect(after.body.items.map((i: any) => i.entityRef)).toEqual([
        'volume:default/ref-vol',
      ]);

      await api('get', '/records/by-ref/references').expect(400);
      await api('get', '/records/by-ref/references?ref=no-kind-here').expect(
        400,
      );
      await request(server)
        .get('/api/maestro/records/by-ref/references?ref=server:default/x')
        .expect(401);
    });
  },
);
