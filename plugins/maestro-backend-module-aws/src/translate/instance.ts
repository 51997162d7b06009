import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import type { Instance } from '@aws-sdk/client-ec2';
import flavors from '../data/awsFlavors.json';
import { TranslationContext, compact, entity, ref, tagValue } from './common';

const FLAVORS = flavors as Record<string, { vcpus: number; memory: number }>;

/** Maestro's status of an EC2 state; shutting-down/terminated are inactive. */
export function instanceStatus(state: string | undefined): {
  status?: string;
  active: boolean;
} {
  switch (state) {
    case 'running':
    case 'pending':
      return { status: 'Active', active: true };
    case 'stopping':
    case 'stopped':
      return { status: 'Stopped', active: true };
    case 'shutting-down':
    case 'terminated':
      return { status: 'Stopped', active: false };
    default:
      return { active: true };
  }
}

/** An EC2 instance (DescribeInstances) as a Maestro Server. */
export function translateInstance(
  instance: Instance,
  context: TranslationContext,
): DiscoveredEntity {
  const id = instance.InstanceId!;
  const name = tagValue(instance.Tags, 'Name');
  const flavor = instance.InstanceType
    ? FLAVORS[instance.InstanceType]
    : undefined;
  const { status, active } = instanceStatus(instance.State?.Name);
  const volumes = (instance.BlockDeviceMappings ?? []).filter(
    b => b.DeviceName,
  );
  const networks = [
    instance.VpcId && ref('network', instance.VpcId),
    instance.SubnetId && ref('network', instance.SubnetId),
    ...(instance.SecurityGroups ?? []).map(
      g => g.GroupId && ref('network', g.GroupId),
    ),
  ].filter((n): n is string => Boolean(n));
  return entity('Server', id, name, instance.Tags, {
    hostname: name ?? (instance.PrivateDnsName || id),
    uniqueId: id,
    status,
    active,
    ipv4Private: instance.PrivateIpAddress,
    ipv4Public: instance.PublicIpAddress,
    cpu: flavor?.vcpus,
    memory: flavor?.memory,
    os: instance.PlatformDetails
      ? {
          base: instance.PlatformDetails.startsWith('Windows')
            ? 'Windows'
            : 'Linux',
        }
      : undefined,
    storage: volumes.length
      ? volumes.map(b =>
          compact({
            name: b.DeviceName!,
            root: b.DeviceName === instance.RootDeviceName,
            type: b.Ebs?.VolumeId
              ? ('attached' as const)
              : ('built-in' as const),
            volume: b.Ebs?.VolumeId ? ref('volume', b.Ebs.VolumeId) : undefined,
          }),
        )
      : undefined,
    auth: instance.KeyName
      ? [{ type: 'PKI', name: instance.KeyName }]
      : undefined,
    datacenter: compact({
      provider: 'AWS',
      region: context.region,
      zone: instance.Placement?.AvailabilityZone,
      instanceId: id,
      instanceType: instance.InstanceType,
      imageId: instance.ImageId,
      subnetId: instance.SubnetId,
    }),
    image: instance.ImageId ? ref('image', instance.ImageId) : undefined,
    networks: networks.length ? networks : undefined,
  });
}
