import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import type { SecurityGroup, Subnet, Vpc } from '@aws-sdk/client-ec2';
import { TranslationContext, compact, entity, ref, tagValue } from './common';

/** A security group as a Maestro Network of type security-group. */
export function translateSecurityGroup(
  group: SecurityGroup,
  context: TranslationContext,
): DiscoveredEntity {
  const id = group.GroupId!;
  const rules = (permissions: SecurityGroup['IpPermissions']) =>
    (permissions ?? []).map(p =>
      compact({
        protocol: p.IpProtocol,
        fromPort: p.FromPort,
        toPort: p.ToPort,
        cidrs: (p.IpRanges ?? []).map(r => r.CidrIp!).filter(Boolean),
      }),
    );
  return entity('Network', id, group.GroupName, group.Tags, {
    type: 'security-group',
    uniqueId: id,
    network: group.VpcId ? ref('network', group.VpcId) : undefined,
    properties: compact({
      description: group.Description,
      ingress: rules(group.IpPermissions),
      egress: rules(group.IpPermissionsEgress),
    }),
    datacenter: { provider: 'AWS', region: context.region },
  });
}

export function translateVpc(
  vpc: Vpc,
  context: TranslationContext,
): DiscoveredEntity {
  const id = vpc.VpcId!;
  return entity('Network', id, tagValue(vpc.Tags, 'Name'), vpc.Tags, {
    type: 'vpc',
    uniqueId: id,
    cidr: vpc.CidrBlock,
    status: vpc.State === 'available' ? 'Active' : vpc.State,
    properties: compact({
      isDefault: vpc.IsDefault,
      tenancy: vpc.InstanceTenancy,
    }),
    datacenter: { provider: 'AWS', region: context.region },
  });
}

export function translateSubnet(
  subnet: Subnet,
  context: TranslationContext,
): DiscoveredEntity {
  const id = subnet.SubnetId!;
  return entity('Network', id, tagValue(subnet.Tags, 'Name'), subnet.Tags, {
    type: 'subnet',
    uniqueId: id,
    cidr: subnet.CidrBlock,
    network: subnet.VpcId ? ref('network', subnet.VpcId) : undefined,
    status: subnet.State === 'available' ? 'Active' : subnet.State,
    properties: compact({
      availableIpAddressCount: subnet.AvailableIpAddressCount,
    }),
    datacenter: compact({
      provider: 'AWS',
      region: context.region,
      zone: subnet.AvailabilityZone,
    }),
  });
}
