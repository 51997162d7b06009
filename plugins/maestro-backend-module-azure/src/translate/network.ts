import type {
  NetworkInterface,
  PublicIPAddress,
  RouteTable,
  Subnet,
  VirtualNetwork,
} from '@azure/arm-network';
import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import {
  compact,
  entity,
  isArmType,
  nonEmpty,
  placement,
  provisioningStatus,
  ref,
} from './common';

/** A subnet of a virtual network; ARM lists them inside it. */
function translateSubnet(
  subnet: Subnet,
  vnet: VirtualNetwork,
): DiscoveredEntity {
  return entity('Network', subnet, {
    type: 'subnet',
    cidr: subnet.addressPrefix ?? subnet.addressPrefixes?.[0],
    network: ref('network', vnet.id!),
    status: provisioningStatus(subnet.provisioningState),
    properties: compact({
      addressPrefixes: subnet.addressPrefixes,
      routeTable: subnet.routeTable?.id,
      networkSecurityGroup: subnet.networkSecurityGroup?.id,
      natGateway: subnet.natGateway?.id,
      ipConfigurationCount: subnet.ipConfigurations?.length,
    }),
    datacenter: placement(subnet.id!, vnet.location),
  });
}

/** A virtual network as a Network `vpc`, followed by its subnets. */
export function translateVirtualNetwork(
  vnet: VirtualNetwork,
): DiscoveredEntity[] {
  const prefixes = vnet.addressSpace?.addressPrefixes ?? [];
  return [
    entity('Network', vnet, {
      type: 'vpc',
      cidr: prefixes[0],
      status: provisioningStatus(vnet.provisioningState),
      properties: compact({
        addressPrefixes: nonEmpty(prefixes),
        dnsServers: nonEmpty(vnet.dhcpOptions?.dnsServers ?? []),
        enableDdosProtection: vnet.enableDdosProtection,
        peerings: nonEmpty(
          (vnet.virtualNetworkPeerings ?? [])
            .map(p => p.remoteVirtualNetwork?.id)
            .filter((id): id is string => Boolean(id)),
        ),
      }),
      datacenter: placement(vnet.id!, vnet.location),
    }),
    ...(vnet.subnets ?? [])
      .filter(s => s.id)
      .map(s => translateSubnet(s, vnet)),
  ];
}

/** A network interface, in the subnet of its primary IP configuration. */
export function translateNetworkInterface(
  nic: NetworkInterface,
): DiscoveredEntity {
  const configs = nic.ipConfigurations ?? [];
  const primary = configs.find(c => c.primary) ?? configs[0];
  const subnetId = primary?.subnet?.id;
  return entity('Network', nic, {
    type: 'network-interface',
    network: subnetId ? ref('network', subnetId) : undefined,
    status: provisioningStatus(nic.provisioningState),
    properties: compact({
      privateIpAddresses: nonEmpty(
        configs
          .map(c => c.privateIPAddress)
          .filter((ip): ip is string => Boolean(ip)),
      ),
      macAddress: nic.macAddress,
      primary: nic.primary,
      enableAcceleratedNetworking: nic.enableAcceleratedNetworking,
      enableIPForwarding: nic.enableIPForwarding,
      virtualMachine: nic.virtualMachine?.id,
      networkSecurityGroup: nic.networkSecurityGroup?.id,
    }),
    datacenter: placement(nic.id!, nic.location, undefined, {
      subnetId,
    }),
  });
}

/** A public IP address, in the network interface it is bound to. */
export function translatePublicIpAddress(
  ip: PublicIPAddress,
): DiscoveredEntity {
  // Bound to `<nic id>/ipConfigurations/<name>` (or a load balancer's frontend).
  const boundTo = ip.ipConfiguration?.id?.replace(
    /\/ipConfigurations\/[^/]+$/i,
    '',
  );
  const nicId = isArmType(boundTo, 'Microsoft.Network/networkInterfaces')
    ? boundTo
    : undefined;
  return entity('Network', ip, {
    type: 'public-ip',
    network: nicId ? ref('network', nicId) : undefined,
    status: provisioningStatus(ip.provisioningState),
    properties: compact({
      ipAddress: ip.ipAddress,
      version: ip.publicIPAddressVersion,
      allocationMethod: ip.publicIPAllocationMethod,
      sku: ip.sku?.name,
      fqdn: ip.dnsSettings?.fqdn,
      boundTo: ip.ipConfiguration?.id,
    }),
    datacenter: placement(ip.id!, ip.location, ip.zones),
  });
}

/** A route table with its routes and the subnets that use it. */
export function translateRouteTable(table: RouteTable): DiscoveredEntity {
  return entity('Network', table, {
    type: 'route-table',
    status: provisioningStatus(table.provisioningState),
    properties: compact({
      routes: (table.routes ?? []).map(r =>
        compact({
          name: r.name,
          addressPrefix: r.addressPrefix,
          nextHopType: r.nextHopType,
          nextHopIpAddress: r.nextHopIpAddress,
        }),
      ),
      subnets: nonEmpty(
        (table.subnets ?? [])
          .map(s => s.id)
          .filter((id): id is string => Boolean(id)),
      ),
      disableBgpRoutePropagation: table.disableBgpRoutePropagation,
    }),
    datacenter: placement(table.id!, table.location),
  });
}
