import { TestDatabases } from '@backstage/backend-test-utils';
import { FakeCloud, startFakeCloud } from '@maestro/fake-cloud';
// The plugin this module extends; to be declared as a devDependency.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maestroBackend from '@maestro/plugin-maestro-backend';
import {
  DiscoveryTestBackend,
  startDiscoveryTestBackend,
} from '@maestro/plugin-maestro-node/testUtils';
import maestroModuleAzure from './index';
import { armName } from './translate/common';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const VMS_PER_LOCATION = 30;

/**
 * The whole chain: the Maestro plugin with this module, its REST API, the
 * scheduler, the write path on a real database, and the real Azure SDK
 * talking over TLS to the fake cloud's Entra ID and ARM.
 */
describe.each(databases.eachSupportedId())(
  'Azure discovery end to end on %p',
  databaseId => {
    let fake: FakeCloud;
    let maestro: DiscoveryTestBackend;

    beforeAll(async () => {
      fake = await startFakeCloud({
        https: true,
        azure: {
          locations: ['eastus', 'westeurope'],
          vmsPerLocation: VMS_PER_LOCATION,
          pageSize: 20,
        },
      });
      maestro = await startDiscoveryTestBackend({
        knex: await databases.init(databaseId),
        features: [maestroBackend, maestroModuleAzure],
      });
    });
    afterAll(() => fake.close());

    const settings = () => ({
      tenantId: fake.azure.tenantId,
      clientId: fake.azure.defaultClient.clientId,
      clientSecret: fake.azure.defaultClient.clientSecret,
      subscriptionId: fake.azure.subscriptionId,
      armEndpoint: `${fake.httpsUrl}/azure`,
      authorityHost: `${fake.httpsUrl}/azure`,
      caCertificate: fake.caCertificate,
    });
    const createConnection = async () => {
      const created = await maestro.api('POST', '/connections', 201, {
        type: 'azure',
        title: 'Azure fake',
        datacenter: 'datacenter:default/azure-fake',
        owner: 'group:default/sre',
        settings: settings(),
      });
      return created.id as string;
    };
    const sync = (id: string) => maestro.sync(id, 'server-list');
    const server = (vmId: string) =>
      maestro.api('GET', `/entities/servers/default/${armName(vmId)}`, 200);

    it('refuses connection fields that are not GUIDs or https URLs', async () => {
      const refused = await maestro.api('POST', '/connections', 400, {
        type: 'azure',
        title: 'Azure typo',
        datacenter: 'datacenter:default/azure-fake',
        settings: {
          ...settings(),
          tenantId: 'contoso.onmicrosoft.com',
          armEndpoint: 'http://management.azure.com',
        },
      });
      expect(JSON.stringify(refused)).toContain('settings.tenantId');
      expect(JSON.stringify(refused)).toContain('settings.armEndpoint');
    });

    it('discovers, keeps still, deactivates, and reports failures', async () => {
      const id = await createConnection();
      const all = 2 * VMS_PER_LOCATION;
      expect(await sync(id)).toMatchObject({
        outcome: 'success',
        seen: all,
        created: all,
        deactivated: 0,
      });

      const west = fake.azure.location('westeurope');
      const vm = west.virtualMachines.find(
        v => west.powerStates.get(v.id) === 'running',
      )!;
      const record = await server(vm.id);
      expect(record.entity.metadata.title).toBe(vm.name);
      expect(record.entity.spec).toMatchObject({
        uniqueId: vm.id,
        owner: 'group:default/sre',
        status: 'Active',
        hostname: vm.properties.osProfile.computerName,
        datacenter: {
          ref: 'datacenter:default/azure-fake',
          provider: 'Azure',
          region: 'westeurope',
          instanceType: vm.properties.hardwareProfile.vmSize,
        },
      });

      // Nothing changed at the provider: no store write.
      const before = await maestro.revisions();
      expect(await sync(id)).toMatchObject({
        outcome: 'success',
        seen: all,
        created: 0,
        updated: 0,
        deactivated: 0,
      });
      expect(await maestro.revisions()).toBe(before);

      // A VM gone from the subscription is marked inactive after a complete scan.
      west.virtualMachines = west.virtualMachines.filter(v => v !== vm);
      expect(await sync(id)).toMatchObject({
        outcome: 'success',
        seen: all - 1,
        deactivated: 1,
      });
      expect((await server(vm.id)).active).toBe(false);

      // A scan cut by a denied page changes nothing, and names the action.
      west.virtualMachines.push(vm);
      const removed = west.virtualMachines.splice(0, 5);
      fake.azure.failure = {
        operation: 'Microsoft.Compute/virtualMachines',
        afterRequests: 1,
        status: 403,
        code: 'AuthorizationFailed',
        message: `The client '${fake.azure.defaultClient.clientId}' with object id '${fake.azure.defaultClient.clientId}' does not have authorization to perform action 'Microsoft.Compute/virtualMachines/read' over scope '/subscriptions/${fake.azure.subscriptionId}' or the scope is invalid.`,
      };
      expect(await sync(id)).toMatchObject({
        outcome: 'danger',
        permission: 'Microsoft.Compute/virtualMachines/read',
      });
      for (const gone of removed) {
        expect((await server(gone.id)).active).toBe(true);
      }
      fake.azure.resetSwitches();

      fake.azure.badCredentials = true;
      const refused = await sync(id);
      expect(refused).toMatchObject({ outcome: 'danger' });
      expect(refused.message).toMatch(
        /^AADSTS7000215: Invalid client secret provided\./,
      );
      expect(JSON.stringify(refused)).not.toContain(
        fake.azure.defaultClient.clientSecret,
      );
      fake.azure.resetSwitches();
    });
  },
);
