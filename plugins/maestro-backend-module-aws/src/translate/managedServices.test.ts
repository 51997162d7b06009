import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { CacheCluster } from '@aws-sdk/client-elasticache';
import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import { translateAutoScalingGroup } from './autoScaling';
import { cacheStatus, translateCacheCluster } from './cache';
import { translateEmailIdentity } from './email';
import { stableName } from './managedResource';

// After the Auto Scaling, ElastiCache and SES API references' examples,
// as the SDK parses them.
const group: AutoScalingGroup = {
  AutoScalingGroupName: 'my-auto-scaling-group',
  AutoScalingGroupARN:
    'arn:aws:autoscaling:us-west-2:123456789012:autoScalingGroup:930d940e-891e-4781-a11a-7b0acd480f03:autoScalingGroupName/my-auto-scaling-group',
  LaunchTemplate: {
    LaunchTemplateName: 'my-launch-template',
    Version: '1',
    LaunchTemplateId: 'lt-1234567890abcde12',
  },
  MinSize: 0,
  MaxSize: 1,
  DesiredCapacity: 1,
  DefaultCooldown: 300,
  AvailabilityZones: ['us-west-2a', 'us-west-2b', 'us-west-2c'],
  LoadBalancerNames: [],
  TargetGroupARNs: [],
  HealthCheckType: 'EC2',
  HealthCheckGracePeriod: 300,
  Instances: [
    {
      InstanceId: 'i-06905f55584de02da',
      InstanceType: 't2.micro',
      AvailabilityZone: 'us-west-2a',
      HealthStatus: 'Healthy',
      LifecycleState: 'InService',
      ProtectedFromScaleIn: false,
    },
  ],
  CreatedTime: new Date('2023-10-28T02:39:22.152Z'),
  VPCZoneIdentifier: 'subnet-5ea0c127,subnet-6194ea3b,subnet-c934b782',
  Tags: [
    {
      ResourceId: 'my-auto-scaling-group',
      ResourceType: 'auto-scaling-group',
      Key: 'environment',
      Value: 'production',
      PropagateAtLaunch: true,
    },
  ],
  TerminationPolicies: ['Default'],
};

const redis: CacheCluster = {
  CacheClusterId: 'my-redis-001',
  CacheNodeType: 'cache.r6g.large',
  Engine: 'redis',
  EngineVersion: '7.1.0',
  CacheClusterStatus: 'available',
  NumCacheNodes: 1,
  PreferredAvailabilityZone: 'us-east-1c',
  CacheClusterCreateTime: new Date('2023-12-18T18:27:10.263Z'),
  CacheSubnetGroupName: 'default',
  CacheNodes: [
    {
      CacheNodeId: '0001',
      CacheNodeStatus: 'available',
      Endpoint: {
        Address: 'my-redis-001.abc123.0001.use1.cache.amazonaws.com',
        Port: 6379,
      },
      CustomerAvailabilityZone: 'us-east-1c',
    },
  ],
  SecurityGroups: [{ SecurityGroupId: 'sg-0a1b2c3d', Status: 'active' }],
  ReplicationGroupId: 'my-redis',
  TransitEncryptionEnabled: true,
  AtRestEncryptionEnabled: true,
  ARN: 'arn:aws:elasticache:us-east-1:123456789012:cluster:my-redis-001',
};

const memcached: CacheCluster = {
  CacheClusterId: 'my-memcached',
  ConfigurationEndpoint: {
    Address: 'my-memcached.abc123.cfg.use1.cache.amazonaws.com',
    Port: 11211,
  },
  CacheNodeType: 'cache.t3.medium',
  Engine: 'memcached',
  EngineVersion: '1.6.22',
  CacheClusterStatus: 'modifying',
  NumCacheNodes: 3,
  PreferredAvailabilityZone: 'Multiple',
  ARN: 'arn:aws:elasticache:us-east-1:123456789012:cluster:my-memcached',
};

const withOwner = (e: any) => ({
  ...e,
  spec: { ...e.spec, owner: 'group:default/sre' },
});

describe('stableName', () => {
  it('joins a readable part to a hash of the unique key, within 63 characters', () => {
    const a = stableName('Orders DB', 'arn:aws:x:us-east-1:1:a');
    expect(a).toMatch(/^orders-db-[0-9a-f]{10}$/);
    expect(stableName('Orders DB', 'arn:aws:x:us-east-1:1:a')).toBe(a);
    expect(stableName('Orders DB', 'arn:aws:x:eu-west-1:1:a')).not.toBe(a);
    const long = stableName('x'.repeat(100), 'k');
    expect(long).toHaveLength(63);
  });
});

describe('translateAutoScalingGroup', () => {
  it('runs on the instances it launched', () => {
    const asg = translateAutoScalingGroup(group, { region: 'us-west-2' });
    expect(asg.metadata).toEqual({
      name: stableName('my-auto-scaling-group', group.AutoScalingGroupARN!),
      title: 'my-auto-scaling-group',
      labels: { environment: 'production' },
    });
    expect(asg.spec).toEqual({
      type: 'auto-scaling',
      family: 'AutoScaling',
      uniqueId: group.AutoScalingGroupARN,
      provider: 'Auto Scaling (AWS)',
      status: 'Active',
      active: true,
      servers: ['server:default/i-06905f55584de02da'],
      autoScaling: {
        minSize: 0,
        maxSize: 1,
        desiredCapacity: 1,
        launchTemplate: {
          id: 'lt-1234567890abcde12',
          name: 'my-launch-template',
          version: '1',
        },
        healthCheckType: 'EC2',
        availabilityZones: ['us-west-2a', 'us-west-2b', 'us-west-2c'],
        subnets: ['subnet-5ea0c127', 'subnet-6194ea3b', 'subnet-c934b782'],
        createdTime: '2023-10-28T02:39:22.152Z',
      },
      datacenter: { provider: 'AWS', region: 'us-west-2' },
      tags: [{ key: 'environment', value: 'production' }],
    });
    expect(validateMaestroEntity(withOwner(asg))).toEqual([]);
  });

  it('is no longer active while AWS deletes it', () => {
    const asg = translateAutoScalingGroup(
      { ...group, Status: 'Delete in progress', Instances: [] },
      { region: 'us-west-2' },
    );
    expect(asg.spec).toMatchObject({ status: 'Stopped', active: false });
    expect(asg.spec).not.toHaveProperty('servers');
  });
});

describe('translateCacheCluster', () => {
  it('makes a Redis node of a replication group a Master/Replica cache', () => {
    const cache = translateCacheCluster(redis, { region: 'us-east-1' });
    expect(cache.metadata).toEqual({
      name: stableName('my-redis-001', redis.ARN!),
      title: 'my-redis-001',
    });
    expect(cache.spec).toEqual({
      type: 'cache',
      family: 'Cache',
      uniqueId: redis.ARN,
      provider: 'Elastic Cache (AWS)',
      status: 'Active',
      active: true,
      size: 'large',
      cluster: 'Master/Replica',
      role: {
        endpoint: 'my-redis-001.abc123.0001.use1.cache.amazonaws.com',
        port: 6379,
      },
      cache: {
        engine: 'redis',
        engineVersion: '7.1.0',
        nodeType: 'cache.r6g.large',
        numCacheNodes: 1,
        nodes: [
          {
            id: '0001',
            endpoint: 'my-redis-001.abc123.0001.use1.cache.amazonaws.com',
            port: 6379,
            zone: 'us-east-1c',
          },
        ],
        replicationGroupId: 'my-redis',
        subnetGroup: 'default',
        securityGroups: ['sg-0a1b2c3d'],
        transitEncryption: true,
        atRestEncryption: true,
        arn: redis.ARN,
      },
      datacenter: {
        provider: 'AWS',
        region: 'us-east-1',
        zone: 'us-east-1c',
        instanceType: 'cache.r6g.large',
      },
    });
    expect(validateMaestroEntity(withOwner(cache))).toEqual([]);
  });

  it('uses the configuration endpoint of a Memcached cluster, spread over zones', () => {
    const cache = translateCacheCluster(memcached, { region: 'us-east-1' });
    expect(cache.spec).toMatchObject({
      status: 'Active',
      cluster: 'Sharding',
      role: {
        endpoint: 'my-memcached.abc123.cfg.use1.cache.amazonaws.com',
        port: 11211,
      },
      datacenter: { instanceType: 'cache.t3.medium' },
    });
    expect((cache.spec as any).datacenter).not.toHaveProperty('zone');
  });

  it.each([
    ['available', 'Active', true],
    ['snapshotting', 'Active', true],
    ['restore-failed', 'Error', true],
    ['deleting', 'Stopped', false],
  ])('maps status %s', (status, expected, active) => {
    expect(cacheStatus(status)).toEqual({ status: expected, active });
  });
});

describe('translateEmailIdentity', () => {
  const context = { region: 'eu-west-1', account: '123456789012' };

  it('makes a verified domain an active SMTP resource', () => {
    const email = translateEmailIdentity(
      'example.com',
      { VerificationStatus: 'Success', VerificationToken: 'QTKknzFg2J4yg' },
      context,
    );
    const arn = 'arn:aws:ses:eu-west-1:123456789012:identity/example.com';
    expect(email).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: stableName('example.com', arn), title: 'example.com' },
      spec: {
        type: 'email',
        family: 'SMTP',
        uniqueId: arn,
        provider: 'SES (AWS)',
        status: 'Active',
        active: true,
        role: { endpoint: 'email-smtp.eu-west-1.amazonaws.com', port: 587 },
        domain: ['example.com'],
        email: {
          identity: 'example.com',
          identityType: 'domain',
          verificationStatus: 'Success',
        },
        datacenter: { provider: 'AWS', region: 'eu-west-1' },
      },
    });
    expect(validateMaestroEntity(withOwner(email))).toEqual([]);
  });

  it('gives an address a valid name, and its verification status', () => {
    const email = translateEmailIdentity(
      'ops@example.com',
      { VerificationStatus: 'Pending' },
      context,
    );
    expect(email.metadata.name).toMatch(/^ops-example.com-[0-9a-f]{10}$/);
    expect(email.spec).toMatchObject({
      status: 'Pending',
      email: { identityType: 'email' },
    });
    const failed = translateEmailIdentity(
      'ops@example.com',
      { VerificationStatus: 'Failed' },
      context,
    );
    expect(failed.spec).toMatchObject({ status: 'Error', active: true });
    const unknown = translateEmailIdentity(
      'ops@example.com',
      undefined,
      context,
    );
    expect(unknown.spec).not.toHaveProperty('status');
  });
});
