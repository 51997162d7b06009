import { TestDatabases } from '@backstage/backend-test-utils';
import {
  FakeCloud,
  FakeCloudFront,
  FakeS3,
  FakeSqs,
  startFakeCloud,
} from '@maestro/fake-cloud';
// The plugin this module extends; to be declared as a devDependency.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maestroBackend from '@maestro/plugin-maestro-backend';
import {
  DiscoveryTestBackend,
  startDiscoveryTestBackend,
} from '@maestro/plugin-maestro-node/testUtils';
import maestroModuleAws from './index';
import { stableName } from './translate/managedResource';

jest.setTimeout(180_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const REGIONS = ['us-east-1', 'eu-west-1'];
const PER_REGION = 4;

/**
 * The JSON/REST service tasks through the whole chain: plugin and module,
 * REST API, scheduler, write path on a real database, real SDK clients
 * against the fake cloud.
 */
describe.each(databases.eachSupportedId())(
  'AWS managed-service discovery end to end on %p',
  databaseId => {
    let fake: FakeCloud;
    let maestro: DiscoveryTestBackend;

    beforeAll(async () => {
      fake = await startFakeCloud({
        aws: {
          regions: REGIONS,
          instancesPerRegion: 2,
          servicesPerRegion: PER_REGION,
        },
      });
      maestro = await startDiscoveryTestBackend({
        knex: await databases.init(databaseId),
        features: [maestroBackend, maestroModuleAws],
      });
    });
    afterAll(() => fake.close());

    const resource = (name: string) =>
      maestro.api('GET', `/entities/resources/default/${name}`, 200);

    it('records every service, keeps still, deactivates only after a complete scan', async () => {
      const { id } = await maestro.api('POST', '/connections', 201, {
        type: 'aws',
        title: 'AWS services fake',
        datacenter: 'datacenter:default/aws-fake',
        owner: 'group:default/sre',
        settings: {
          accessKeyId: fake.aws.defaultKey.accessKeyId,
          secretAccessKey: fake.aws.defaultKey.secretAccessKey,
          regions: REGIONS.join(','),
          endpoint: fake.url,
        },
      });
      const total = REGIONS.length * PER_REGION;
      for (const task of [
        'storage-object-list',
        'brokers-list',
        'serverless-list',
        'serverless-support-list',
        'dynamodb-list',
        'gateway-list',
        'cdns-list',
      ]) {
        expect(await maestro.sync(id, task)).toMatchObject({
          task,
          outcome: 'success',
          seen: total,
          created: total,
          deactivated: 0,
        });
      }

      const sqs = fake.aws.services.get('sqs') as FakeSqs;
      const [deadLetters, queue] = sqs.queues('eu-west-1');
      const record = await resource(stableName(queue.name, queue.arn));
      expect(record.entity.metadata.title).toBe(queue.name);
      expect(record.entity.spec).toMatchObject({
        type: 'broker',
        family: 'Broker',
        owner: 'group:default/sre',
        uniqueId: queue.arn,
        datacenter: { ref: 'datacenter:default/aws-fake', region: 'eu-west-1' },
        dependencies: [
          {
            target: `resource:default/${stableName(
              deadLetters.name,
              deadLetters.arn,
            )}`,
          },
        ],
      });

      // A CDN's origin bucket is a record of the store.
      const cdn = (fake.aws.services.get('cloudfront') as FakeCloudFront)
        .distributions[0];
      const cdnRecord = await resource(stableName(cdn.id, cdn.arn));
      const origin = cdnRecord.entity.spec.dependencies[0].target;
      await resource(origin.replace('resource:default/', ''));

      // Nothing changed at the provider: no store write.
      const before = await maestro.revisions();
      expect(await maestro.sync(id, 'brokers-list')).toMatchObject({
        outcome: 'success',
        seen: total,
        created: 0,
        updated: 0,
        deactivated: 0,
      });
      expect(await maestro.revisions()).toBe(before);

      // A queue gone is marked inactive once a scan went through.
      const gone = sqs.queues('eu-west-1').pop()!;
      expect(await maestro.sync(id, 'brokers-list')).toMatchObject({
        outcome: 'success',
        seen: total - 1,
        deactivated: 1,
      });
      expect((await resource(stableName(gone.name, gone.arn))).active).toBe(
        false,
      );

      // A scan cut short changes nothing, and says which permission is missing.
      const alsoGone = sqs.queues('us-east-1').pop()!;
      fake.aws.failure = {
        action: 'GetQueueAttributes',
        afterRequests: 2,
        code: 'AccessDenied',
        status: 403,
        message: 'not authorized to perform: sqs:getqueueattributes',
      };
      expect(await maestro.sync(id, 'brokers-list')).toMatchObject({
        outcome: 'danger',
        permission: 'sqs:GetQueueAttributes',
      });
      fake.aws.resetSwitches();
      expect(
        (await resource(stableName(alsoGone.name, alsoGone.arn))).active,
      ).toBe(true);

      // Buckets are one global scope: a deleted one is deactivated too.
      const s3 = fake.aws.services.get('s3') as FakeS3;
      const bucket = [...s3.buckets.values()].find(
        b => b.region === 'us-east-1',
      )!;
      s3.buckets.delete(bucket.name);
      expect(await maestro.sync(id, 'storage-object-list')).toMatchObject({
        outcome: 'success',
        seen: total - 1,
        deactivated: 1,
      });
      expect(
        (await resource(stableName(bucket.name, `arn:aws:s3:::${bucket.name}`)))
          .active,
      ).toBe(false);

      fake.aws.badCredentials = true;
      expect(await maestro.sync(id, 'cdns-list')).toMatchObject({
        outcome: 'danger',
        message: expect.stringContaining('InvalidClientTokenId'),
      });
      fake.aws.resetSwitches();
    });
  },
);
