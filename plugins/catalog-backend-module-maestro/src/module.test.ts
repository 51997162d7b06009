import path from 'node:path';
import { AddressInfo } from 'node:net';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { FakeMaestroBackend } from './__testUtils__/FakeMaestroBackend';
import catalogModuleMaestro from '.';

jest.setTimeout(60_000);

const examplesLocation = path.resolve(__dirname, '../examples/all.yaml');

describe('catalogModuleMaestro', () => {
  let maestro: FakeMaestroBackend;

  beforeEach(async () => {
    maestro = await FakeMaestroBackend.start();
  });

  afterEach(async () => {
    await maestro.stop();
  });

  it('boots the catalog, publishes the Maestro store and processes the Maestro kinds', async () => {
    maestro.write({
      apiVersion: 'maestroserver.io/v1alpha1',
      kind: 'Server',
      metadata: { name: 'store-web-1' },
      spec: {
        hostname: 'store-web-1',
        owner: 'group:default/example-ops',
        datacenter: { ref: 'datacenter:default/example-dc' },
      },
    });

    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleMaestro,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              locations: [{ type: 'file', target: examplesLocation }],
              rules: [
                {
                  allow: [
                    'Location',
                    'Component',
                    'Resource',
                    'System',
                    'Group',
                    'Datacenter',
                    'Server',
                    'Volume',
                    'Snapshot',
                    'Image',
                    'Network',
                    'Flavor',
                    'Client',
                  ],
                },
              ],
            },
          },
        }),
        // Only the Maestro backend is looked up; it lives on the fake.
        createServiceFactory({
          service: coreServices.discovery,
          deps: {},
          factory: () => maestro.discovery(),
        }),
      ],
    });

    const { port } = server.address() as AddressInfo;
    const getEntity = async (ref: string): Promise<Entity | undefined> => {
      const [kind, rest] = ref.split(':');
      const response = await fetch(
        `http://localhost:${port}/api/catalog/entities/by-name/${kind}/${rest}`,
        { headers: { Authorization: mockCredentials.user.header() } },
      );
      return response.ok ? ((await response.json()) as Entity) : undefined;
    };
    const relationsOf = (entity?: Entity) =>
      (entity?.relations ?? []).map(r => `${r.type} ${r.targetRef}`);

    // From the change feed, through the provider.
    await waitFor(async () => {
      const published = await getEntity('server:default/store-web-1');
      expect(published?.metadata.annotations).toMatchObject({
        'backstage.io/managed-by-origin-location':
          'maestro:server:default/store-web-1',
      });
      expect(relationsOf(published)).toEqual(
        expect.arrayContaining([
          'ownedBy group:default/example-ops',
          'locatedIn datacenter:default/example-dc',
        ]),
      );
    });

    // From YAML, through the processor, relations in both directions.
    await waitFor(async () => {
      expect(
        relationsOf(await getEntity('server:default/example-db-server')),
      ).toEqual(
        expect.arrayContaining([
          'builtFrom image:default/example-ubuntu-image',
          'hasAttached volume:default/example-db-volume',
          'hosts resource:default/example-shop-db',
        ]),
      );
      expect(
        relationsOf(await getEntity('component:default/example-webshop')),
      ).toEqual(
        expect.arrayContaining([
          'partOf system:default/example-shop',
          'runsOn server:default/example-app-server',
          'dependsOn resource:default/example-shop-db',
          'entryPointOf system:default/example-shop',
        ]),
      );
      expect(
        relationsOf(await getEntity('datacenter:default/example-dc')),
      ).toEqual(
        expect.arrayContaining(['locationOf server:default/store-web-1']),
      );
    });
  });
});

/** Retries an assertion until it passes, as the catalog processes in the background. */
async function waitFor(assertion: () => Promise<void>, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
}
