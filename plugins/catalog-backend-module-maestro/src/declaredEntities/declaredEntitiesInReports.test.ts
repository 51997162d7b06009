import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';
// The whole chain needs the real Maestro backend plugin (a devDependency):
// a test of how the two plugins meet, across the plugin boundary.
// eslint-disable-next-line @backstage/no-undeclared-imports, @backstage/no-mixed-plugin-imports
import maestroPlugin from '@maestro/plugin-maestro-backend';
import catalogModuleMaestro from '..';

jest.setTimeout(180_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

/** A repository's catalog-info.yaml: a server and a database of the team. */
const CATALOG_INFO = `
apiVersion: maestroserver.io/v1alpha1
kind: Server
metadata:
  name: yaml-web
  title: web-01 (from git)
spec:
  owner: group:default/team-a
  hostname: web-01
  environment: Production
  os: { base: Linux, dist: Debian, version: '12' }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: yaml-db
  title: Orders database (from git)
spec:
  type: database
  owner: group:default/team-a
  servers: [server:default/yaml-web]
`;

/** The test registers and removes a file location, as a user would a URL. */
const fileLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-file-locations',
  register(reg) {
    reg.registerInit({
      deps: { locations: catalogLocationsExtensionPoint },
      async init({ locations }) {
        locations.setAllowedLocationTypes(['url', 'file']);
      },
    });
  },
});

/** Retries an assertion while the catalog processes in the background. */
async function waitFor(assertion: () => Promise<void>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }
}

describe.each(databases.eachSupportedId())(
  'catalog-info.yaml entities in Maestro reports on %p',
  databaseId => {
    it('appear in report rows once registered, and leave with their location', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'declared-'));
      const yamlPath = path.join(dir, 'catalog-info.yaml');
      fs.writeFileSync(yamlPath, CATALOG_INFO);
      // Each plugin its own database, as in a portal.
      const knexes = {
        maestro: await databases.init(databaseId),
        catalog: await databases.init(databaseId),
      };
      // Scheduled work runs when the test says so, not on a clock.
      const scheduler = mockServices.scheduler();
      const runSyncs = async () => {
        await scheduler.triggerTask('maestro-entity-provider:refresh');
        await scheduler.triggerTask('maestro-declared-entities:sync');
      };
      const { server } = await startTestBackend({
        features: [
          createServiceFactory({
            service: coreServices.scheduler,
            deps: {},
            factory: () => scheduler,
          }),
          catalogPlugin,
          catalogModuleMaestro,
          fileLocations,
          maestroPlugin,
          createServiceFactory({
            service: coreServices.database,
            deps: { plugin: coreServices.pluginMetadata },
            factory: ({ plugin }) => ({
              getClient: async () =>
                plugin.getId() === 'maestro' ? knexes.maestro : knexes.catalog,
            }),
          }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [
                  {
                    allow: [
                      'Location',
                      'Component',
                      'Resource',
                      'System',
                      'Group',
                      'Server',
                    ],
                  },
                ],
              },
            },
          }),
        ],
      });
      const { port } = server.address() as AddressInfo;
      const call = async (
        method: string,
        url: string,
        body?: unknown,
        authorization = mockCredentials.user.header('user:default/ada'),
      ) => {
        const response = await fetch(`http://localhost:${port}/api${url}`, {
          method,
          headers: { authorization, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (!response.ok)
          throw new Error(`${method} ${url}: ${response.status} ${text}`);
        return text ? JSON.parse(text) : undefined;
      };

      // Maestro's own record, which the provider publishes to the catalog.
      await call('POST', '/maestro/entities/servers', {
        kind: 'Server',
        metadata: { name: 'maestro-web', title: 'web-02 (Maestro)' },
        spec: { hostname: 'web-02', environment: 'Production' },
      });
      const servers = await call('POST', '/maestro/reports', {
        name: 'Active servers',
        query: {
          type: 'general',
          kind: 'servers',
          filters: [{ field: 'spec.active', operator: 'equal', value: true }],
        },
      });
      const databasesReport = await call('POST', '/maestro/reports', {
        name: 'Databases and their servers',
        query: {
          type: 'pivot',
          levels: [
            { level: 'applications', filters: [] },
            { level: 'servers', filters: [] },
          ],
        },
      });
      const rowsOf = async (reportId: string) =>
        (await call('GET', `/maestro/reports/${reportId}/rows?limit=100`))
          .items;

      const location = await call('POST', '/catalog/locations', {
        type: 'file',
        target: yamlPath,
      });

      await waitFor(async () => {
        await runSyncs();
        const rows = await rowsOf(servers.id);
        expect(rows.map((r: any) => r.entityRef).sort()).toEqual([
          'server:default/maestro-web',
          'server:default/yaml-web',
        ]);
        expect(
          rows.find((r: any) => r.entityRef === 'server:default/yaml-web'),
        ).toMatchObject({
          'metadata.title': 'web-01 (from git)',
          'spec.hostname': 'web-01',
          'spec.os': { base: 'Linux', dist: 'Debian', version: '12' },
        });
        expect(
          (await rowsOf(databasesReport.id)).map(
            (r: any) =>
              `${r['applications.entityRef']} ${r['servers.entityRef']}`,
          ),
        ).toEqual(['resource:default/yaml-db server:default/yaml-web']);
      });

      // Maestro's record went to the catalog, and was not copied back.
      const published = await call(
        'GET',
        '/catalog/entities/by-name/server/default/maestro-web',
      );
      expect(
        published.metadata.annotations['backstage.io/managed-by-location'],
      ).toBe('maestro:server:default/maestro-web');
      const copied = await call(
        'GET',
        '/maestro/catalog-entities',
        undefined,
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:catalog'),
          targetPluginId: 'maestro',
        }),
      );
      expect(copied.items.map((c: any) => c.entityRef).sort()).toEqual([
        'resource:default/yaml-db',
        'server:default/yaml-web',
      ]);

      await call('DELETE', `/catalog/locations/${location.location.id}`);
      await waitFor(async () => {
        await runSyncs();
        expect((await rowsOf(servers.id)).map((r: any) => r.entityRef)).toEqual(
          ['server:default/maestro-web'],
        );
        expect(await rowsOf(databasesReport.id)).toEqual([]);
      });
      fs.rmSync(dir, { recursive: true, force: true });
    });
  },
);
