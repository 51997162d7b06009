import { mockServices } from '@backstage/backend-test-utils';
import { FakeCloud, VM_SIZES, startFakeCloud } from '@maestro/fake-cloud';
import {
  DiscoveryConnection,
  DiscoveryProviderError,
  DiscoveryTask,
  DiscoveredEntity,
} from '@maestro/plugin-maestro-node';
import { armName } from '../translate/common';
import { AZURE_TASKS } from './index';
import { IMAGES_LIST, SERVER_LIST, VOLUMES_LIST } from './computeTasks';
import { NETWORK_LIST } from './networkTasks';

jest.setTimeout(60_000);

const VMS = 'Microsoft.Compute/virtualMachines';
const VMS_STATUS = `${VMS}?statusOnly=true`;

/** What a task handed over, scope by scope, as the engine would see it. */
async function run(
  task: DiscoveryTask,
  connection: DiscoveryConnection,
  opts: {
    onEmit?: (entities: DiscoveredEntity[]) => void;
    signal?: AbortSignal;
  } = {},
) {
  const emitted = new Map<string, DiscoveredEntity[]>();
  const completed: string[] = [];
  let error: unknown;
  try {
    await task.run({
      connection,
      signal: opts.signal ?? new AbortController().signal,
      logger: mockServices.logger.mock(),
      async emit(scope, entities) {
        opts.onEmit?.(entities);
        emitted.set(scope, [...(emitted.get(scope) ?? []), ...entities]);
      },
      async complete(scope) {
        completed.push(scope);
      },
      progress() {},
    });
  } catch (e) {
    error = e;
  }
  return {
    emitted,
    completed,
    all: [...emitted.values()].flat(),
    error: error as DiscoveryProviderError | undefined,
  };
}

describe('Azure tasks against the fake cloud', () => {
  let fake: FakeCloud;
  let connection: DiscoveryConnection;
  const PAGE_SIZE = 7;
  const VMS_PER_LOCATION = 30;
  const pages = Math.ceil((2 * VMS_PER_LOCATION) / PAGE_SIZE);

  beforeAll(async () => {
    fake = await startFakeCloud({
      https: true,
      azure: {
        locations: ['eastus', 'westeurope'],
        vmsPerLocation: VMS_PER_LOCATION,
        pageSize: PAGE_SIZE,
      },
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.azure.resetSwitches();
    fake.azure.requestCounts.clear();
    connection = {
      id: 'c1',
      type: 'azure',
      datacenter: 'datacenter:default/azure',
      settings: {
        tenantId: fake.azure.tenantId,
        clientId: fake.azure.defaultClient.clientId,
        subscriptionId: fake.azure.subscriptionId,
        armEndpoint: `${fake.httpsUrl}/azure`,
        authorityHost: `${fake.httpsUrl}/azure`,
        caCertificate: fake.caCertificate!,
        maxRetries: '3',
        retryDelayMs: '10',
      },
      credentials: { clientSecret: fake.azure.defaultClient.clientSecret },
    };
  });
  const sub = () => fake.azure.subscriptionId;

  it('lists every VM page by page, with power state, IPs and size', async () => {
    const fetchedAtEmit: number[] = [];
    const { emitted, completed, error } = await run(SERVER_LIST, connection, {
      onEmit: () => fetchedAtEmit.push(fake.azure.requestCounts.get(VMS)!),
    });
    expect(error).toBeUndefined();
    expect(completed).toEqual([sub()]);
    const fakeVms = [...fake.azure.locations.values()].flatMap(
      l => l.virtualMachines,
    );
    const servers = emitted.get(sub())!;
    expect(servers.map(s => s.metadata.title)).toEqual(
      fakeVms.map(v => v.name),
    );
    // Each page was emitted before the next one was asked for.
    expect(fetchedAtEmit).toEqual(
      Array.from({ length: pages }, (_, i) => i + 1),
    );
    expect(fake.azure.requestCounts.get(VMS_STATUS)).toBe(pages);

    const east = fake.azure.location('eastus');
    const vm = east.virtualMachines[0];
    const nic = east.networkInterfaces.find(
      n => n.properties.virtualMachine.id === vm.id,
    )!;
    const ipConfig = nic.properties.ipConfigurations[0].properties;
    const publicIp = east.publicIPAddresses.find(
      p => p.id === ipConfig.publicIPAddress.id,
    )!;
    const size = VM_SIZES.find(
      s => s.name === vm.properties.hardwareProfile.vmSize,
    )!;
    const server = servers.find(s => s.metadata.title === vm.name)!;
    expect(server.spec).toMatchObject({
      uniqueId: vm.id,
      hostname: vm.properties.osProfile.computerName,
      status: 'Active', // the first VM of a location runs
      active: true,
      ipv4Private: ipConfig.privateIPAddress,
      ipv4Public: publicIp.properties.ipAddress,
      cpu: size.numberOfCores,
      memory: size.memoryInMB / 1024,
      datacenter: {
        provider: 'Azure',
        region: 'eastus',
        instanceId: vm.properties.vmId,
        instanceType: size.name,
        subnetId: ipConfig.subnet.id,
        resourceGroup: 'rg-eastus-web',
      },
    });
    expect((server.spec as any).networks).toContain(
      `network:default/${armName(ipConfig.subnet.id)}`,
    );
    // Every power state of the instance views comes through.
    const statuses = servers.map(s => (s.spec as any).status);
    expect(new Set(statuses)).toEqual(new Set(['Active', 'Stopped']));
    expect(statuses.filter(s => s === 'Stopped')).toHaveLength(
      fakeVms.filter(v =>
        /stop|dealloc/.test(
          fake.azure.location(v.location).powerStates.get(v.id)!,
        ),
      ).length,
    );
  });

  it('attaches managed disks to the servers of their VMs', async () => {
    const { emitted, completed, error } = await run(VOLUMES_LIST, connection);
    expect(error).toBeUndefined();
    expect(completed).toEqual([sub()]);
    const east = fake.azure.location('eastus');
    const vm = east.virtualMachines[2];
    const volumes = emitted.get(sub())!;
    const attached = volumes.filter(
      v => (v.spec as any).server === `server:default/${armName(vm.id)}`,
    );
    // OS disk and two data disks; ARM spells managedBy's group in upper case.
    expect(attached.map(v => v.metadata.title).sort()).toEqual(
      east.disks
        .filter(d => d.managedBy?.toLowerCase() === vm.id.toLowerCase())
        .map(d => d.name)
        .sort(),
    );
    expect(attached).toHaveLength(3);
    expect(
      volumes.filter(v => !(v.spec as any).server).map(v => v.metadata.title),
    ).toEqual(
      [...fake.azure.locations.values()].flatMap(l =>
        l.disks.filter(d => !d.managedBy).map(d => d.name),
      ),
    );
  });

  it('runs every task of the source', async () => {
    for (const task of AZURE_TASKS) {
      const { completed, all, error } = await run(task, connection);
      expect(error).toBeUndefined();
      expect(completed).toEqual([sub()]);
      expect(all.length).toBeGreaterThan(0);
    }
    const { all } = await run(NETWORK_LIST, connection);
    const count = (type: string) =>
      all.filter(e => (e.spec as any).type === type).length;
    const fakeCount = (key: 'networkInterfaces' | 'publicIPAddresses') =>
      [...fake.azure.locations.values()].reduce((n, l) => n + l[key].length, 0);
    expect(count('vpc')).toBe(2);
    expect(count('subnet')).toBe(4);
    expect(count('route-table')).toBe(2);
    expect(count('network-interface')).toBe(fakeCount('networkInterfaces'));
    expect(count('public-ip')).toBe(fakeCount('publicIPAddresses'));
  });

  it('scopes by location and resource group when the connection filters them', async () => {
    connection.settings.locations = 'West Europe';
    const byLocation = await run(SERVER_LIST, connection);
    expect(byLocation.completed).toEqual([`${sub()}/westeurope`]);
    expect(byLocation.all).toHaveLength(VMS_PER_LOCATION);
    expect(
      byLocation.all.every(
        s => (s.spec as any).datacenter.region === 'westeurope',
      ),
    ).toBe(true);

    connection.settings.locations = '';
    connection.settings.resourceGroups = 'RG-EASTUS-WEB,rg-westeurope-web';
    const byGroup = await run(VOLUMES_LIST, connection);
    expect(byGroup.completed).toEqual([
      `${sub()}/rg-eastus-web`,
      `${sub()}/rg-westeurope-web`,
    ]);
    expect(
      byGroup.emitted
        .get(`${sub()}/rg-eastus-web`)!
        .every(
          v => (v.spec as any).datacenter.resourceGroup === 'rg-eastus-web',
        ),
    ).toBe(true);
  });

  it('retries throttled requests after Retry-After', async () => {
    fake.azure.throttleNext = 2;
    const { all, completed, error } = await run(VOLUMES_LIST, connection);
    expect(error).toBeUndefined();
    expect(completed).toEqual([sub()]);
    const disks = [...fake.azure.locations.values()].flatMap(l => l.disks);
    expect(all).toHaveLength(disks.length);
    expect(fake.azure.requestCounts.get('Microsoft.Compute/disks')).toBe(
      2 + Math.ceil(disks.length / PAGE_SIZE),
    );
  });

  it('names the action a missing role assignment denies', async () => {
    fake.azure.deniedActions.add('Microsoft.Network/publicIPAddresses/read');
    const { completed, error } = await run(SERVER_LIST, connection);
    expect(completed).toEqual([]);
    expect(error).toBeInstanceOf(DiscoveryProviderError);
    expect(error).toMatchObject({
      kind: 'permission',
      code: 'AuthorizationFailed',
      permission: 'Microsoft.Network/publicIPAddresses/read',
      message: expect.stringContaining(
        "does not have authorization to perform action 'Microsoft.Network/publicIPAddresses/read'",
      ),
    });
  });

  it('fails fast on a refused client secret', async () => {
    fake.azure.badCredentials = true;
    const { completed, error } = await run(SERVER_LIST, connection);
    expect(completed).toEqual([]);
    expect(error).toMatchObject({
      kind: 'credentials',
      code: 'AADSTS7000215',
      message: expect.stringMatching(
        /^AADSTS7000215: Invalid client secret provided\./,
      ),
    });
    expect(error!.message).not.toContain('Trace ID');
    expect(fake.azure.requestCounts.get('token')).toBe(1);
    expect(fake.azure.requestCounts.get(VMS_STATUS)).toBeUndefined();
  });

  it('reports an unknown tenant as a credentials problem', async () => {
    connection.settings.tenantId = '00000000-0000-4000-8000-000000000000';
    const { error } = await run(IMAGES_LIST, connection);
    // MSAL reports Entra ID's AADSTS90002 only as an unreadable configuration.
    expect(error).toMatchObject({
      kind: 'credentials',
      code: 'endpoints_resolution_error',
      message: expect.stringContaining('check the tenant ID'),
    });
  });

  it('reports a subscription the client cannot see with the message of ARM', async () => {
    connection.settings.subscriptionId = '11111111-2222-4333-8444-555555555555';
    const { completed, error } = await run(VOLUMES_LIST, connection);
    expect(completed).toEqual([]);
    expect(error).toMatchObject({
      kind: 'provider',
      code: 'SubscriptionNotFound',
      message:
        "SubscriptionNotFound: The subscription '11111111-2222-4333-8444-555555555555' could not be found.",
    });
  });

  it('leaves the scope incomplete when the scan fails mid-way', async () => {
    fake.azure.failure = { operation: VMS, afterRequests: 2 };
    const { emitted, completed, error } = await run(SERVER_LIST, connection);
    expect(completed).toEqual([]);
    expect(emitted.get(sub())).toHaveLength(2 * PAGE_SIZE);
    expect(error).toMatchObject({
      kind: 'provider',
      code: 'InternalServerError',
    });
    // Two pages, then the third asked 1 + maxRetries (3) times.
    expect(fake.azure.requestCounts.get(VMS)).toBe(2 + 4);
  });

  it('stops without completing when the run is aborted', async () => {
    const abort = new AbortController();
    const { emitted, completed, error } = await run(VOLUMES_LIST, connection, {
      signal: abort.signal,
      onEmit: () => abort.abort(),
    });
    expect(error).toBeUndefined();
    expect(completed).toEqual([]);
    expect(emitted.get(sub())).toHaveLength(PAGE_SIZE);
  });
});
