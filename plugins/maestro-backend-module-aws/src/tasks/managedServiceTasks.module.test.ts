import { TestDatabases } from '@backstage/backend-test-utils';
import { FakeCloud, startFakeCloud } from '@maestro/fake-cloud';
// The plugin this module extends; to be declared as a devDependency.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maestroBackend from '@maestro/plugin-maestro-backend';
import {
  DiscoveryTestBackend,
  startDiscoveryTestBackend,
} from '@maestro/plugin-maestro-node/testUtils';
import maestroModuleAws from '../index';

jest.setTimeout(180_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

/**
 * The managed-service and network tasks through the whole chain: the
 * Maestro plugin's REST API and scheduler, the write path on a real
 * database, the real SDK clients and the fake cloud.
 */
describe.each(databases.eachSupportedId())(
  'AWS managed services end to end on %p',
  databaseId => {
    let fake: FakeCloud;
    let maestro: DiscoveryTestBackend;
    let connectionId: string;
    const sync = (task: string) => maestro.sync(connectionId, task);

    beforeAll(async () => {
      fake = await startFakeCloud({
        aws: {
          regions: ['us-east-1'],
          instancesPerRegion: 20,
          servicesPerRegion: 4,
        },
      });
      maestro = await startDiscoveryTestBackend({
        knex: await databases.init(databaseId),
        features: [maestroBackend, maestroModuleAws],
      });
      const created = await maestro.api('POST', '/connections', 201, {
        type: 'aws',
        title: 'AWS fake',
        datacenter: 'datacenter:default/aws-fake',
        owner: 'group:default/sre',
        settings: {
          accessKeyId: fake.aws.defaultKey.accessKeyId,
          secretAccessKey: fake.aws.defaultKey.secretAccessKey,
          regions: 'us-east-1',
          endpoint: fake.url,
        },
      });
      connectionId = created.id;
    });
    afterAll(() => fake.close());

    it('stores what every task discovers, and changes nothing on an unchanged rerun', async () => {
      const region = fake.aws.region('us-east-1');
      const expected: Record<string, number> = {
        'loadbalance-list':
          region.classicLoadBalancers.length + region.loadBalancers.length,
        'dbs-list': region.dbInstances.length + region.dbClusters.length,
        'autoscaling-list': region.autoScalingGroups.length,
        'cache-list': region.cacheClusters.length,
        'smtp-list': region.emailIdentities.length,
        'network-list':
          region.vpcs.length +
          region.subnets.length +
          region.vpcPeerings.length +
          region.vpnGateways.length +
          region.vpcEndpoints.length +
          region.routeTables.length +
          region.natGateways.length +
          region.networkInterfaces.length +
          region.networkAcls.length,
      };
      for (const [task, count] of Object.entries(expected)) {
        expect(await sync(task)).toMatchObject({
          task,
          outcome: 'success',
          seen: count,
          created: count,
        });
      }

      const classic = region.classicLoadBalancers[0];
      const lb = await maestro.api(
        'GET',
        `/entities/resources/default/${classic.dnsName.split('.')[0]}`,
        200,
      );
      expect(lb.entity.spec).toMatchObject({
        type: 'load-balancer',
        family: 'Loadbalance',
        owner: 'group:default/sre',
        targets: classic.instanceIds.map(id => `server:default/${id}`),
        datacenter: { ref: 'datacenter:default/aws-fake', region: 'us-east-1' },
      });
      const db = region.dbInstances[1];
      const stored = await maestro.api(
        'GET',
        `/entities/resources/default/${db.dbiResourceId.toLowerCase()}`,
        200,
      );
      expect(stored.entity.metadata.title).toBe(db.dbInstanceIdentifier);
      expect(stored.entity.spec.database).toMatchObject({
        engine: db.engine,
        instanceClass: db.dbInstanceClass,
      });
      const nat = region.natGateways[0];
      const network = await maestro.api(
        'GET',
        `/entities/networks/default/${nat.natGatewayId}`,
        200,
      );
      expect(network.entity.spec).toMatchObject({
        type: 'nat-gateway',
        network: `network:default/${nat.subnetId}`,
      });

      // Nothing changed at the provider: nothing written.
      for (const task of Object.keys(expected)) {
        expect(await sync(task)).toMatchObject({
          outcome: 'success',
          created: 0,
          updated: 0,
          deactivated: 0,
        });
      }
    });

    it('deactivates what a complete scan no longer sees, and nothing after a failed one', async () => {
      const region = fake.aws.region('us-east-1');
      const [gone, kept] = region.dbInstances.splice(0, 2);
      const url = (d: typeof gone) =>
        `/entities/resources/default/${d.dbiResourceId.toLowerCase()}`;

      fake.aws.failure = {
        action: 'DescribeDBClusters',
        afterRequests: 0,
        code: 'AccessDenied',
        status: 403,
        message: 'User is not authorized to perform: rds:DescribeDBClusters',
      };
      expect(await sync('dbs-list')).toMatchObject({
        outcome: 'danger',
        permission: 'rds:DescribeDBClusters',
        deactivated: 0,
      });
      expect((await maestro.api('GET', url(gone), 200)).active).toBe(true);
      fake.aws.resetSwitches();

      region.dbInstances.unshift(kept);
      expect(await sync('dbs-list')).toMatchObject({
        outcome: 'success',
        deactivated: 1,
      });
      expect((await maestro.api('GET', url(gone), 200)).active).toBe(false);
      expect((await maestro.api('GET', url(kept), 200)).active).toBe(true);
    });
  },
);
