import { TestDatabases } from '@backstage/backend-test-utils';
import { FakeCloud, startFakeCloud } from '@maestro/fake-cloud';
// The plugin this module extends; to be declared as a devDependency.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maestroBackend from '@maestro/plugin-maestro-backend';
import {
  DiscoveryTestBackend,
  startDiscoveryTestBackend,
} from '@maestro/plugin-maestro-node/testUtils';
import maestroModuleAws from './index';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

/**
 * The whole chain: the Maestro plugin with this module, its REST API, the
 * scheduler, the write path on a real database, and the real SDK talking
 * to the fake cloud.
 */
describe.each(databases.eachSupportedId())(
  'AWS discovery end to end on %p',
  databaseId => {
    let fake: FakeCloud;
    let maestro: DiscoveryTestBackend;

    beforeAll(async () => {
      fake = await startFakeCloud({
        aws: { regions: ['us-east-1', 'eu-west-1'], instancesPerRegion: 60 },
      });
      maestro = await startDiscoveryTestBackend({
        knex: await databases.init(databaseId),
        features: [maestroBackend, maestroModuleAws],
      });
    });
    afterAll(() => fake.close());

    const createConnection = async () => {
      const created = await maestro.api('POST', '/connections', 201, {
        type: 'aws',
        title: 'AWS fake',
        datacenter: 'datacenter:default/aws-fake',
        owner: 'group:default/sre',
        settings: {
          accessKeyId: fake.aws.defaultKey.accessKeyId,
          secretAccessKey: fake.aws.defaultKey.secretAccessKey,
          regions: 'us-east-1,eu-west-1',
          endpoint: fake.url,
        },
      });
      return created.id as string;
    };
    const sync = (id: string) => maestro.sync(id, 'server-list');

    it('discovers, keeps still, deactivates, and reports bad credentials', async () => {
      const id = await createConnection();
      const first = await sync(id);
      expect(first).toMatchObject({
        outcome: 'success',
        seen: 120,
        created: 120,
        deactivated: 0,
      });

      const instance = fake.aws
        .region('eu-west-1')
        .instances.find(i => i.state === 'running')!;
      const record = await maestro.api(
        'GET',
        `/entities/servers/default/${instance.instanceId}`,
        200,
      );
      expect(record.entity.spec).toMatchObject({
        uniqueId: instance.instanceId,
        owner: 'group:default/sre',
        status: 'Active',
        datacenter: {
          ref: 'datacenter:default/aws-fake',
          region: 'eu-west-1',
          instanceType: instance.instanceType,
        },
      });

      // Nothing changed at the provider: no store write.
      const before = await maestro.revisions();
      expect(await sync(id)).toMatchObject({
        outcome: 'success',
        seen: 120,
        created: 0,
        updated: 0,
        deactivated: 0,
      });
      expect(await maestro.revisions()).toBe(before);

      // An instance gone from the provider is marked inactive after a complete scan.
      const region = fake.aws.region('eu-west-1');
      region.instances = region.instances.filter(i => i !== instance);
      expect(await sync(id)).toMatchObject({
        outcome: 'success',
        seen: 119,
        deactivated: 1,
      });
      const gone = await maestro.api(
        'GET',
        `/entities/servers/default/${instance.instanceId}`,
        200,
      );
      expect(gone.active).toBe(false);

      // A scan cut by a failure changes nothing.
      region.instances.push(instance);
      const removed = region.instances.splice(0, 5);
      fake.aws.failure = {
        action: 'DescribeInstances',
        afterRequests: 1,
        code: 'UnauthorizedOperation',
        status: 403,
      };
      const failed = await sync(id);
      expect(failed).toMatchObject({
        outcome: 'danger',
        permission: 'ec2:DescribeInstances',
      });
      for (const i of removed) {
        const res = await maestro.api(
          'GET',
          `/entities/servers/default/${i.instanceId}`,
          200,
        );
        expect(res.active).toBe(
          i.state !== 'terminated' && i.state !== 'shutting-down',
        );
      }
      fake.aws.resetSwitches();

      fake.aws.badCredentials = true;
      expect(await sync(id)).toMatchObject({
        outcome: 'danger',
        message:
          'AuthFailure: AWS was not able to validate the provided access credentials',
      });
      fake.aws.resetSwitches();
    });
  },
);
