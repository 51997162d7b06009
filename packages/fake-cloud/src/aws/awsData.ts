/** Generated contents of a fake AWS account, region by region. */
import { BASE_TIME, hexId, random } from './generation';
import { FakeAwsNetworks, generateAwsNetworks } from './networkData';
import {
  FakeManagedServices,
  generateManagedServices,
} from './managedServiceData';

export * from './networkData';
export * from './managedServiceData';

export type InstanceStateName =
  | 'pending'
  | 'running'
  | 'shutting-down'
  | 'terminated'
  | 'stopping'
  | 'stopped';

/** EC2 instance state codes from the API reference. */
export const INSTANCE_STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export type FakeTag = { key: string; value: string };

export interface FakeInstance {
  instanceId: string;
  imageId: string;
  state: InstanceStateName;
  instanceType: string;
  keyName?: string;
  launchTime: string;
  availabilityZone: string;
  vpcId: string;
  subnetId: string;
  privateIpAddress: string;
  publicIpAddress?: string;
  securityGroups: Array<{ groupId: string; groupName: string }>;
  rootDeviceName: string;
  blockDevices: Array<{ deviceName: string; volumeId: string }>;
  architecture: string;
  platformDetails: string;
  tags: FakeTag[];
}

export interface FakeVolume {
  volumeId: string;
  size: number;
  snapshotId: string;
  availabilityZone: string;
  createTime: string;
  volumeType: string;
  iops: number;
  encrypted: boolean;
  attachment?: { instanceId: string; device: string };
  tags: FakeTag[];
}

export interface FakeSnapshot {
  snapshotId: string;
  volumeId: string;
  volumeSize: number;
  startTime: string;
  description: string;
  encrypted: boolean;
  tags: FakeTag[];
}

export interface FakeImage {
  imageId: string;
  name: string;
  description: string;
  creationDate: string;
  architecture: string;
  platformDetails: string;
  rootDeviceName: string;
  snapshotId: string;
  tags: FakeTag[];
}

export interface FakeSecurityGroup {
  groupId: string;
  groupName: string;
  description: string;
  vpcId: string;
  ingressPorts: number[];
  tags: FakeTag[];
}

export interface FakeVpc {
  vpcId: string;
  cidrBlock: string;
  isDefault: boolean;
  tags: FakeTag[];
}

export interface FakeSubnet {
  subnetId: string;
  vpcId: string;
  cidrBlock: string;
  availabilityZone: string;
  availableIpAddressCount: number;
  tags: FakeTag[];
}

/**
 * One region of the account: EC2 resources here, the other network
 * resources and the managed services (load balancers, databases...) in
 * {@link FakeAwsNetworks} and {@link FakeManagedServices}.
 */
export interface FakeAwsRegion extends FakeAwsNetworks, FakeManagedServices {
  name: string;
  instances: FakeInstance[];
  volumes: FakeVolume[];
  snapshots: FakeSnapshot[];
  images: FakeImage[];
  securityGroups: FakeSecurityGroup[];
  vpcs: FakeVpc[];
  subnets: FakeSubnet[];
}

export interface AwsGenerationOptions {
  regions?: string[];
  /** Instances per region (each with its root volume). */
  instancesPerRegion?: number;
  /** Volumes per region besides root volumes (half attached as data disks). */
  extraVolumesPerRegion?: number;
  snapshotsPerRegion?: number;
  imagesPerRegion?: number;
  /**
   * Resources of each managed-service and network kind (load balancers,
   * databases, NAT gateways...) per region. Default 3.
   */
  servicesPerRegion?: number;
  seed?: number;
}

export const FAKE_INSTANCE_TYPES = [
  't3.micro',
  't3.medium',
  'm5.large',
  'm5.xlarge',
  'c5.2xlarge',
  'r5.large',
];

function pickState(r: number): InstanceStateName {
  if (r < 0.7) return 'running';
  if (r < 0.85) return 'stopped';
  if (r < 0.88) return 'pending';
  if (r < 0.9) return 'stopping';
  if (r < 0.92) return 'shutting-down';
  return 'terminated';
}

const INGRESS_PORTS: Record<string, number[]> = {
  default: [],
  web: [80, 443],
  db: [5432],
};

/** Generates one region of an account. */
export function generateAwsRegion(
  name: string,
  regionIndex: number,
  options: AwsGenerationOptions = {},
): FakeAwsRegion {
  const rand = random((options.seed ?? 42) + regionIndex * 7919);
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
  const instancesCount = options.instancesPerRegion ?? 20;
  const zones = ['a', 'b', 'c'].map(z => `${name}${z}`);
  // Distinct ranges per region, as a planned account has them.
  const vpcs: FakeVpc[] = [0, 1].map(i => ({
    vpcId: hexId('vpc', regionIndex, i),
    cidrBlock: `10.${(regionIndex * 2 + i) % 256}.0.0/16`,
    isDefault: i === 0,
    tags: [{ key: 'Name', value: i === 0 ? 'default' : `${name}-prod` }],
  }));
  const subnets: FakeSubnet[] = vpcs.flatMap((vpc, v) =>
    zones.map((zone, z) => ({
      subnetId: hexId('subnet', regionIndex, v * 10 + z),
      vpcId: vpc.vpcId,
      cidrBlock: `${vpc.cidrBlock.split('.').slice(0, 2).join('.')}.${
        z * 16
      }.0/20`,
      availabilityZone: zone,
      availableIpAddressCount: 4000 + z,
      tags: [{ key: 'Name', value: `${zone}-${v === 0 ? 'default' : 'prod'}` }],
    })),
  );
  const securityGroups: FakeSecurityGroup[] = vpcs.flatMap((vpc, v) =>
    ['default', 'web', 'db'].map((groupName, g) => ({
      groupId: hexId('sg', regionIndex, v * 10 + g),
      groupName,
      description: `${groupName} security group`,
      vpcId: vpc.vpcId,
      ingressPorts: INGRESS_PORTS[groupName],
      tags: [],
    })),
  );
  const images: FakeImage[] = Array.from(
    { length: options.imagesPerRegion ?? 3 },
    (_, i) => ({
      imageId: hexId('ami', regionIndex, i),
      name: `maestro-base-${i}`,
      description: `Base image ${i}`,
      creationDate: new Date(BASE_TIME - i * 86400000).toISOString(),
      architecture: 'x86_64',
      platformDetails: i % 2 ? 'Windows' : 'Linux/UNIX',
      rootDeviceName: '/dev/xvda',
      snapshotId: hexId('snap', regionIndex, 900000 + i),
      tags: [],
    }),
  );
  const instances: FakeInstance[] = [];
  const volumes: FakeVolume[] = [];
  for (let n = 0; n < instancesCount; n++) {
    const subnet = pick(subnets);
    const state = pickState(rand());
    const instanceId = hexId('i', regionIndex, n);
    const rootVolumeId = hexId('vol', regionIndex, n);
    const z = subnet.availabilityZone;
    const groups = securityGroups.filter(g => g.vpcId === subnet.vpcId);
    instances.push({
      instanceId,
      imageId: pick(images).imageId,
      state,
      instanceType: pick(FAKE_INSTANCE_TYPES),
      keyName: rand() < 0.8 ? `${name}-deploy` : undefined,
      launchTime: new Date(BASE_TIME + n * 60000).toISOString(),
      availabilityZone: z,
      vpcId: subnet.vpcId,
      subnetId: subnet.subnetId,
      privateIpAddress: `10.${subnet.cidrBlock.split('.')[1]}.${
        (n >> 8) & 255
      }.${n & 255}`,
      publicIpAddress:
        state === 'running' && rand() < 0.3
          ? `54.${regionIndex}.${(n >> 8) & 255}.${n & 255}`
          : undefined,
      securityGroups: [groups[0], pick(groups)]
        .filter((g, i, all) => all.indexOf(g) === i)
        .map(g => ({ groupId: g.groupId, groupName: g.groupName })),
      rootDeviceName: '/dev/xvda',
      blockDevices:
        state === 'terminated'
          ? []
          : [{ deviceName: '/dev/xvda', volumeId: rootVolumeId }],
      architecture: 'x86_64',
      platformDetails: 'Linux/UNIX',
      tags: [
        { key: 'Name', value: `app-${name}-${n}` },
        { key: 'env', value: pick(['production', 'staging', 'development']) },
      ],
    });
    if (state !== 'terminated') {
      volumes.push({
        volumeId: rootVolumeId,
        size: pick([8, 20, 50]),
        snapshotId: pick(images).snapshotId,
        availabilityZone: z,
        createTime: new Date(BASE_TIME + n * 60000).toISOString(),
        volumeType: 'gp3',
        iops: 3000,
        encrypted: rand() < 0.5,
        attachment: { instanceId, device: '/dev/xvda' },
        tags: [],
      });
    }
  }
  const extra = options.extraVolumesPerRegion ?? 5;
  for (let n = 0; n < extra; n++) {
    const owner =
      n % 2 === 0 ? instances[n % Math.max(instances.length, 1)] : undefined;
    const attach = owner && owner.state !== 'terminated' ? owner : undefined;
    const volumeId = hexId('vol', regionIndex, 500000 + n);
    if (attach) attach.blockDevices.push({ deviceName: '/dev/sdf', volumeId });
    volumes.push({
      volumeId,
      size: pick([100, 200, 500]),
      snapshotId: '',
      availabilityZone: attach?.availabilityZone ?? zones[n % zones.length],
      createTime: new Date(BASE_TIME + n * 1000).toISOString(),
      volumeType: pick(['gp3', 'io2', 'st1']),
      iops: 3000,
      encrypted: true,
      attachment: attach
        ? { instanceId: attach.instanceId, device: '/dev/sdf' }
        : undefined,
      tags: [{ key: 'Name', value: `data-${name}-${n}` }],
    });
  }
  const snapshots: FakeSnapshot[] = Array.from(
    { length: Math.min(options.snapshotsPerRegion ?? 5, volumes.length) },
    (_, i) => ({
      snapshotId: hexId('snap', regionIndex, i),
      volumeId: volumes[i].volumeId,
      volumeSize: volumes[i].size,
      startTime: new Date(BASE_TIME + i * 3600000).toISOString(),
      description: `Backup of ${volumes[i].volumeId}`,
      encrypted: volumes[i].encrypted,
      tags: [],
    }),
  );
  const ec2 = { instances, vpcs, subnets, securityGroups };
  const servicesPerRegion = options.servicesPerRegion ?? 3;
  const networks = generateAwsNetworks(
    name,
    regionIndex,
    ec2,
    servicesPerRegion,
  );
  return {
    name,
    instances,
    volumes,
    snapshots,
    images,
    securityGroups,
    vpcs,
    subnets,
    ...networks,
    // Its own random stream, so the EC2 data above stays as it was.
    ...generateManagedServices(name, regionIndex, ec2, {
      count: servicesPerRegion,
      rand: random((options.seed ?? 42) + regionIndex * 7919 + 1),
    }),
  };
}
