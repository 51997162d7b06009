import { mockServices } from '@backstage/backend-test-utils';
import { FakeCloud, startFakeCloud } from '@maestro/fake-cloud';
import {
  DiscoveryConnection,
  DiscoveryProviderError,
  DiscoveryTask,
  DiscoveredEntity,
} from '@maestro/plugin-maestro-node';
import {
  EC2_TASKS as AWS_TASKS,
  INSTANCES_PAGE_SIZE,
  SERVER_LIST,
  VOLUMES_LIST,
} from './ec2Tasks';

const PAGES_PER_REGION = Math.ceil(2300 / INSTANCES_PAGE_SIZE);

jest.setTimeout(60_000);

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
  return {
    emitted,
    completed,
    error: error as DiscoveryProviderError | undefined,
  };
}

describe('AWS EC2 tasks against the fake cloud', () => {
  let fake: FakeCloud;
  const regions = ['us-east-1', 'eu-west-1'];
  let connection: DiscoveryConnection;

  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: { regions, instancesPerRegion: 2300, extraVolumesPerRegion: 10 },
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.aws.resetSwitches();
    fake.aws.requestCounts.clear();
    connection = {
      id: 'c1',
      type: 'aws',
      datacenter: 'datacenter:default/aws',
      settings: {
        accessKeyId: fake.aws.defaultKey.accessKeyId,
        endpoint: fake.url,
        maxAttempts: '4',
      },
      credentials: { secretAccessKey: fake.aws.defaultKey.secretAccessKey },
    };
  });

  it('lists every instance, in every state and region, page by page', async () => {
    const { emitted, completed, error } = await run(SERVER_LIST, connection);
    expect(error).toBeUndefined();
    // No regions configured: every region the account has (DescribeRegions).
    expect(completed).toEqual(regions);
    for (const region of regions) {
      const expected = fake.aws.region(region).instances;
      const got = emitted.get(region)!;
      expect(got.map(e => e.metadata.name)).toEqual(
        expected.map(i => i.instanceId),
      );
      const states = new Set(expected.map(i => i.state));
      expect(states.size).toBe(6);
      const inactive = expected
        .filter(i => i.state === 'terminated' || i.state === 'shutting-down')
        .map(i => i.instanceId)
        .sort();
      expect(
        got
          .filter(e => (e.spec as any).active === false)
          .map(e => e.metadata.name)
          .sort(),
      ).toEqual(inactive);
    }
    expect(fake.aws.requestCounts.get('DescribeInstances')).toBe(
      2 * PAGES_PER_REGION,
    );
  });

  it('relates volumes to the instances they are attached to', async () => {
    connection.settings.regions = 'eu-west-1';
    const { emitted, error } = await run(VOLUMES_LIST, connection);
    expect(error).toBeUndefined();
    const volumes = emitted.get('eu-west-1')!;
    const fakeVolumes = fake.aws.region('eu-west-1').volumes;
    expect(volumes).toHaveLength(fakeVolumes.length);
    const attached = fakeVolumes.find(v => v.attachment)!;
    expect(
      volumes.find(v => v.metadata.name === attached.volumeId)?.spec,
    ).toMatchObject({
      server: `server:default/${attached.attachment!.instanceId}`,
    });
  });

  it('runs every task of the source', async () => {
    connection.settings.regions = 'us-east-1';
    for (const task of AWS_TASKS) {
      const { emitted, completed, error } = await run(task, connection);
      expect(error).toBeUndefined();
      expect(completed).toEqual(['us-east-1']);
      expect(emitted.get('us-east-1')!.length).toBeGreaterThan(0);
    }
  });

  it('retries throttled calls with backoff', async () => {
    connection.settings.regions = 'us-east-1';
    fake.aws.throttleNext = 2;
    const { emitted, error } = await run(SERVER_LIST, connection);
    expect(error).toBeUndefined();
    expect(emitted.get('us-east-1')).toHaveLength(2300);
    // Two refused, then every page.
    expect(fake.aws.requestCounts.get('DescribeInstances')).toBe(
      2 + PAGES_PER_REGION,
    );
  });

  it('fails fast on bad credentials with the provider message', async () => {
    connection.settings.regions = 'us-east-1';
    fake.aws.badCredentials = true;
    const { completed, error } = await run(SERVER_LIST, connection);
    expect(error).toBeInstanceOf(DiscoveryProviderError);
    expect(error).toMatchObject({
      kind: 'credentials',
      code: 'AuthFailure',
      message:
        'AuthFailure: AWS was not able to validate the provided access credentials',
    });
    expect(completed).toEqual([]);
    expect(fake.aws.requestCounts.get('DescribeInstances')).toBe(1);
  });

  it('does not complete a region whose scan failed mid-way, and names the missing permission', async () => {
    connection.settings.regions = 'us-east-1,eu-west-1';
    fake.aws.failure = {
      action: 'DescribeInstances',
      // All of us-east-1, then two pages of eu-west-1.
      afterRequests: PAGES_PER_REGION + 2,
      code: 'UnauthorizedOperation',
      status: 403,
      message: 'You are not authorized to perform this operation.',
    };
    const { emitted, completed, error } = await run(SERVER_LIST, connection);
    expect(completed).toEqual(['us-east-1']);
    expect(emitted.get('eu-west-1')).toHaveLength(2 * INSTANCES_PAGE_SIZE);
    expect(error).toMatchObject({
      kind: 'permission',
      permission: 'ec2:DescribeInstances',
      message: expect.stringContaining('not authorized'),
    });
  });

  it('gives up on a persistent server error after its retries', async () => {
    connection.settings.regions = 'us-east-1';
    fake.aws.failure = { action: 'DescribeInstances', afterRequests: 1 };
    const { completed, error } = await run(SERVER_LIST, connection);
    expect(completed).toEqual([]);
    expect(error).toMatchObject({ kind: 'provider', code: 'InternalError' });
    // The first page, then maxAttempts (4) tries of the second.
    expect(fake.aws.requestCounts.get('DescribeInstances')).toBe(5);
  });

  it('assumes a role with its external id, and reports a refused one', async () => {
    const roleArn = 'arn:aws:iam::123456789012:role/maestro-readonly';
    fake.aws.addRole(roleArn, 'ext-42');
    connection.settings.regions = 'us-east-1';
    connection.settings.roleArn = roleArn;
    connection.credentials.externalId = 'ext-42';
    const ok = await run(SERVER_LIST, connection);
    expect(ok.error).toBeUndefined();
    expect(ok.emitted.get('us-east-1')).toHaveLength(2300);

    connection.credentials.externalId = 'wrong';
    const refused = await run(SERVER_LIST, connection);
    expect(refused.error).toMatchObject({
      kind: 'permission',
      permission: 'sts:AssumeRole',
      message: expect.stringContaining(
        'is not authorized to perform: sts:AssumeRole',
      ),
    });
  });
});
