import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import type {
  NatGateway,
  NetworkInterface,
  VpcEndpoint,
  VpcPeeringConnection,
  VpnGateway,
} from '@aws-sdk/client-ec2';
import { TranslationContext, compact, entity, ref, tagValue } from './common';

/**
 * The ways in and out of a VPC: peerings, VPN gateways, endpoints, NAT
 * gateways and network interfaces, as Maestro Networks of their type,
 * each inside its VPC or subnet (`spec.network`).
 */

const strings = (items: Array<string | undefined>) =>
  items.filter((s): s is string => Boolean(s));

const region = (context: TranslationContext) => ({
  provider: 'AWS',
  region: context.region,
});

/**
 * Maestro's status of the states these resources go through: gone ones
 * (deleted, rejected, expired, failed) are inactive, as AWS lists them a
 * while after.
 */
export function connectionStatus(state: string | undefined): {
  status?: string;
  active: boolean;
} {
  switch (state?.toLowerCase()) {
    case undefined:
      return { active: true };
    case 'available':
    case 'active':
    case 'in-use':
      return { status: 'Active', active: true };
    case 'pending':
    case 'pending-acceptance':
    case 'pendingacceptance':
    case 'provisioning':
    case 'initiating-request':
      return { status: 'Pending', active: true };
    case 'deleting':
    case 'deleted':
    case 'rejected':
    case 'expired':
    case 'failed':
      return { status: 'Stopped', active: false };
    default:
      return { status: state, active: true };
  }
}

export function translateVpcPeering(
  peering: VpcPeeringConnection,
  context: TranslationContext,
): DiscoveredEntity {
  const id = peering.VpcPeeringConnectionId!;
  const requester = peering.RequesterVpcInfo;
  const accepter = peering.AccepterVpcInfo;
  return entity('Network', id, tagValue(peering.Tags, 'Name'), peering.Tags, {
    type: 'vpc-peering',
    uniqueId: id,
    network: requester?.VpcId ? ref('network', requester.VpcId) : undefined,
    ...connectionStatus(peering.Status?.Code),
    properties: compact({
      requesterVpcId: requester?.VpcId,
      requesterCidr: requester?.CidrBlock,
      requesterOwnerId: requester?.OwnerId,
      requesterRegion: requester?.Region,
      accepterVpcId: accepter?.VpcId,
      accepterCidr: accepter?.CidrBlock,
      accepterOwnerId: accepter?.OwnerId,
      accepterRegion: accepter?.Region,
      statusMessage: peering.Status?.Message,
    }),
    datacenter: region(context),
  });
}

export function translateVpnGateway(
  gateway: VpnGateway,
  context: TranslationContext,
): DiscoveredEntity {
  const id = gateway.VpnGatewayId!;
  const attachments = gateway.VpcAttachments ?? [];
  const attached = attachments.find(a => a.State === 'attached');
  return entity('Network', id, tagValue(gateway.Tags, 'Name'), gateway.Tags, {
    type: 'vpn-gateway',
    uniqueId: id,
    network: attached?.VpcId ? ref('network', attached.VpcId) : undefined,
    ...connectionStatus(gateway.State),
    properties: compact({
      vpnType: gateway.Type,
      amazonSideAsn: gateway.AmazonSideAsn,
      attachments: attachments.map(a =>
        compact({ vpcId: a.VpcId, state: a.State }),
      ),
    }),
    datacenter: compact({ ...region(context), zone: gateway.AvailabilityZone }),
  });
}

export function translateVpcEndpoint(
  endpoint: VpcEndpoint,
  context: TranslationContext,
): DiscoveredEntity {
  const id = endpoint.VpcEndpointId!;
  return entity(
    'Network',
    id,
    tagValue(endpoint.Tags, 'Name') ?? endpoint.ServiceName,
    endpoint.Tags,
    {
      type: 'vpc-endpoint',
      uniqueId: id,
      network: endpoint.VpcId ? ref('network', endpoint.VpcId) : undefined,
      ...connectionStatus(endpoint.State),
      properties: compact({
        endpointType: endpoint.VpcEndpointType,
        serviceName: endpoint.ServiceName,
        routeTables: strings(endpoint.RouteTableIds ?? []),
        subnets: strings(endpoint.SubnetIds ?? []),
        securityGroups: strings((endpoint.Groups ?? []).map(g => g.GroupId)),
        networkInterfaces: strings(endpoint.NetworkInterfaceIds ?? []),
        dnsNames: strings((endpoint.DnsEntries ?? []).map(d => d.DnsName)),
        privateDnsEnabled: endpoint.PrivateDnsEnabled,
      }),
      datacenter: region(context),
    },
  );
}

export function translateNatGateway(
  gateway: NatGateway,
  context: TranslationContext,
): DiscoveredEntity {
  const id = gateway.NatGatewayId!;
  const addresses = gateway.NatGatewayAddresses ?? [];
  return entity('Network', id, tagValue(gateway.Tags, 'Name'), gateway.Tags, {
    type: 'nat-gateway',
    uniqueId: id,
    network: gateway.SubnetId ? ref('network', gateway.SubnetId) : undefined,
    ...connectionStatus(gateway.State),
    properties: compact({
      vpcId: gateway.VpcId,
      connectivityType: gateway.ConnectivityType,
      publicIps: strings(addresses.map(a => a.PublicIp)),
      privateIps: strings(addresses.map(a => a.PrivateIp)),
      networkInterfaces: strings(addresses.map(a => a.NetworkInterfaceId)),
    }),
    datacenter: region(context),
  });
}

/**
 * A network interface, in its subnet; the instance it is attached to is
 * kept by id, since servers relate to their VPC, subnet and groups.
 */
export function translateNetworkInterface(
  eni: NetworkInterface,
  context: TranslationContext,
): DiscoveredEntity {
  const id = eni.NetworkInterfaceId!;
  return entity('Network', id, tagValue(eni.TagSet, 'Name'), eni.TagSet, {
    type: 'network-interface',
    uniqueId: id,
    network: eni.SubnetId ? ref('network', eni.SubnetId) : undefined,
    ...connectionStatus(eni.Status),
    properties: compact({
      vpcId: eni.VpcId,
      interfaceType: eni.InterfaceType,
      description: eni.Description || undefined,
      macAddress: eni.MacAddress,
      privateIp: eni.PrivateIpAddress,
      publicIp: eni.Association?.PublicIp,
      instanceId: eni.Attachment?.InstanceId,
      securityGroups: strings((eni.Groups ?? []).map(g => g.GroupId)),
      requesterManaged: eni.RequesterManaged,
    }),
    datacenter: compact({ ...region(context), zone: eni.AvailabilityZone }),
  });
}
