import { mockServices } from '@backstage/backend-test-utils';
import {
  FakeApiGateway,
  FakeCloud,
  FakeCloudFront,
  FakeDynamoDb,
  FakeLambda,
  FakeS3,
  FakeSqs,
  startFakeCloud,
} from '@maestro/fake-cloud';
import {
  DiscoveryConnection,
  DiscoveryProviderError,
  DiscoveryTask,
  DiscoveredEntity,
} from '@maestro/plugin-maestro-node';
import { STORAGE_OBJECT_LIST } from './s3Task';
import { BROKERS_LIST } from './sqsTask';
import { SERVERLESS_LIST, SERVERLESS_SUPPORT_LIST } from './lambdaTasks';
import { DYNAMODB_LIST } from './dynamoDbTask';
import { GATEWAY_LIST } from './apiGatewayTask';
import { CDNS_LIST } from './cloudFrontTask';
import { SERVERLESS_TASKS } from './serverlessTasks';

jest.setTimeout(60_000);

const REGIONS = ['us-east-1', 'eu-west-1'];
/** Enough of each for two or more pages per region. */
const PER_REGION = 120;

/** What a task handed over, scope by scope, as the engine would see it. */
async function run(task: DiscoveryTask, connection: DiscoveryConnection) {
  const emitted = new Map<string, DiscoveredEntity[]>();
  const completed: string[] = [];
  let error: unknown;
  try {
    await task.run({
      connection,
      signal: new AbortController().signal,
      logger: mockServices.logger.mock(),
      async emit(scope, entities) {
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
  const all = [...emitted.values()].flat();
  return {
    emitted,
    all,
    completed,
    error: error as DiscoveryProviderError | undefined,
  };
}

const titles = (entities: DiscoveredEntity[] = []) =>
  entities.map(e => e.metadata.title);
const refOf = (e: DiscoveredEntity) => `resource:default/${e.metadata.name}`;
const targets = (e: DiscoveredEntity) =>
  ((e.spec?.dependencies ?? []) as Array<{ target: string }>).map(
    d => d.target,
  );

describe('AWS JSON/REST service tasks against the fake cloud', () => {
  let fake: FakeCloud;
  let connection: DiscoveryConnection;
  const service = <T>(name: string) => fake.aws.services.get(name) as T;

  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: {
        regions: REGIONS,
        instancesPerRegion: 2,
        servicesPerRegion: PER_REGION,
      },
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.aws.resetSwitches();
    fake.aws.requestCounts.clear();
    service<FakeS3>('s3').omitBucketRegion = false;
    connection = {
      id: 'c1',
      type: 'aws',
      datacenter: 'datacenter:default/aws',
      settings: {
        accessKeyId: fake.aws.defaultKey.accessKeyId,
        endpoint: fake.url,
        maxAttempts: '3',
      },
      credentials: { secretAccessKey: fake.aws.defaultKey.secretAccessKey },
    };
  });
  const count = (action: string) => fake.aws.requestCounts.get(action) ?? 0;

  it('lists every bucket once, page by page, each in its own region', async () => {
    const { emitted, completed, error } = await run(
      STORAGE_OBJECT_LIST,
      connection,
    );
    expect(error).toBeUndefined();
    expect(completed).toEqual(['global']);
    const s3 = service<FakeS3>('s3');
    const buckets = [...s3.buckets.values()].sort((a, b) =>
      a.name < b.name ? -1 : 1,
    );
    expect(buckets).toHaveLength(REGIONS.length * PER_REGION);
    const got = emitted.get('global')!;
    expect(titles(got)).toEqual(buckets.map(b => b.name));
    expect(got.map(e => (e.spec?.datacenter as any).region)).toEqual(
      buckets.map(b => b.region),
    );
    // 240 buckets, 200 a page; ListBuckets named every region.
    expect(count('ListBuckets')).toBe(2);
    expect(count('GetBucketLocation')).toBe(0);
  });

  it("keeps the connection's regions, locating buckets of stores that do not say where they are", async () => {
    service<FakeS3>('s3').omitBucketRegion = true;
    connection.settings.regions = 'eu-west-1';
    const { emitted, completed, error } = await run(
      STORAGE_OBJECT_LIST,
      connection,
    );
    expect(error).toBeUndefined();
    expect(completed).toEqual(['global']);
    const got = emitted.get('global')!;
    expect(got).toHaveLength(PER_REGION);
    expect(
      got.every(e => (e.spec?.datacenter as any).region === 'eu-west-1'),
    ).toBe(true);
    expect(count('GetBucketLocation')).toBe(REGIONS.length * PER_REGION);
  });

  it('lists the queues of every region and relates them to their dead-letter queue', async () => {
    const { emitted, completed, error } = await run(BROKERS_LIST, connection);
    expect(error).toBeUndefined();
    // No regions listed: every region of the account (DescribeRegions).
    expect(completed).toEqual(REGIONS);
    const sqs = service<FakeSqs>('sqs');
    for (const region of REGIONS) {
      const got = emitted.get(region)!;
      expect(titles(got)).toEqual(sqs.queues(region).map(q => q.name));
      const deadLetters = got.find(e => e.metadata.title === 'dead-letters')!;
      const redriven = got.filter(e => targets(e).length);
      expect(redriven.length).toBeGreaterThan(0);
      expect(redriven.every(e => targets(e)[0] === refOf(deadLetters))).toBe(
        true,
      );
    }
    expect(count('ListQueues')).toBe(2 * REGIONS.length);
    expect(count('GetQueueAttributes')).toBe(PER_REGION * REGIONS.length);
  });

  it('lists functions and layers, functions depending on the layers listed', async () => {
    connection.settings.regions = 'eu-west-1';
    const functions = await run(SERVERLESS_LIST, connection);
    const layers = await run(SERVERLESS_SUPPORT_LIST, connection);
    expect(functions.error ?? layers.error).toBeUndefined();
    expect(functions.completed).toEqual(['eu-west-1']);
    expect(layers.completed).toEqual(['eu-west-1']);
    const lambda = service<FakeLambda>('lambda').region('eu-west-1');
    expect(titles(functions.emitted.get('eu-west-1'))).toEqual(
      lambda.functions.map(f => f.name),
    );
    expect(titles(layers.emitted.get('eu-west-1'))).toEqual(
      lambda.layers.map(l => l.name),
    );
    const layerRefs = new Set(layers.all.map(refOf));
    const used = functions.all.flatMap(targets);
    expect(used.length).toBe(PER_REGION / 2);
    expect(used.every(t => layerRefs.has(t))).toBe(true);
    expect(JSON.stringify(functions.all)).not.toContain('not-to-be-recorded');
    // 120 of each at Lambda's 50 a page.
    expect(count('ListFunctions')).toBe(3);
    expect(count('ListLayers')).toBe(3);
  });

  it('describes every table; the global one is multi-master', async () => {
    connection.settings.regions = REGIONS.join(',');
    const { emitted, completed, error } = await run(DYNAMODB_LIST, connection);
    expect(error).toBeUndefined();
    expect(completed).toEqual(REGIONS);
    const dynamodb = service<FakeDynamoDb>('dynamodb');
    for (const region of REGIONS) {
      expect(titles(emitted.get(region))).toEqual(
        dynamodb.tables(region).map(t => t.name),
      );
      const global = emitted
        .get(region)!
        .find(e => e.metadata.title === 'customers-0')!;
      expect(global.spec).toMatchObject({
        cluster: 'Master/Master',
        properties: { replicas: REGIONS.filter(r => r !== region) },
      });
    }
    expect(count('ListTables')).toBe(2 * REGIONS.length);
    expect(count('DescribeTable')).toBe(PER_REGION * REGIONS.length);
  });

  it('lists REST APIs, and CloudFront once, its origins related to buckets and APIs', async () => {
    const apis = await run(GATEWAY_LIST, connection);
    const buckets = await run(STORAGE_OBJECT_LIST, connection);
    const cdns = await run(CDNS_LIST, connection);
    expect(apis.error ?? buckets.error ?? cdns.error).toBeUndefined();
    expect(apis.completed).toEqual(REGIONS);
    const gateway = service<FakeApiGateway>('apigateway');
    for (const region of REGIONS) {
      expect(
        apis.emitted.get(region)!.map(e => (e.spec?.properties as any).apiId),
      ).toEqual(gateway.restApis(region).map(a => a.id));
    }
    expect(count('GetRestApis')).toBe(2 * REGIONS.length);

    expect(cdns.completed).toEqual(['global']);
    const cloudfront = service<FakeCloudFront>('cloudfront');
    expect(
      cdns.all.map(e => (e.spec?.properties as any).distributionId),
    ).toEqual(cloudfront.distributions.map(d => d.id));
    expect(count('ListDistributions')).toBe(3);
    const known = new Set([...apis.all, ...buckets.all].map(refOf));
    const origins = cdns.all.flatMap(targets);
    expect(origins).toHaveLength(cloudfront.distributions.length);
    expect(origins.filter(t => !known.has(t))).toEqual([]);
  });

  it.each([
    {
      task: STORAGE_OBJECT_LIST,
      action: 'ListBuckets',
      afterRequests: 1,
      code: 'AccessDenied',
      permission: 's3:ListAllMyBuckets',
      completed: [],
      partial: ['global', 200],
    },
    {
      task: BROKERS_LIST,
      // All of us-east-1, then ten of the first page of eu-west-1.
      action: 'GetQueueAttributes',
      afterRequests: PER_REGION + 10,
      code: 'AccessDenied',
      permission: 'sqs:GetQueueAttributes',
      completed: ['us-east-1'],
      partial: ['eu-west-1', 0],
    },
    {
      task: SERVERLESS_LIST,
      action: 'ListFunctions',
      afterRequests: 4,
      code: 'AccessDeniedException',
      permission: 'lambda:ListFunctions',
      completed: ['us-east-1'],
      partial: ['eu-west-1', 50],
    },
    {
      task: SERVERLESS_SUPPORT_LIST,
      action: 'ListLayers',
      afterRequests: 1,
      code: 'AccessDeniedException',
      permission: 'lambda:ListLayers',
      completed: [],
      partial: ['us-east-1', 50],
    },
    {
      task: DYNAMODB_LIST,
      action: 'ListTables',
      afterRequests: 3,
      code: 'AccessDeniedException',
      permission: 'dynamodb:ListTables',
      completed: ['us-east-1'],
      partial: ['eu-west-1', 100],
    },
    {
      task: GATEWAY_LIST,
      action: 'GetRestApis',
      afterRequests: 1,
      code: 'AccessDeniedException',
      permission: 'apigateway:GET',
      completed: [],
      partial: ['us-east-1', 100],
    },
    {
      task: CDNS_LIST,
      action: 'ListDistributions',
      afterRequests: 2,
      code: 'AccessDenied',
      permission: 'cloudfront:ListDistributions',
      completed: [],
      partial: ['global', 200],
    },
  ])(
    '$task.name: a failure mid-scan completes nothing it cut, and names $permission',
    async ({ task, action, afterRequests, code, permission, ...expected }) => {
      connection.settings.regions = REGIONS.join(',');
      fake.aws.failure = {
        action,
        afterRequests,
        code,
        status: 403,
        message: `User: arn:aws:iam::123456789012:user/maestro is not authorized to perform: ${permission}`,
      };
      const { emitted, completed, error } = await run(task, connection);
      expect(completed).toEqual(expected.completed);
      const [scope, seen] = expected.partial as [string, number];
      expect(emitted.get(scope)?.length ?? 0).toBe(seen);
      expect(error).toBeInstanceOf(DiscoveryProviderError);
      expect(error).toMatchObject({
        kind: 'permission',
        permission,
        message: expect.stringContaining(
          `not authorized to perform: ${permission}`,
        ),
      });
    },
  );

  it.each([
    [STORAGE_OBJECT_LIST, 'InvalidAccessKeyId'],
    [BROKERS_LIST, 'InvalidClientTokenId'],
    [SERVERLESS_LIST, 'UnrecognizedClientException'],
    [SERVERLESS_SUPPORT_LIST, 'UnrecognizedClientException'],
    [DYNAMODB_LIST, 'UnrecognizedClientException'],
    [GATEWAY_LIST, 'UnrecognizedClientException'],
    [CDNS_LIST, 'InvalidClientTokenId'],
  ])('%p fails fast on bad credentials (%s)', async (task, code) => {
    connection.settings.regions = 'us-east-1';
    fake.aws.badCredentials = true;
    const { completed, error } = await run(task, connection);
    expect(completed).toEqual([]);
    expect(error).toMatchObject({ kind: 'credentials', code });
    // Not retried.
    expect([...fake.aws.requestCounts.values()]).toEqual([1]);
  });

  it('retries throttled calls, each service in its own throttling error', async () => {
    connection.settings.regions = 'us-east-1';
    for (const task of [BROKERS_LIST, DYNAMODB_LIST, SERVERLESS_LIST]) {
      fake.aws.throttleNext = 2;
      const { completed, all, error } = await run(task, connection);
      expect(error).toBeUndefined();
      expect(completed).toEqual(['us-east-1']);
      expect(all).toHaveLength(PER_REGION);
    }
  });

  it('skips a queue or table deleted between its listing and its description', async () => {
    connection.settings.regions = 'us-east-1';
    fake.aws.failure = {
      action: 'GetQueueAttributes',
      afterRequests: PER_REGION - 2,
      code: 'QueueDoesNotExist',
      status: 400,
    };
    const queues = await run(BROKERS_LIST, connection);
    expect(queues.error).toBeUndefined();
    expect(queues.completed).toEqual(['us-east-1']);
    expect(queues.all).toHaveLength(PER_REGION - 2);

    fake.aws.resetSwitches();
    fake.aws.failure = {
      action: 'DescribeTable',
      afterRequests: PER_REGION - 1,
      code: 'ResourceNotFoundException',
      status: 400,
    };
    const tables = await run(DYNAMODB_LIST, connection);
    expect(tables.error).toBeUndefined();
    expect(tables.all).toHaveLength(PER_REGION - 1);
  });

  it('names the permissions of each task', () => {
    expect(
      Object.fromEntries(SERVERLESS_TASKS.map(t => [t.name, t.permissions])),
    ).toEqual({
      'storage-object-list': ['s3:ListAllMyBuckets', 's3:GetBucketLocation'],
      'brokers-list': [
        'ec2:DescribeRegions',
        'sqs:ListQueues',
        'sqs:GetQueueAttributes',
      ],
      'serverless-list': ['ec2:DescribeRegions', 'lambda:ListFunctions'],
      'serverless-support-list': ['ec2:DescribeRegions', 'lambda:ListLayers'],
      'dynamodb-list': [
        'ec2:DescribeRegions',
        'dynamodb:ListTables',
        'dynamodb:DescribeTable',
      ],
      'gateway-list': ['ec2:DescribeRegions', 'apigateway:GET'],
      'cdns-list': ['cloudfront:ListDistributions'],
    });
    expect(SERVERLESS_TASKS.map(t => t.defaultInterval)).toEqual([
      { every: 24, period: 'hours' },
      { every: 5, period: 'days' },
      { every: 12, period: 'hours' },
      { every: 24, period: 'hours' },
      { every: 3, period: 'days' },
      { every: 3, period: 'days' },
      { every: 5, period: 'days' },
    ]);
  });
});
