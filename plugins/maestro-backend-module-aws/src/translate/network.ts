import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import type {
  NetworkAcl,
  NetworkAclEntry,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
} from '@aws-sdk/client-ec2';
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

/** A route table, with its routes and the subnets it serves. */
export function translateRouteTable(
  table: RouteTable,
  context: TranslationContext,
): DiscoveredEntity {
  const id = table.RouteTableId!;
  const associations = table.Associations ?? [];
  return entity('Network', id, tagValue(table.Tags, 'Name'), table.Tags, {
    type: 'route-table',
    uniqueId: id,
    network: table.VpcId ? ref('network', table.VpcId) : undefined,
    properties: compact({
      main: associations.some(a => a.Main),
      subnets: associations
        .map(a => a.SubnetId)
        .filter((s): s is string => Boolean(s)),
      routes: (table.Routes ?? []).map(r =>
        compact({
          destination:
            r.DestinationCidrBlock ??
            r.DestinationIpv6CidrBlock ??
            r.DestinationPrefixListId,
          target:
            r.GatewayId ??
            r.NatGatewayId ??
            r.TransitGatewayId ??
            r.VpcPeeringConnectionId ??
            r.NetworkInterfaceId ??
            r.InstanceId ??
            r.EgressOnlyInternetGatewayId,
          state: r.State,
        }),
      ),
    }),
    datacenter: { provider: 'AWS', region: context.region },
  });
}

function aclRules(entries: NetworkAclEntry[], egress: boolean) {
  return entries
    .filter(e => Boolean(e.Egress) === egress)
    .map(e =>
      compact({
        rule: e.RuleNumber,
        protocol: e.Protocol,
        action: e.RuleAction,
        cidr: e.CidrBlock ?? e.Ipv6CidrBlock,
        fromPort: e.PortRange?.From,
        toPort: e.PortRange?.To,
      }),
    );
}

/** A network ACL, with its numbered rules each way and its subnets. */
export function translateNetworkAcl(
  acl: NetworkAcl,
  context: TranslationContext,
): DiscoveredEntity {
  const id = acl.NetworkAclId!;
  const entries = acl.Entries ?? [];
  return entity('Network', id, tagValue(acl.Tags, 'Name'), acl.Tags, {
    type: 'network-acl',
    uniqueId: id,
    network: acl.VpcId ? ref('network', acl.VpcId) : undefined,
    properties: compact({
      isDefault: acl.IsDefault,
      subnets: (acl.Associations ?? [])
        .map(a => a.SubnetId)
        .filter((s): s is string => Boolean(s)),
      ingress: aclRules(entries, false),
      egress: aclRules(entries, true),
    }),
    datacenter: { provider: 'AWS', region: context.region },
  });
}
