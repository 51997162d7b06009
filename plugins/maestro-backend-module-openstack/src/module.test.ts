import { TestDatabases } from '@backstage/backend-test-utils';
import { FakeCloud, startFakeCloud } from '@maestro/fake-cloud';
// The plugin this module extends; declared as a devDependency.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maestroBackend from '@maestro/plugin-maestro-backend';
import {
  DiscoveryTestBackend,
  startDiscoveryTestBackend,
} from '@maestro/plugin-maestro-node/testUtils';
import maestroModuleOpenStack from './index';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

/**
 * The whole chain: the Maestro plugin with this module, its REST API, the
 * scheduler, the write path on a real database, and Keystone-authenticated
 * calls to the fake cloud's OpenStack.
 */
describe.each(databases.eachSupportedId())(
  'OpenStack discovery end to end on %p',
  databaseId => {
    let fake: FakeCloud;
    let maestro: DiscoveryTestBackend;

    beforeAll(async () => {
      fake = await startFakeCloud({ openstack: { serversPerRegion: 60 } });
      maestro = await startDiscoveryTestBackend({
        knex: await databases.init(databaseId),
        features: [maestroBackend, maestroModuleOpenStack],
      });
    });
    afterAll(() => fake.close());
    afterEach(() => fake.openstack.resetSwitches());

    const createConnection = async () => {
      const c = fake.openstack.defaultCredentials;
      const created = await maestro.api('POST', '/connections', 201, {
        type: 'openstack',
        title: 'OpenStack fake',
        datacenter: 'datacenter:default/openstack-fake',
        owner: 'group:default/sre',
        settings: {
          authUrl: `${fake.url}/openstack/identity/v3`,
          username: c.username,
          password: c.password,
          userDomain: c.userDomain,
          projectName: c.projectName,
          projectDomain: c.projectDomain,
          region: 'RegionOne,RegionTwo',
        },
      });
      // The password is stored encrypted and never sent back.
      expect(JSON.stringify(created)).not.toContain(c.password);
      return created.id as string;
    };
    const sync = (id: string, task = 'server-list') => maestro.sync(id, task);

    it('refuses an incomplete connection with field errors', async () => {
      const refused = await maestro.api('POST', '/connections', 400, {
        type: 'openstack',
        title: 'Incomplete',
        datacenter: 'datacenter:default/openstack-fake',
        settings: {
          authUrl: `${fake.url}/openstack/identity/v3`,
          username: 'maestro',
          password: 'x',
        },
      });
      expect(JSON.stringify(refused)).toContain('or projectId is required');
    });

    it('discovers, keeps still, deactivates, and reports failures', async () => {
      const id = await createConnection();
      const first = await sync(id);
      expect(first).toMatchObject({
        outcome: 'success',
        seen: 120,
        created: 120,
        deactivated: 0,
      });

      const region = fake.openstack.region('RegionTwo');
      const server = region.servers.find(s => s.status === 'ACTIVE')!;
      const flavor = region.flavors.find(f => f.id === server.flavorId)!;
      const record = await maestro.api(
        'GET',
        `/entities/servers/default/${server.id}`,
        200,
      );
      expect(record.entity.spec).toMatchObject({
        uniqueId: server.id,
        owner: 'group:default/sre',
        status: 'Active',
        cpu: flavor.vcpus,
        datacenter: {
          ref: 'datacenter:default/openstack-fake',
          provider: 'OpenStack',
          region: 'RegionTwo',
          instanceType: flavor.name,
        },
      });

      // Nothing changed in the cloud: no store write.
      const before = await maestro.revisions();
      expect(await sync(id)).toMatchObject({
        outcome: 'success',
        seen: 120,
        created: 0,
        updated: 0,
        deactivated: 0,
      });
      expect(await maestro.revisions()).toBe(before);

      // A server gone from Nova is marked inactive after a complete scan.
      region.servers = region.servers.filter(s => s !== server);
      expect(await sync(id)).toMatchObject({
        outcome: 'success',
        seen: 119,
        deactivated: 1,
      });
      const gone = await maestro.api(
        'GET',
        `/entities/servers/default/${server.id}`,
        200,
      );
      expect(gone.active).toBe(false);

      // A scan cut by a failure changes nothing in the region it broke off;
      // the region scanned whole before it is settled.
      region.servers.push(server);
      const removed = region.servers.splice(0, 5);
      const regionOne = fake.openstack.region('RegionOne');
      const leaving = regionOne.servers.find(s => s.status === 'ACTIVE')!;
      regionOne.servers = regionOne.servers.filter(s => s !== leaving);
      // One page per region: RegionOne's goes through, RegionTwo's fails.
      fake.openstack.failure = { route: 'servers', afterRequests: 1 };
      const failed = await sync(id);
      expect(failed).toMatchObject({
        outcome: 'danger',
        deactivated: 1,
        message: expect.stringMatching(
          /^Nova \(compute\) answered 500: Unexpected API Error/,
        ),
      });
      expect(
        (
          await maestro.api(
            'GET',
            `/entities/servers/default/${leaving.id}`,
            200,
          )
        ).active,
      ).toBe(false);
      for (const s of removed) {
        const res = await maestro.api(
          'GET',
          `/entities/servers/default/${s.id}`,
          200,
        );
        expect(res.active).toBe(s.status !== 'SOFT_DELETED');
      }
      fake.openstack.resetSwitches();

      fake.openstack.forbidden = 'os_compute_api:servers:detail';
      expect(await sync(id)).toMatchObject({
        outcome: 'danger',
        permission: 'os_compute_api:servers:detail',
        message:
          "Nova (compute) answered 403: Policy doesn't allow os_compute_api:servers:detail to be performed.",
      });
      fake.openstack.resetSwitches();

      fake.openstack.badPassword = true;
      expect(await sync(id)).toMatchObject({
        outcome: 'danger',
        message:
          'Keystone refused the credentials (401): The request you have made requires authentication.',
      });
    });

    it('stores load balancers as Loadbalance resources routing to servers', async () => {
      const id = await createConnection();
      expect(await sync(id, 'loadbalance-list')).toMatchObject({
        outcome: 'success',
        seen: 4,
      });
      const region = fake.openstack.region('RegionOne');
      const lb = region.loadBalancers[0];
      const record = await maestro.api(
        'GET',
        `/entities/resources/default/${lb.id}`,
        200,
      );
      expect(record.entity).toMatchObject({
        kind: 'Resource',
        metadata: { title: lb.name },
        spec: {
          type: 'load-balancer',
          family: 'Loadbalance',
          owner: 'group:default/sre',
          role: { endpoint: lb.vip_address },
        },
      });
      expect(record.entity.spec.targets.length).toBeGreaterThan(0);
    });
  },
);
