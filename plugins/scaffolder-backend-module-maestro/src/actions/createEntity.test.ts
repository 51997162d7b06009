import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import YAML from 'yaml';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import maestroPlugin from '@maestro/plugin-maestro-backend';
import { createMaestroEntityAction } from './createEntity';

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

describe.each(databases.eachSupportedId())(
  'maestro:entity:create against the Maestro backend on %p',
  databaseId => {
    let baseUrl: string;
    let workspacePath: string;
    const user = 'user:default/ada';

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          maestroPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({ data: {} }),
        ],
      });
      baseUrl = `http://localhost:${backend.server.port()}/api/maestro`;
    });

    beforeEach(async () => {
      workspacePath = await fs.mkdtemp(path.join(os.tmpdir(), 'maestro-tpl-'));
    });
    afterEach(() => fs.rm(workspacePath, { recursive: true, force: true }));

    const action = () =>
      createMaestroEntityAction({
        discovery: {
          getBaseUrl: async () => baseUrl,
          getExternalBaseUrl: async () => baseUrl,
        },
        auth: mockServices.auth(),
      });

    /** The scaffolder's context, as it hands it to a step. */
    function stepContext(input: Record<string, unknown>) {
      const outputs: Record<string, unknown> = {};
      return {
        outputs,
        ctx: {
          input,
          workspacePath,
          logger: mockServices.logger.mock(),
          output: (key: string, value: unknown) => {
            outputs[key] = value;
          },
          getInitiatorCredentials: async () => mockCredentials.user(user),
          checkpoint: async ({ fn }: { fn: () => Promise<unknown> }) => fn(),
          createTemporaryDirectory: () =>
            fs.mkdtemp(path.join(os.tmpdir(), 'maestro-tmp-')),
        } as any,
      };
    }

    const get = (p: string) =>
      fetch(`${baseUrl}${p}`, {
        headers: { Authorization: mockCredentials.user.header(user) },
      });

    it('registers a server as the user who ran the template', async () => {
      const { ctx, outputs } = stepContext({
        kind: 'Server',
        title: 'Web 01',
        spec: {
          hostname: 'web-01',
          ipv4Private: '10.0.0.5',
          environment: 'Production',
        },
      });
      await action().handler(ctx);
      expect(outputs.entityRef).toBe('server:default/web-01');
      const record = await (
        await get('/records/by-ref?ref=server:default/web-01')
      ).json();
      expect(record.entity.spec.ipv4Private).toBe('10.0.0.5');
      expect(record.createdBy).toBe(user);
      const history = await (
        await get('/records/by-ref/history?ref=server:default/web-01')
      ).json();
      expect(history.items[0]).toMatchObject({ action: 'create', actor: user });
    });

    it('registers a database as a Resource of family Database', async () => {
      const { ctx, outputs } = stepContext({
        kind: 'resources',
        title: 'orders-db',
        owner: 'group:default/platform',
        spec: { family: 'Database' },
      });
      await action().handler(ctx);
      const record = await (
        await get(`/records/by-ref?ref=${outputs.entityRef}`)
      ).json();
      expect(record.entity.spec).toMatchObject({
        family: 'Database',
        type: 'database',
        owner: 'group:default/platform',
      });
    });

    it('refuses a bad form naming the field, and writes nothing', async () => {
      const { ctx } = stepContext({
        kind: 'Server',
        title: 'bad-one',
        spec: { hostname: 'bad-one', ipv4Private: 'not-an-ip', cpu: 'four' },
      });
      await expect(action().handler(ctx)).rejects.toThrow(
        /spec\.ipv4Private.*spec\.cpu|spec\.cpu.*spec\.ipv4Private/,
      );
      expect(
        (await get('/records/by-ref?ref=server:default/bad-one')).status,
      ).toBe(404);
    });

    it('refuses an unknown kind', async () => {
      const { ctx } = stepContext({ kind: 'Spaceship', title: 'x' });
      await expect(action().handler(ctx)).rejects.toThrow(
        /kind 'Spaceship' is not a Maestro kind/,
      );
    });

    it('writes a catalog-info.yaml instead when asked, inside the workspace only', async () => {
      const { ctx, outputs } = stepContext({
        kind: 'Datacenter',
        title: 'AWS Prod',
        spec: { provider: 'AWS' },
        publish: 'catalog-info',
        targetPath: 'infra/catalog-info.yaml',
      });
      await action().handler(ctx);
      expect(outputs.catalogInfoPath).toBe(
        path.join('infra', 'catalog-info.yaml'),
      );
      const written = YAML.parse(
        await fs.readFile(
          path.join(workspacePath, 'infra/catalog-info.yaml'),
          'utf8',
        ),
      );
      expect(written).toMatchObject({
        apiVersion: 'maestroserver.io/v1alpha1',
        kind: 'Datacenter',
        metadata: { name: 'aws-prod', title: 'AWS Prod' },
      });
      // Nothing went to the store.
      expect(
        (await get('/records/by-ref?ref=datacenter:default/aws-prod')).status,
      ).toBe(404);

      const escape = stepContext({
        kind: 'Datacenter',
        title: 'x',
        spec: { provider: 'AWS' },
        publish: 'catalog-info',
        targetPath: '../outside.yaml',
      });
      await expect(action().handler(escape.ctx)).rejects.toThrow(
        /inside the workspace/,
      );
    });
  },
);
