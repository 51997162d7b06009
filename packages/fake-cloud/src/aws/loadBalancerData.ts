/**
 * Generated Elastic Load Balancing of a region: Classic load balancers with
 * registered instances, and Application/Network load balancers with
 * listeners and target groups, routing to the region's instances.
 */
import type { FakeInstance, FakeSubnet, FakeTag, FakeVpc } from './awsData';
import { BASE_TIME } from './generation';

export interface FakeClassicListener {
  protocol: string;
  loadBalancerPort: number;
  instanceProtocol: string;
  instancePort: number;
}

export interface FakeClassicLoadBalancer {
  loadBalancerName: string;
  /** The first label carries a number AWS assigns, so it is unique. */
  dnsName: string;
  scheme: 'internet-facing' | 'internal';
  vpcId: string;
  subnetIds: string[];
  availabilityZones: string[];
  securityGroupIds: string[];
  listeners: FakeClassicListener[];
  healthCheckTarget: string;
  instanceIds: string[];
  createdTime: string;
  tags: FakeTag[];
}

export interface FakeTarget {
  /** An instance id, or an IP address for `ip` target groups. */
  id: string;
  port: number;
  state: 'healthy' | 'unhealthy' | 'unused';
}

export interface FakeTargetGroup {
  targetGroupName: string;
  /** The 16 hex digits ending its ARN. */
  targetGroupId: string;
  protocol: string;
  port: number;
  vpcId: string;
  targetType: 'instance' | 'ip';
  healthCheckPath?: string;
  targets: FakeTarget[];
}

export interface FakeListener {
  listenerId: string;
  protocol: string;
  port: number;
  targetGroupId: string;
}

export interface FakeLoadBalancerV2 {
  loadBalancerName: string;
  /** The 16 hex digits ending its ARN. */
  loadBalancerId: string;
  type: 'application' | 'network';
  scheme: 'internet-facing' | 'internal';
  vpcId: string;
  subnets: Array<{ subnetId: string; zoneName: string }>;
  securityGroupIds: string[];
  dnsName: string;
  state: 'active' | 'provisioning';
  createdTime: string;
  listeners: FakeListener[];
  targetGroups: FakeTargetGroup[];
  tags: FakeTag[];
}

export interface FakeLoadBalancing {
  classicLoadBalancers: FakeClassicLoadBalancer[];
  loadBalancers: FakeLoadBalancerV2[];
}

const hex16 = (regionIndex: number, kind: number, n: number) =>
  (regionIndex * 0x1000000 + kind * 0x100000 + n)
    .toString(16)
    .padStart(16, '0');

const targetState = (instance: FakeInstance): FakeTarget['state'] => {
  if (instance.state === 'running') return 'healthy';
  if (instance.state === 'pending') return 'unhealthy';
  return 'unused';
};

/**
 * `count` Classic and `count` v2 load balancers in the region's second
 * (production) VPC; each routes to a few of that VPC's instances.
 */
export function generateLoadBalancing(
  region: string,
  regionIndex: number,
  ec2: {
    instances: FakeInstance[];
    vpcs: FakeVpc[];
    subnets: FakeSubnet[];
    securityGroups: Array<{ groupId: string; vpcId: string }>;
  },
  opts: { count: number; rand: () => number },
): FakeLoadBalancing {
  const { count, rand } = opts;
  const vpc = ec2.vpcs[1];
  const subnets = ec2.subnets.filter(s => s.vpcId === vpc.vpcId);
  const groups = ec2.securityGroups
    .filter(g => g.vpcId === vpc.vpcId)
    .map(g => g.groupId);
  const pool = ec2.instances.filter(
    i =>
      i.vpcId === vpc.vpcId &&
      i.state !== 'terminated' &&
      i.state !== 'shutting-down',
  );
  /** A few instances of the pool, from a place that moves with n. */
  const someInstances = (n: number) => {
    if (!pool.length) return [];
    const size = Math.min(pool.length, 2 + Math.floor(rand() * 3));
    return Array.from(
      { length: size },
      (_, k) => pool[(n * 3 + k) % pool.length],
    ).filter((x, k, all) => all.indexOf(x) === k);
  };
  const environment = () => ['production', 'staging'][Math.floor(rand() * 2)];

  const classicLoadBalancers = Array.from(
    { length: count },
    (_, i): FakeClassicLoadBalancer => {
      const name = `web-${i}`;
      const scheme = i % 3 === 2 ? 'internal' : 'internet-facing';
      const number = 1000000000 + regionIndex * 10000000 + i;
      return {
        loadBalancerName: name,
        dnsName: `${
          scheme === 'internal' ? 'internal-' : ''
        }${name}-${number}.${region}.elb.amazonaws.com`,
        scheme,
        vpcId: vpc.vpcId,
        subnetIds: subnets.map(s => s.subnetId),
        availabilityZones: subnets.map(s => s.availabilityZone),
        securityGroupIds: groups.slice(1, 2),
        listeners: [
          {
            protocol: 'HTTP',
            loadBalancerPort: 80,
            instanceProtocol: 'HTTP',
            instancePort: 8080,
          },
          ...(i % 2 === 0
            ? [
                {
                  protocol: 'HTTPS',
                  loadBalancerPort: 443,
                  instanceProtocol: 'HTTP',
                  instancePort: 8080,
                },
              ]
            : []),
        ],
        healthCheckTarget: 'HTTP:8080/health',
        instanceIds: someInstances(i).map(x => x.instanceId),
        createdTime: new Date(BASE_TIME + i * 3600000).toISOString(),
        tags: [
          { key: 'Name', value: `web ${i}` },
          { key: 'env', value: environment() },
        ],
      };
    },
  );

  const loadBalancers = Array.from(
    { length: count },
    (_, i): FakeLoadBalancerV2 => {
      const type = i % 2 === 0 ? 'application' : 'network';
      const name = `${type === 'application' ? 'app' : 'net'}-${i}`;
      const scheme = i % 4 === 2 ? 'internal' : 'internet-facing';
      const loadBalancerId = hex16(regionIndex, 1, i);
      const instances = someInstances(count + i);
      const port = type === 'application' ? 8080 : 443;
      const targetGroups: FakeTargetGroup[] = [
        {
          targetGroupName: `${name}-instances`,
          targetGroupId: hex16(regionIndex, 2, i * 2),
          protocol: type === 'application' ? 'HTTP' : 'TCP',
          port,
          vpcId: vpc.vpcId,
          targetType: 'instance',
          healthCheckPath: type === 'application' ? '/health' : undefined,
          targets: instances.map(x => ({
            id: x.instanceId,
            port,
            state: targetState(x),
          })),
        },
      ];
      // Every fourth also sends to addresses outside EC2 (an ip target group).
      if (i % 4 === 0) {
        targetGroups.push({
          targetGroupName: `${name}-onprem`,
          targetGroupId: hex16(regionIndex, 2, i * 2 + 1),
          protocol: 'HTTP',
          port: 80,
          vpcId: vpc.vpcId,
          targetType: 'ip',
          healthCheckPath: '/',
          targets: [
            {
              id: `10.200.${regionIndex}.${i & 255}`,
              port: 80,
              state: 'healthy',
            },
          ],
        });
      }
      const number = 2000000000 + regionIndex * 10000000 + i;
      return {
        loadBalancerName: name,
        loadBalancerId,
        type,
        scheme,
        vpcId: vpc.vpcId,
        subnets: subnets.map(s => ({
          subnetId: s.subnetId,
          zoneName: s.availabilityZone,
        })),
        securityGroupIds: type === 'application' ? groups.slice(1, 2) : [],
        dnsName:
          type === 'application'
            ? `${
                scheme === 'internal' ? 'internal-' : ''
              }${name}-${number}.${region}.elb.amazonaws.com`
            : `${name}-${loadBalancerId}.elb.${region}.amazonaws.com`,
        state: i % 7 === 6 ? 'provisioning' : 'active',
        createdTime: new Date(BASE_TIME + i * 3600000).toISOString(),
        listeners:
          type === 'application'
            ? [80, 443].map((p, l) => ({
                listenerId: hex16(regionIndex, 3, i * 2 + l),
                protocol: p === 80 ? 'HTTP' : 'HTTPS',
                port: p,
                targetGroupId:
                  targetGroups[l % targetGroups.length].targetGroupId,
              }))
            : [
                {
                  listenerId: hex16(regionIndex, 3, i * 2),
                  protocol: 'TCP',
                  port: 443,
                  targetGroupId: targetGroups[0].targetGroupId,
                },
              ],
        targetGroups,
        tags: [
          { key: 'Name', value: name },
          { key: 'env', value: environment() },
        ],
      };
    },
  );
  return { classicLoadBalancers, loadBalancers };
}
