import { FakeCloud, startFakeCloud } from '@maestro/fake-cloud';
import { DiscoveryTask } from '@maestro/plugin-maestro-node';
import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import { createManagedServiceTasks } from './managedServiceTasks';
import { fakeConnection, runTask } from './__testUtils__/runTask';

jest.setTimeout(60_000);

const PAGE = 20;
const SERVICES = 45;
const regions = ['us-east-1', 'eu-west-1'];
const pages = (n: number) => Math.ceil(n / PAGE);
const tasks = new Map(
  createManagedServiceTasks({ pageSize: PAGE }).map(t => [t.name, t]),
);
const task = (name: string): DiscoveryTask => tasks.get(name)!;
const byTitle = (entities: any[], title: string) =>
  entities.find(e => e.metadata.title === title);
/** A discovered resource is valid once the engine gives it the connection's owner. */
const valid = (e: any) =>
  validateMaestroEntity({
    ...e,
    spec: { ...e.spec, owner: 'group:default/sre' },
  });

describe('AWS managed-service tasks against the fake cloud', () => {
  let fake: FakeCloud;

  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: { regions, instancesPerRegion: 60, servicesPerRegion: SERVICES },
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.aws.resetSwitches();
    fake.aws.requestCounts.clear();
  });

  it('lists Classic and v2 load balancers of every region page by page, routing to their instances', async () => {
    const { emitted, completed, batches, error } = await runTask(
      task('loadbalance-list'),
      fakeConnection(fake),
    );
    expect(error).toBeUndefined();
    expect(completed).toEqual(regions);
    // Each page is handed over on its own: 3 Classic and 3 v2 pages a region.
    expect(batches.map(b => b.size)).toEqual(
      Array(2).fill([20, 20, 5, 20, 20, 5]).flat(),
    );
    expect(fake.aws.requestCounts.get('DescribeLoadBalancers')).toBe(12);

    const region = fake.aws.region('eu-west-1');
    const got = emitted.get('eu-west-1')!;
    expect(got).toHaveLength(2 * SERVICES);
    // The sixth: internal, with one listener.
    const classic = region.classicLoadBalancers[5];
    expect(byTitle(got, classic.loadBalancerName)).toMatchObject({
      metadata: { name: classic.dnsName.split('.')[0] },
      spec: {
        type: 'load-balancer',
        family: 'Loadbalance',
        uniqueId: classic.dnsName,
        role: { endpoint: classic.dnsName },
        targets: classic.instanceIds.map(id => `server:default/${id}`),
        loadBalancer: {
          type: 'classic',
          scheme: 'internal',
          vpcId: classic.vpcId,
          listeners: [{ port: 80, targetPort: 8080 }],
        },
      },
    });

    const app = region.loadBalancers[0];
    const appEntity = byTitle(got, app.loadBalancerName);
    expect(appEntity.metadata.name).toBe(
      `${app.loadBalancerName}-${app.loadBalancerId}`,
    );
    expect(appEntity.spec).toMatchObject({
      uniqueId: `arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/${app.loadBalancerName}/${app.loadBalancerId}`,
      targets: app.targetGroups[0].targets.map(t => `server:default/${t.id}`),
      loadBalancer: {
        type: 'application',
        dnsName: app.dnsName,
        listeners: [
          {
            protocol: 'HTTP',
            port: 80,
            targetGroups: [`${app.loadBalancerName}-instances`],
          },
          {
            protocol: 'HTTPS',
            port: 443,
            targetGroups: [`${app.loadBalancerName}-onprem`],
          },
        ],
        targetGroups: [
          { name: `${app.loadBalancerName}-instances`, targetType: 'instance' },
          {
            name: `${app.loadBalancerName}-onprem`,
            targetType: 'ip',
            addresses: app.targetGroups[1].targets.map(t => t.id),
          },
        ],
      },
    });
    expect(appEntity.metadata.labels).toEqual({
      Name: app.loadBalancerName,
      env: app.tags[1].value,
    });
    // Targets in stopped instances are registered all the same.
    const targets = got.flatMap(
      e => (e.spec!.targets as string[] | undefined) ?? [],
    );
    const instances = new Set(
      region.instances.map(i => `server:default/${i.instanceId}`),
    );
    expect(targets.every(t => instances.has(t))).toBe(true);
    expect(got.map(valid).flat()).toEqual([]);
  });

  it('lists DB instances and clusters as databases', async () => {
    const { emitted, completed, error } = await runTask(
      task('dbs-list'),
      fakeConnection(fake, { regions: 'us-east-1' }),
    );
    expect(error).toBeUndefined();
    expect(completed).toEqual(['us-east-1']);
    const region = fake.aws.region('us-east-1');
    const got = emitted.get('us-east-1')!;
    expect(got).toHaveLength(
      region.dbInstances.length + region.dbClusters.length,
    );
    expect(fake.aws.requestCounts.get('DescribeDBInstances')).toBe(
      pages(region.dbInstances.length),
    );

    const replica = region.dbInstances[4];
    expect(byTitle(got, replica.dbInstanceIdentifier)).toMatchObject({
      metadata: { name: replica.dbiResourceId.toLowerCase() },
      spec: {
        type: 'database',
        provider: 'RDS (AWS)',
        uniqueId: replica.dbiResourceId,
        cluster: 'Master/Replica',
        role: { endpoint: replica.address, port: 3306 },
        database: {
          form: 'mysql',
          service: 'MySQL',
          role: 'Replica',
          replicaOf: region.dbInstances[0].dbInstanceIdentifier,
          engineVersion: replica.engineVersion,
          instanceClass: replica.dbInstanceClass,
        },
      },
    });
    const stopped = region.dbInstances.find(d => d.status === 'stopped')!;
    expect(byTitle(got, stopped.dbInstanceIdentifier).spec).toMatchObject({
      status: 'Stopped',
      active: true,
    });
    const cluster = region.dbClusters[0];
    expect(byTitle(got, cluster.dbClusterIdentifier).spec).toMatchObject({
      provider: 'Aurora (AWS)',
      role: {
        endpoint: cluster.endpoint,
        readerEndpoint: cluster.readerEndpoint,
      },
      database: {
        writer: cluster.members[0].dbInstanceIdentifier,
        members: cluster.members.map(m => m.dbInstanceIdentifier),
      },
    });
    expect(
      byTitle(got, cluster.members[1].dbInstanceIdentifier).spec.database,
    ).toMatchObject({ auroraCluster: cluster.dbClusterIdentifier });
    expect(got.map(valid).flat()).toEqual([]);
  });

  it('relates Auto Scaling groups to the servers they launched', async () => {
    const { emitted, error } = await runTask(
      task('autoscaling-list'),
      fakeConnection(fake, { regions: 'eu-west-1' }),
    );
    expect(error).toBeUndefined();
    const groups = fake.aws.region('eu-west-1').autoScalingGroups;
    const got = emitted.get('eu-west-1')!;
    expect(got.map(e => e.metadata.title)).toEqual(
      groups.map(g => g.autoScalingGroupName),
    );
    expect(fake.aws.requestCounts.get('DescribeAutoScalingGroups')).toBe(
      pages(SERVICES),
    );
    const withServers = groups.filter(g => g.instances.length);
    expect(withServers.length).toBeGreaterThan(1);
    for (const g of withServers) {
      expect(byTitle(got, g.autoScalingGroupName).spec.servers).toEqual(
        g.instances.map(i => `server:default/${i.instanceId}`),
      );
    }
    expect(byTitle(got, groups[0].autoScalingGroupName).spec).toMatchObject({
      family: 'AutoScaling',
      type: 'auto-scaling',
      autoScaling: { minSize: 1, maxSize: 6, healthCheckType: 'ELB' },
    });
  });

  it('lists cache clusters with their node endpoints', async () => {
    const { emitted, error } = await runTask(
      task('cache-list'),
      fakeConnection(fake, { regions: 'us-east-1' }),
    );
    expect(error).toBeUndefined();
    const clusters = fake.aws.region('us-east-1').cacheClusters;
    const got = emitted.get('us-east-1')!;
    expect(got).toHaveLength(clusters.length);
    const memcached = clusters[1];
    expect(byTitle(got, memcached.cacheClusterId).spec).toMatchObject({
      family: 'Cache',
      cluster: 'Sharding',
      role: {
        endpoint: memcached.configurationEndpoint!.address,
        port: 11211,
      },
      cache: { nodes: memcached.nodes.map(n => ({ endpoint: n.address })) },
    });
    expect(byTitle(got, clusters[2].cacheClusterId).spec.role).toEqual({
      endpoint: clusters[2].nodes[0].address,
      port: 6379,
    });
  });

  it('lists SES identities with their verification, under ARNs of the account', async () => {
    const { emitted, error } = await runTask(
      task('smtp-list'),
      fakeConnection(fake, { regions: 'eu-west-1' }),
    );
    expect(error).toBeUndefined();
    const identities = fake.aws.region('eu-west-1').emailIdentities;
    const got = emitted.get('eu-west-1')!;
    expect(got.map(e => e.spec!.uniqueId)).toEqual(
      identities.map(
        i => `arn:aws:ses:eu-west-1:123456789012:identity/${i.identity}`,
      ),
    );
    // Verification attributes: one call per page of identities.
    expect(
      fake.aws.requestCounts.get('GetIdentityVerificationAttributes'),
    ).toBe(pages(SERVICES));
    const statuses = new Map(got.map(e => [e.metadata.title, e.spec!.status]));
    const expected = { Success: 'Active', Pending: 'Pending', Failed: 'Error' };
    for (const i of identities) {
      expect(statuses.get(i.identity)).toBe(expected[i.verificationStatus]);
    }
  });

  it('does not complete a region whose scan failed mid-way, and names the permission', async () => {
    const perRegion = pages(fake.aws.region('us-east-1').dbInstances.length);
    fake.aws.failure = {
      action: 'DescribeDBInstances',
      afterRequests: perRegion + 2,
      code: 'AccessDenied',
      status: 403,
      message:
        'User: arn:aws:iam::123456789012:user/maestro-discovery is not authorized to perform: rds:DescribeDBInstances',
    };
    const { emitted, completed, error } = await runTask(
      task('dbs-list'),
      fakeConnection(fake),
    );
    expect(completed).toEqual(['us-east-1']);
    expect(emitted.get('eu-west-1')).toHaveLength(2 * PAGE);
    expect(error).toMatchObject({
      kind: 'permission',
      permission: 'rds:DescribeDBInstances',
      message: expect.stringContaining('not authorized'),
    });
  });

  it('names the permission of a call made for a page, not the listing', async () => {
    fake.aws.failure = {
      action: 'DescribeTargetHealth',
      afterRequests: 0,
      code: 'AccessDenied',
      status: 403,
      message:
        'not authorized to perform: elasticloadbalancing:DescribeTargetHealth',
    };
    const lb = await runTask(
      task('loadbalance-list'),
      fakeConnection(fake, { regions: 'us-east-1' }),
    );
    expect(lb.completed).toEqual([]);
    expect(lb.error).toMatchObject({
      kind: 'permission',
      permission: 'elasticloadbalancing:DescribeTargetHealth',
    });
    // The Classic pages came through before the v2 listing failed.
    expect(lb.emitted.get('us-east-1')).toHaveLength(SERVICES);

    fake.aws.resetSwitches();
    fake.aws.failure = {
      action: 'GetIdentityVerificationAttributes',
      afterRequests: 1,
      code: 'AccessDenied',
      status: 403,
    };
    const smtp = await runTask(
      task('smtp-list'),
      fakeConnection(fake, { regions: 'us-east-1' }),
    );
    expect(smtp.completed).toEqual([]);
    expect(smtp.emitted.get('us-east-1')).toHaveLength(PAGE);
    expect(smtp.error).toMatchObject({
      permission: 'ses:GetIdentityVerificationAttributes',
    });
  });

  it('retries throttled calls, and fails fast on bad credentials', async () => {
    fake.aws.throttleNext = 2;
    const throttled = await runTask(
      task('cache-list'),
      fakeConnection(fake, { regions: 'us-east-1' }),
    );
    expect(throttled.error).toBeUndefined();
    expect(throttled.emitted.get('us-east-1')).toHaveLength(SERVICES);
    expect(fake.aws.requestCounts.get('DescribeCacheClusters')).toBe(
      2 + pages(SERVICES),
    );

    fake.aws.resetSwitches();
    fake.aws.badCredentials = true;
    for (const name of ['autoscaling-list', 'smtp-list']) {
      const refused = await runTask(
        task(name),
        fakeConnection(fake, { regions: 'us-east-1' }),
      );
      expect(refused.completed).toEqual([]);
      expect(refused.error).toMatchObject({
        kind: 'credentials',
        code: 'InvalidClientTokenId',
      });
    }
  });

  it('lists the permissions each task needs', () => {
    expect(
      Object.fromEntries([...tasks].map(([name, t]) => [name, t.permissions])),
    ).toEqual({
      'loadbalance-list': [
        'ec2:DescribeRegions',
        'elasticloadbalancing:DescribeLoadBalancers',
        'elasticloadbalancing:DescribeTags',
        'elasticloadbalancing:DescribeListeners',
        'elasticloadbalancing:DescribeTargetGroups',
        'elasticloadbalancing:DescribeTargetHealth',
      ],
      'dbs-list': [
        'ec2:DescribeRegions',
        'rds:DescribeDBInstances',
        'rds:DescribeDBClusters',
      ],
      'autoscaling-list': [
        'ec2:DescribeRegions',
        'autoscaling:DescribeAutoScalingGroups',
      ],
      'cache-list': [
        'ec2:DescribeRegions',
        'elasticache:DescribeCacheClusters',
      ],
      'smtp-list': [
        'ec2:DescribeRegions',
        'ses:ListIdentities',
        'ses:GetIdentityVerificationAttributes',
      ],
    });
    expect([...tasks.values()].map(t => t.defaultInterval)).toEqual([
      { every: 6, period: 'hours' },
      { every: 24, period: 'hours' },
      { every: 24, period: 'hours' },
      { every: 1, period: 'days' },
      { every: 1, period: 'days' },
    ]);
  });
});
