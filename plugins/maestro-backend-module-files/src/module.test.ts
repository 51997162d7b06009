import fs from 'fs';
import path from 'path';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
// The plugin this module extends; a devDependency.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maestroPlugin from '@maestro/plugin-maestro-backend';
import request from 'supertest';
import { maestroModuleFiles } from './module';

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const factsFile = fs.readFileSync(
  path.join(__dirname, 'ansible/__fixtures__/facts/localhost'),
);
const stateFile = fs.readFileSync(
  path.join(__dirname, 'terraform/__fixtures__/aws-azure.tfstate.json'),
);

/** Facts of a host that Terraform also knows (same private IP in the same datacenter). */
function factsOf(hostname: string, ip: string, extra: object = {}) {
  return Buffer.from(
    JSON.stringify({
      ansible_facts: {
        ansible_hostname: hostname,
        ansible_default_ipv4: { address: ip },
        ansible_all_ipv4_addresses: [ip],
        ansible_os_family: 'Debian',
        ansible_distribution: 'Ubuntu',
        ansible_distribution_version: '22.04',
        ansible_processor_vcpus: 2,
        ansible_kernel: '6.1.0',
        ...extra,
      },
    }),
  );
}

describe.each(databases.eachSupportedId())(
  'Import of Ansible facts and Terraform state on %p',
  databaseId => {
    let server: any;
    const user = mockCredentials.user.header('user:default/ada');

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          maestroPlugin,
          maestroModuleFiles,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: { maestro: { import: { maxUploadBytes: 1024 * 1024 } } },
          }),
          // Requests without a token are anonymous, as in a real backend.
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      });
      server = backend.server;
    });

    const upload = (format: string, body: Buffer, query: string) =>
      request(server)
        .post(`/api/maestro/import/files/${format}?${query}`)
        .set('Authorization', user)
        .set('Content-Type', 'application/octet-stream')
        .send(body);
    const get = (p: string) =>
      request(server).get(`/api/maestro${p}`).set('Authorization', user);

    it('lists the formats the module adds', async () => {
      const res = await get('/import/files').expect(200);
      expect(res.body.items.map((f: any) => f.id).sort()).toEqual([
        'ansible',
        'json',
        'terraform',
      ]);
      expect(res.body.maxUploadBytes).toBe(1024 * 1024);
    });

    it('previews an upload without writing, then imports it', async () => {
      const preview = await upload(
        'ansible',
        factsFile,
        'filename=localhost&dryRun=true',
      ).expect(200);
      expect(preview.body).toMatchObject({
        dryRun: true,
        updated: 0,
        unchanged: 0,
      });
      expect(preview.body.created).toBeGreaterThan(0);
      const ref = preview.body.records[0].entityRef;
      await get(`/records/by-ref?ref=${ref}`).expect(404);

      const done = await upload(
        'ansible',
        factsFile,
        'filename=localhost',
      ).expect(200);
      expect(done.body.created).toBe(preview.body.created);
      const record = await get(`/records/by-ref?ref=${ref}`).expect(200);
      expect(record.body.entity.kind).toBe('Server');
      const history = await get(`/records/by-ref/history?ref=${ref}`).expect(
        200,
      );
      expect(history.body.items[0]).toMatchObject({
        action: 'create',
        source: 'import:ansible:localhost',
        actor: 'user:default/ada',
      });

      const again = await upload(
        'ansible',
        factsFile,
        'filename=localhost',
      ).expect(200);
      expect(again.body).toMatchObject({ created: 0, updated: 0 });
      expect(again.body.unchanged).toBe(done.body.created);
    });

    it('makes one server of what Terraform and Ansible both see, each field keeping its source', async () => {
      const dc = 'datacenter=datacenter:default/aws-prod';
      await upload(
        'terraform',
        stateFile,
        `filename=prod.tfstate&${dc}`,
      ).expect(200);
      const res = await upload(
        'ansible',
        factsOf('web-0', '10.0.1.10'),
        `filename=web-0&${dc}`,
      ).expect(200);
      expect(res.body.records).toEqual([
        { entityRef: 'server:default/i-0aaa000000000000a', action: 'updated' },
      ]);
      const record = await get(
        '/records/by-ref?ref=server:default/i-0aaa000000000000a',
      ).expect(200);
      expect(record.body.entity.spec).toMatchObject({
        uniqueId: 'i-0aaa000000000000a',
        kernel: '6.1.0',
        os: { dist: 'Ubuntu' },
        auth: [{ type: 'PKI', name: 'deploy' }],
        // Each source adds to the placement; none erases the other's.
        datacenter: {
          ref: 'datacenter:default/aws-prod',
          instanceType: 't3.micro',
          zone: 'us-east-1a',
        },
      });
      expect(record.body.fieldSources['spec.kernel']).toBe(
        'import:ansible:web-0',
      );
      expect(record.body.fieldSources['spec.auth']).toBe(
        'import:terraform:prod.tfstate',
      );
      const history = await get(
        '/records/by-ref/history?ref=server:default/i-0aaa000000000000a',
      ).expect(200);
      expect(history.body.items.map((r: any) => r.source)).toEqual([
        'import:ansible:web-0',
        'import:terraform:prod.tfstate',
      ]);
    });

    it('refuses a bad file naming it, and writes nothing of the upload', async () => {
      const before = await get('/entities/servers?limit=1').expect(200);
      const res = await upload(
        'terraform',
        Buffer.from(JSON.stringify({ version: 3, modules: [] })),
        'filename=old.tfstate',
      ).expect(400);
      expect(res.body.problems).toEqual([
        {
          file: 'old.tfstate',
          location: 'version',
          message:
            'is 3: only state format version 4 (Terraform 0.12 and later) is read',
        },
      ]);
      const truncated = await upload(
        'ansible',
        factsFile.subarray(0, 200),
        'filename=web-9',
      ).expect(400);
      expect(truncated.body.error.message).toMatch(
        /web-9 at line \d+.*not valid JSON/,
      );
      const after = await get('/entities/servers?limit=1').expect(200);
      expect(after.body.totalCount).toBe(before.body.totalCount);
    });

    it('refuses an upload over the configured size from its length, with 413', async () => {
      const res = await upload(
        'terraform',
        Buffer.alloc(2 * 1024 * 1024, 32),
        'filename=big',
      ).expect(413);
      expect(res.body.error.message).toMatch(/maestro.import.maxUploadBytes/);
    });

    it('answers 404 for an unknown format and 401 without sign-in', async () => {
      await upload('puppet', factsFile, '').expect(404);
      await request(server)
        .post('/api/maestro/import/files/ansible')
        .send(factsFile)
        .expect(401);
    });
  },
);
