import { mockServices } from '@backstage/backend-test-utils';
import { FakeCloud, startFakeCloud } from '@maestro/fake-cloud';
import {
  DiscoveryConnection,
  DiscoveryProviderError,
  DiscoveryTask,
  DiscoveredEntity,
} from '@maestro/plugin-maestro-node';
import { GLANCE_IMAGES, NOVA_SERVERS } from '../client/apis';
import { FLAVOR_LIST, SERVER_LIST } from './computeTasks';
import { OPENSTACK_TASKS } from './index';
import { LOADBALANCE_LIST } from './loadBalancerTasks';
import { NETWORK_LIST } from './networkTasks';
import { IMAGES_LIST, VOLUMES_LIST } from './storageTasks';

jest.setTimeout(60_000);

const SERVERS = 230;
const SERVER_PAGES = Math.ceil(SERVERS / NOVA_SERVERS.pageSize);
const regions = ['RegionOne', 'RegionTwo'];

/** What a task handed over, scope by scope and page by page, as the engine would see it. */
async function run(
  task: DiscoveryTask,
  connection: DiscoveryConnection,
  onEmit: (scope: string, page: number) => Promise<void> | void = () => {},
) {
  const emitted = new Map<string, DiscoveredEntity[]>();
  const pages = new Map<string, number>();
  const completed: string[] = [];
  let error: unknown;
  try {
    await task.run({
      connection,
      signal: new AbortController().signal,
      logger: mockServices.logger.mock(),
      async emit(scope, entities) {
        emitted.set(scope, [...(emitted.get(scope) ?? []), ...entities]);
        pages.set(scope, (pages.get(scope) ?? 0) + 1);
        await onEmit(scope, pages.get(scope)!);
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
    pages,
    completed,
    error: error as DiscoveryProviderError | undefined,
  };
}

const names = (entities: DiscoveredEntity[] | undefined) =>
  (entities ?? []).map(e => e.metadata.name);

describe('OpenStack tasks against the fake cloud', () => {
  let fake: FakeCloud;
  let connection: DiscoveryConnection;

  beforeAll(async () => {
    fake = await startFakeCloud({
      openstack: { regions, serversPerRegion: SERVERS, imagesPerRegion: 450 },
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.openstack.resetSwitches();
    fake.openstack.requestCounts.clear();
    const c = fake.openstack.defaultCredentials;
    connection = {
      id: 'c1',
      type: 'openstack',
      datacenter: 'datacenter:default/openstack',
      settings: {
        authUrl: `${fake.url}/openstack/identity/v3`,
        username: c.username,
        projectName: c.projectName,
        maxAttempts: '3',
      },
      credentials: { password: c.password },
    };
  });

  it('lists every server of every region page by page, with flavors, ports and statuses', async () => {
    const { emitted, pages, completed, error } = await run(
      SERVER_LIST,
      connection,
    );
    expect(error).toBeUndefined();
    // No region configured: every region of the catalog.
    expect(completed).toEqual(regions);
    for (const region of regions) {
      const expected = fake.openstack.region(region).servers;
      expect(names(emitted.get(region))).toEqual(expected.map(s => s.id));
      expect(pages.get(region)).toBe(SERVER_PAGES);
      const inactive = expected
        .filter(s => s.status === 'SOFT_DELETED')
        .map(s => s.id);
      expect(inactive.length).toBeGreaterThan(0);
      expect(
        emitted
          .get(region)!
          .filter(e => (e.spec as any).active === false)
          .map(e => e.metadata.name),
      ).toEqual(inactive);
    }
    expect(fake.openstack.requestCounts.get('servers')).toBe(2 * SERVER_PAGES);
    // One flavor listing per region; ports asked for 40 servers at a time.
    expect(fake.openstack.requestCounts.get('flavors')).toBe(2);
    const pageSizes = Array.from({ length: SERVER_PAGES }, (_, i) =>
      Math.min(NOVA_SERVERS.pageSize, SERVERS - i * NOVA_SERVERS.pageSize),
    );
    expect(fake.openstack.requestCounts.get('ports')).toBe(
      2 * pageSizes.reduce((n, size) => n + Math.ceil(size / 40), 0),
    );

    const region = fake.openstack.region('RegionTwo');
    const server = region.servers.find(s => s.status === 'ACTIVE')!;
    const port = region.ports.find(p => p.device_id === server.id)!;
    const flavor = region.flavors.find(f => f.id === server.flavorId)!;
    const entity = emitted
      .get('RegionTwo')!
      .find(e => e.metadata.name === server.id)!;
    expect(entity.spec).toMatchObject({
      hostname: server.name,
      cpu: flavor.vcpus,
      memory: flavor.ram / 1024,
      ipv4Private: port.fixed_ips[0].ip_address,
      datacenter: {
        region: 'RegionTwo',
        instanceType: flavor.name,
        subnetId: port.fixed_ips[0].subnet_id,
      },
      networks: expect.arrayContaining([
        `network:default/${port.network_id}`,
        ...port.security_groups.map(g => `network:default/${g}`),
      ]),
      tags: expect.arrayContaining([{ key: 'maestro', value: '' }]),
    });
  });

  it('relates server flavors to the flavor records flavor-list writes', async () => {
    connection.settings.region = 'RegionOne';
    const servers = await run(SERVER_LIST, connection);
    const flavors = await run(FLAVOR_LIST, connection);
    const flavorRefs = new Set(
      names(flavors.emitted.get('RegionOne')).map(n => `flavor:default/${n}`),
    );
    const used = servers.emitted
      .get('RegionOne')!
      .map(e => (e.spec as any).flavor);
    expect(used.length).toBe(SERVERS);
    for (const ref of used) expect(flavorRefs).toContain(ref);
  });

  it('runs every task of the source in every region', async () => {
    for (const task of OPENSTACK_TASKS) {
      const { emitted, completed, error } = await run(task, connection);
      expect([task.name, error]).toEqual([task.name, undefined]);
      expect(completed).toEqual(regions);
      for (const region of regions) {
        expect(emitted.get(region)!.length).toBeGreaterThan(0);
      }
    }
  });

  it('relates volumes to the servers they are attached to', async () => {
    connection.settings.region = 'RegionTwo';
    const { emitted, error } = await run(VOLUMES_LIST, connection);
    expect(error).toBeUndefined();
    const volumes = fake.openstack.region('RegionTwo').volumes;
    expect(names(emitted.get('RegionTwo'))).toEqual(volumes.map(v => v.id));
    const attached = volumes.filter(v => v.attachments.length);
    expect(attached.length).toBeGreaterThan(0);
    for (const volume of attached) {
      expect(
        emitted.get('RegionTwo')!.find(e => e.metadata.name === volume.id)!
          .spec,
      ).toMatchObject({
        server: `server:default/${volume.attachments[0].server_id}`,
        device: volume.attachments[0].device,
      });
    }
  });

  it('walks Glance pages through its relative next links', async () => {
    connection.settings.region = 'RegionOne';
    const { emitted, pages, error } = await run(IMAGES_LIST, connection);
    expect(error).toBeUndefined();
    expect(names(emitted.get('RegionOne'))).toEqual(
      fake.openstack.region('RegionOne').images.map(i => i.id),
    );
    expect(pages.get('RegionOne')).toBe(
      Math.ceil(450 / GLANCE_IMAGES.pageSize),
    );
  });

  it('lists networks, subnets, ports and routers, and routes load balancers to servers', async () => {
    connection.settings.region = 'RegionOne';
    const region = fake.openstack.region('RegionOne');
    const network = await run(NETWORK_LIST, connection);
    expect(network.completed).toEqual(['RegionOne']);
    expect(names(network.emitted.get('RegionOne'))).toEqual(
      [
        ...region.networks,
        ...region.subnets,
        ...region.ports,
        ...region.routers,
      ].map(r => r.id),
    );
    const lbs = await run(LOADBALANCE_LIST, connection);
    expect(lbs.error).toBeUndefined();
    for (const lb of region.loadBalancers) {
      const pool = region.pools.find(p => p.loadbalancerId === lb.id)!;
      const servers = pool.members.map(
        m =>
          region.ports.find(p =>
            p.fixed_ips.some(
              f => f.ip_address === m.address && f.subnet_id === m.subnet_id,
            ),
          )!.device_id,
      );
      expect(servers.length).toBeGreaterThan(0);
      expect(
        lbs.emitted.get('RegionOne')!.find(e => e.metadata.name === lb.id)!
          .spec,
      ).toMatchObject({
        type: 'load-balancer',
        targets: servers.map(id => `server:default/${id}`),
      });
    }
  });

  it('retries over-limit answers as Retry-After says', async () => {
    connection.settings.region = 'RegionOne';
    fake.openstack.throttleNext = 2;
    fake.openstack.throttleRetryAfter = 0;
    const { emitted, completed, error } = await run(SERVER_LIST, connection);
    expect(error).toBeUndefined();
    expect(completed).toEqual(['RegionOne']);
    expect(emitted.get('RegionOne')).toHaveLength(SERVERS);
    // The flavor listing took both refusals, then every call went through.
    expect(fake.openstack.requestCounts.get('flavors')).toBe(3);
    expect(fake.openstack.requestCounts.get('servers')).toBe(SERVER_PAGES);
  });

  it('fails fast on a wrong password, as credentials', async () => {
    fake.openstack.badPassword = true;
    const { emitted, completed, error } = await run(SERVER_LIST, connection);
    expect(error).toBeInstanceOf(DiscoveryProviderError);
    expect(error).toMatchObject({
      kind: 'credentials',
      message:
        'Keystone refused the credentials (401): The request you have made requires authentication.',
    });
    expect(completed).toEqual([]);
    expect(emitted.size).toBe(0);
    expect(fake.openstack.requestCounts.get('tokens')).toBe(1);
  });

  it('names the policy a service denies', async () => {
    fake.openstack.forbidden = 'volume:get_all';
    const cinder = await run(VOLUMES_LIST, connection);
    expect(cinder.error).toMatchObject({
      kind: 'permission',
      permission: 'volume:get_all',
      message:
        "Cinder (block-storage) answered 403: Policy doesn't allow volume:get_all to be performed.",
    });
    expect(cinder.completed).toEqual([]);

    // Octavia does not name the rule; the task knows which it needs.
    fake.openstack.forbidden = 'os_load-balancer_api:loadbalancer:get_all';
    const octavia = await run(LOADBALANCE_LIST, connection);
    expect(octavia.error).toMatchObject({
      kind: 'permission',
      permission: 'os_load-balancer_api:loadbalancer:get_all',
    });

    // server-list reads ports too: Neutron's denial names its rule.
    fake.openstack.forbidden = 'get_port';
    const ports = await run(SERVER_LIST, connection);
    expect(ports.error).toMatchObject({
      kind: 'permission',
      permission: 'get_port',
    });
  });

  it('authenticates again when the token expires mid-scan', async () => {
    connection.settings.region = 'RegionOne';
    fake.openstack.tokenLifetimeSeconds = 1;
    const { emitted, completed, error } = await run(
      SERVER_LIST,
      connection,
      async (_scope, page) => {
        if (page === 1) await new Promise(resolve => setTimeout(resolve, 1100));
      },
    );
    expect(error).toBeUndefined();
    expect(completed).toEqual(['RegionOne']);
    expect(emitted.get('RegionOne')).toHaveLength(SERVERS);
    expect(fake.openstack.requestCounts.get('tokens')).toBe(2);
  });

  it('authenticates again when a service refuses a revoked token mid-scan', async () => {
    connection.settings.region = 'RegionOne';
    const { emitted, completed, error } = await run(
      SERVER_LIST,
      connection,
      (_scope, page) => {
        if (page === 1) fake.openstack.revokeTokens();
      },
    );
    expect(error).toBeUndefined();
    expect(completed).toEqual(['RegionOne']);
    expect(emitted.get('RegionOne')).toHaveLength(SERVERS);
    expect(fake.openstack.requestCounts.get('unauthorized')).toBe(1);
    expect(fake.openstack.requestCounts.get('tokens')).toBe(2);
  });

  it('leaves a region whose scan failed mid-way incomplete', async () => {
    fake.openstack.failure = {
      route: 'servers',
      // All of RegionOne, then one page of RegionTwo.
      afterRequests: SERVER_PAGES + 1,
    };
    const { emitted, completed, error } = await run(SERVER_LIST, connection);
    expect(completed).toEqual(['RegionOne']);
    expect(emitted.get('RegionTwo')).toHaveLength(NOVA_SERVERS.pageSize);
    expect(error).toMatchObject({
      kind: 'provider',
      code: 'computeFault',
      message: expect.stringMatching(
        /^Nova \(compute\) answered 500: Unexpected API Error/,
      ),
    });
    // maxAttempts (3) tries of the failing page.
    expect(fake.openstack.requestCounts.get('servers')).toBe(
      SERVER_PAGES + 1 + 3,
    );
  });
});
