import fs from 'fs';
import path from 'path';
import { TestDatabases } from '@backstage/backend-test-utils';
import { FakeCloud, FakeS3, startFakeCloud } from '@maestro/fake-cloud';
// The plugin this module extends; a devDependency.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maestroBackend from '@maestro/plugin-maestro-backend';
import {
  DiscoveryTestBackend,
  startDiscoveryTestBackend,
} from '@maestro/plugin-maestro-node/testUtils';
import { maestroModuleFiles } from './module';
import {
  SftpTestServer,
  generateKey,
  startSftpServer,
} from './__testUtils__/sftpTestServer';
import { realState, writeFactsTree } from './__testUtils__/factsTree';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

/**
 * The whole chain: the Maestro plugin with this module, its REST API, the
 * scheduler and the write path on a real database, reading Ansible facts
 * over SSH from a real SSH server, and a Terraform state from the fake
 * cloud's S3 through the AWS SDK.
 */
describe.each(databases.eachSupportedId())(
  'Files connections end to end on %p',
  databaseId => {
    const user = generateKey();
    let tree: { root: string; facts: string };
    let server: SftpTestServer;
    let fake: FakeCloud;
    let maestro: DiscoveryTestBackend;
    let knex: any;

    const sync = (id: string) => maestro.sync(id, 'files-sync');
    const startServer = (port?: number) =>
      startSftpServer({
        root: tree.root,
        username: 'inventory',
        authorizedKey: user.publicKey,
        port,
      });

    beforeAll(async () => {
      tree = writeFactsTree();
      server = await startServer();
      fake = await startFakeCloud();
      knex = await databases.init(databaseId);
      maestro = await startDiscoveryTestBackend({
        knex,
        features: [maestroBackend, maestroModuleFiles],
        config: { maestro: { import: { maxUploadBytes: 1024 * 1024 } } },
      });
    });
    afterAll(async () => {
      await server.close();
      await fake.close();
      fs.rmSync(tree.root, { recursive: true, force: true });
    });

    const connectionBody = (settings: Record<string, string> = {}) => ({
      type: 'ansible',
      title: 'Ansible control node',
      datacenter: 'datacenter:default/site-a',
      owner: 'group:default/sre',
      settings: {
        transport: 'ssh',
        host: '127.0.0.1',
        port: String(server.port),
        username: 'inventory',
        privateKey: user.privateKey,
        path: tree.facts,
        ...settings,
      },
    });

    it('offers the three connection types with their transports', async () => {
      const types = await maestro.api('GET', '/connection-types', 200);
      const files = types.items.filter((t: any) =>
        ['ansible', 'terraform', 'json'].includes(t.type),
      );
      expect(files.map((t: any) => t.type).sort()).toEqual([
        'ansible',
        'json',
        'terraform',
      ]);
      for (const type of files) {
        expect(type.tasks.map((t: any) => t.name)).toEqual(['files-sync']);
        expect(type.fields.map((f: any) => f.name)).toEqual(
          expect.arrayContaining(['transport', 'host', 'bucket', 'prefix']),
        );
      }
    });

    it('refuses a connection whose fields do not fit its transport', async () => {
      const refused = await maestro.api(
        'POST',
        '/connections',
        400,
        connectionBody({ port: '70000', privateKey: 'not a key' }),
      );
      expect(JSON.stringify(refused)).toMatch(
        /settings.port.*settings.privateKey/,
      );
    });

    it('reads facts over SSH, writes nothing of a bad tree, pins the host key and fails loudly when it changes', async () => {
      // As the connection form sends it: a single-line field drops line breaks.
      const created = await maestro.api(
        'POST',
        '/connections',
        201,
        connectionBody({ privateKey: user.privateKey.replace(/\n/g, '') }),
      );
      expect(created.secretsSet).toEqual(['privateKey']);
      expect(JSON.stringify(created)).not.toContain('PRIVATE KEY');

      const first = await sync(created.id);
      expect(first).toMatchObject({
        outcome: 'success',
        created: first.seen,
        deactivated: 0,
        message: expect.stringContaining('from 2 file(s) of sftp://'),
      });
      const web2 = await maestro.api(
        'GET',
        '/entities/servers/default/web-2',
        200,
      );
      expect(web2.entity.spec).toMatchObject({
        hostname: 'web-2',
        ipv4Private: '10.20.0.12',
        owner: 'group:default/sre',
        datacenter: { ref: 'datacenter:default/site-a' },
      });
      expect(
        (await maestro.api('GET', '/entities/servers/default/vm', 200)).entity
          .spec,
      ).toMatchObject({ hostname: 'vm', os: { dist: expect.any(String) } });

      // Unchanged files: nothing written.
      const before = await maestro.revisions();
      expect(await sync(created.id)).toMatchObject({
        outcome: 'success',
        created: 0,
        updated: 0,
      });
      expect(await maestro.revisions()).toBe(before);

      // A broken file among good ones: the run fails and writes nothing.
      const facts = path.join(tree.root, 'opt/ansible-facts');
      fs.renameSync(
        path.join(facts, 'site-b/web-2'),
        path.join(tree.root, 'web-2'),
      );
      fs.writeFileSync(path.join(facts, 'db-1'), '{"ansible_facts": ');
      const failed = await sync(created.id);
      expect(failed).toMatchObject({ outcome: 'danger', deactivated: 0 });
      expect(failed.message).toMatch(/db-1 at line 1.*is not valid JSON/);
      expect(await maestro.revisions()).toBe(before);
      expect(
        (await maestro.api('GET', '/entities/servers/default/web-2', 200))
          .active,
      ).toBe(true);

      // The tree fixed, web-2 gone: a complete read marks it inactive.
      fs.rmSync(path.join(facts, 'db-1'));
      const gone = await sync(created.id);
      expect(gone).toMatchObject({ outcome: 'success' });
      expect(gone.deactivated).toBeGreaterThanOrEqual(1);
      expect(
        (await maestro.api('GET', '/entities/servers/default/web-2', 200))
          .active,
      ).toBe(false);

      // Another host key at the same address: loud failure, nothing written.
      const pinned = server.fingerprint;
      const port = server.port;
      await server.close();
      server = await startServer(port);
      const afterGone = await maestro.revisions();
      const changed = await sync(created.id);
      expect(changed).toMatchObject({ outcome: 'danger', seen: 0 });
      expect(changed.message).toContain('HOST KEY CHANGED');
      expect(changed.message).toContain(`expected ${pinned}`);
      expect(changed.message).toContain(`presented ${server.fingerprint}`);
      expect(server.opened).toEqual([]);
      expect(await maestro.revisions()).toBe(afterGone);

      // Re-pinned deliberately: the host changed (same server, by name).
      const { privateKey: _kept, ...settings } = connectionBody({
        host: 'localhost',
      }).settings;
      // The stored key stays: secrets left out of an update are kept.
      await maestro.api('PUT', `/connections/${created.id}`, 200, {
        ...connectionBody(),
        settings,
      });
      expect(await sync(created.id)).toMatchObject({ outcome: 'success' });
      const state = await knex('maestro_discovery_connection_state').where({
        connection_id: created.id,
      });
      expect(state.map((r: any) => r.value)).toEqual([server.fingerprint]);
    });

    it('reads a Terraform remote state from S3', async () => {
      const s3 = fake.aws.services.get('s3') as FakeS3;
      s3.createBucket('tf-remote-state', 'us-east-1');
      s3.putObject('tf-remote-state', 'env/prod/terraform.tfstate', realState);
      const created = await maestro.api('POST', '/connections', 201, {
        type: 'terraform',
        title: 'Production state',
        datacenter: 'datacenter:default/aws-prod',
        settings: {
          transport: 's3',
          bucket: 'tf-remote-state',
          prefix: 'env/prod/terraform.tfstate',
          region: 'us-east-1',
          accessKeyId: fake.aws.defaultKey.accessKeyId,
          secretAccessKey: fake.aws.defaultKey.secretAccessKey,
          endpoint: fake.url,
        },
      });
      expect(created.secretsSet).toEqual(['secretAccessKey']);
      const done = await sync(created.id);
      expect(done).toMatchObject({
        outcome: 'success',
        message: expect.stringMatching(
          /^\d+ record\(s\) from 1 file\(s\) of s3:\/\/tf-remote-state\/env\/prod\/terraform.tfstate at .*; \d+ part\(s\) skipped: /,
        ),
      });
      const server0 = await maestro.api(
        'GET',
        '/entities/servers/default/i-0aaa000000000000a',
        200,
      );
      expect(server0.entity.spec).toMatchObject({
        uniqueId: 'i-0aaa000000000000a',
        datacenter: { ref: 'datacenter:default/aws-prod' },
      });

      fake.aws.badCredentials = true;
      expect(await sync(created.id)).toMatchObject({
        outcome: 'danger',
        message: expect.stringContaining('InvalidAccessKeyId'),
      });
      fake.aws.resetSwitches();
    });
  },
);
