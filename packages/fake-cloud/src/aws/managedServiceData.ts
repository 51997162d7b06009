/**
 * Generated managed services of a region: load balancers, RDS databases,
 * Auto Scaling groups, ElastiCache clusters and SES identities, placed in
 * the region's VPCs and related to its instances.
 */
import type {
  FakeInstance,
  FakeSecurityGroup,
  FakeSubnet,
  FakeTag,
  FakeVpc,
} from './awsData';
import { BASE_TIME, upperId } from './generation';
import { FakeLoadBalancing, generateLoadBalancing } from './loadBalancerData';
import {
  FakeDbCluster,
  FakeDbInstance,
  generateDatabases,
} from './databaseData';

export * from './loadBalancerData';
export * from './databaseData';

export interface FakeAutoScalingGroup {
  autoScalingGroupName: string;
  /** The UUID inside its ARN. */
  groupId: string;
  launchTemplate: { id: string; name: string; version: string };
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  availabilityZones: string[];
  subnetIds: string[];
  instances: Array<{
    instanceId: string;
    instanceType: string;
    availabilityZone: string;
    lifecycleState: 'InService' | 'Pending' | 'Standby';
    healthStatus: 'Healthy' | 'Unhealthy';
  }>;
  /** Classic load balancers it registers its instances with. */
  loadBalancerNames: string[];
  /** Target groups (of the v2 load balancers) it registers with. */
  targetGroups: Array<{ targetGroupName: string; targetGroupId: string }>;
  healthCheckType: 'EC2' | 'ELB';
  createdTime: string;
  tags: FakeTag[];
}

export interface FakeCacheNode {
  cacheNodeId: string;
  status: string;
  address: string;
  port: number;
  availabilityZone: string;
}

export interface FakeCacheCluster {
  cacheClusterId: string;
  engine: 'redis' | 'memcached';
  engineVersion: string;
  cacheNodeType: string;
  status: string;
  preferredAvailabilityZone: string;
  replicationGroupId?: string;
  subnetGroupName: string;
  securityGroupIds: string[];
  nodes: FakeCacheNode[];
  /** Memcached clusters only. */
  configurationEndpoint?: { address: string; port: number };
  transitEncryptionEnabled: boolean;
  atRestEncryptionEnabled: boolean;
  createTime: string;
}

export interface FakeEmailIdentity {
  /** A domain or an email address. */
  identity: string;
  verificationStatus: 'Success' | 'Pending' | 'Failed';
  /** Domains only: the TXT record value that proves ownership. */
  verificationToken?: string;
}

export interface FakeManagedServices extends FakeLoadBalancing {
  dbInstances: FakeDbInstance[];
  dbClusters: FakeDbCluster[];
  autoScalingGroups: FakeAutoScalingGroup[];
  cacheClusters: FakeCacheCluster[];
  emailIdentities: FakeEmailIdentity[];
}

const CACHE_NODE_TYPES = [
  'cache.t3.micro',
  'cache.m6g.large',
  'cache.r6g.xlarge',
];

const hex = (regionIndex: number, kind: number, n: number, length: number) =>
  (regionIndex * 0x10000000 + kind * 0x1000000 + n)
    .toString(16)
    .padStart(length, '0');

/** `us-east-1` -> `use1`, as ElastiCache endpoints abbreviate regions. */
const shortRegion = (region: string) =>
  region
    .split('-')
    .map((p, i, all) => (i === 0 || i === all.length - 1 ? p : p[0]))
    .join('');

/**
 * `count` of each: Classic and v2 load balancers, standalone DB instances
 * (one in five a read replica of the one four before it), Aurora clusters
 * (one per five instances, at least one, each with a writer and a reader
 * instance that DescribeDBInstances lists too), Auto Scaling groups owning
 * two instances each while the region has some left, cache clusters and
 * SES identities (domains and addresses in turn).
 */
export function generateManagedServices(
  region: string,
  regionIndex: number,
  ec2: {
    instances: FakeInstance[];
    vpcs: FakeVpc[];
    subnets: FakeSubnet[];
    securityGroups: FakeSecurityGroup[];
  },
  opts: { count: number; rand: () => number },
): FakeManagedServices {
  const { count, rand } = opts;
  const vpc = ec2.vpcs[1];
  const subnets = ec2.subnets.filter(s => s.vpcId === vpc.vpcId);
  const dbGroup = ec2.securityGroups.find(
    g => g.vpcId === vpc.vpcId && g.groupName === 'db',
  )!;
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const hash = upperId(regionIndex, 0, 7, 12).toLowerCase();
  const loadBalancing = generateLoadBalancing(region, regionIndex, ec2, opts);

  const { dbInstances, dbClusters } = generateDatabases(
    region,
    regionIndex,
    ec2,
    opts,
  );

  // Instances that Auto Scaling launched: each belongs to one group only.
  const launched = ec2.instances.filter(
    i => i.state === 'running' || i.state === 'pending',
  );
  const autoScalingGroups: FakeAutoScalingGroup[] = range(count).map(i => {
    const name = `asg-${i}`;
    const members = launched.slice(i * 2, i * 2 + 2);
    const lb = loadBalancing.loadBalancers[i];
    const classic = loadBalancing.classicLoadBalancers[i];
    return {
      autoScalingGroupName: name,
      groupId: `${hex(regionIndex, 4, i, 8)}-0000-4000-8000-${hex(
        regionIndex,
        4,
        i,
        12,
      )}`,
      launchTemplate: {
        id: `lt-${hex(regionIndex, 5, i, 17)}`,
        name: `${name}-template`,
        version: '$Latest',
      },
      minSize: 1,
      maxSize: 6,
      desiredCapacity: Math.max(1, members.length),
      availabilityZones: subnets.map(s => s.availabilityZone),
      subnetIds: subnets.map(s => s.subnetId),
      instances: members.map(m => ({
        instanceId: m.instanceId,
        instanceType: m.instanceType,
        availabilityZone: m.availabilityZone,
        lifecycleState: m.state === 'running' ? 'InService' : 'Pending',
        healthStatus: 'Healthy',
      })),
      loadBalancerNames:
        i % 2 === 1 && classic ? [classic.loadBalancerName] : [],
      targetGroups:
        i % 2 === 0 && lb
          ? [
              {
                targetGroupName: lb.targetGroups[0].targetGroupName,
                targetGroupId: lb.targetGroups[0].targetGroupId,
              },
            ]
          : [],
      healthCheckType: i % 2 === 0 ? 'ELB' : 'EC2',
      createdTime: new Date(BASE_TIME + i * 3600000).toISOString(),
      tags: [
        { key: 'Name', value: name },
        {
          key: 'env',
          value: ['production', 'staging'][Math.floor(rand() * 2)],
        },
      ],
    };
  });

  const cacheClusters: FakeCacheCluster[] = range(count).map(i => {
    const engine = i % 2 === 0 ? 'redis' : 'memcached';
    const id = `${engine === 'redis' ? 'sessions' : 'pages'}-${i}`;
    const host = `${id}.${hash.slice(0, 6)}`;
    const numNodes = engine === 'redis' ? 1 : 2 + (i % 2);
    const port = engine === 'redis' ? 6379 : 11211;
    const zone = subnets[i % subnets.length].availabilityZone;
    return {
      cacheClusterId: id,
      engine,
      engineVersion: engine === 'redis' ? '7.1.0' : '1.6.22',
      cacheNodeType: CACHE_NODE_TYPES[i % CACHE_NODE_TYPES.length],
      status: i % 6 === 5 ? 'modifying' : 'available',
      preferredAvailabilityZone: engine === 'redis' ? zone : 'Multiple',
      replicationGroupId:
        engine === 'redis' && i % 4 === 0 ? `sessions-rg-${i}` : undefined,
      subnetGroupName: 'maestro-prod-cache',
      securityGroupIds: [dbGroup.groupId],
      nodes: range(numNodes).map(n => ({
        cacheNodeId: String(n + 1).padStart(4, '0'),
        status: 'available',
        address: `${host}.${String(n + 1).padStart(4, '0')}.${shortRegion(
          region,
        )}.cache.amazonaws.com`,
        port,
        availabilityZone: subnets[(i + n) % subnets.length].availabilityZone,
      })),
      configurationEndpoint:
        engine === 'memcached'
          ? {
              address: `${host}.cfg.${shortRegion(region)}.cache.amazonaws.com`,
              port,
            }
          : undefined,
      transitEncryptionEnabled: engine === 'redis',
      atRestEncryptionEnabled: engine === 'redis',
      createTime: new Date(BASE_TIME + i * 3600000).toISOString(),
    };
  });

  const emailIdentities: FakeEmailIdentity[] = range(count).map(i => {
    const domain = i % 2 === 0;
    let status: FakeEmailIdentity['verificationStatus'] = 'Success';
    if (i % 4 === 3) status = 'Pending';
    if (i % 7 === 6) status = 'Failed';
    return {
      identity: domain
        ? `mail${i}.${region}.example.com`
        : `team${i}@${region}.example.com`,
      verificationStatus: status,
      verificationToken: domain
        ? upperId(regionIndex, 6, i, 43).replace(/A/g, 'x')
        : undefined,
    };
  });

  return {
    ...loadBalancing,
    dbInstances,
    dbClusters,
    autoScalingGroups,
    cacheClusters,
    emailIdentities,
  };
}
