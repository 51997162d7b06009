/**
 * Microsoft.Network resources (NICs, public IPs, virtual networks, route
 * tables) as the Network REST API reference shows them in list responses.
 */
import { ArmResource, AzureGenerator } from './azureGenerator';

/** A subnet being filled: its next free address and the NICs in it. */
export interface FakeSubnet {
  name: string;
  id: string;
  addressPrefix: string;
  /** First three octets of the subnet; addresses count up from there. */
  base: [number, number, number];
  /** Addresses handed out; Azure keeps the first four of a subnet. */
  used: number;
  ipConfigurations: Array<{ id: string }>;
  routeTableId?: string;
}

export const ipv4 = (base: [number, number, number], offset: number) =>
  `${base[0]}.${base[1]}.${base[2] + (offset >> 8)}.${offset & 255}`;

/** A NIC with one IP configuration in the subnet, attached to a VM. */
export function networkInterface(
  g: AzureGenerator,
  opts: {
    id: string;
    name: string;
    vmId: string;
    subnet: FakeSubnet;
    publicIpId?: string;
    acceleratedNetworking: boolean;
  },
): ArmResource {
  const ipConfigId = `${opts.id}/ipConfigurations/ipconfig1`;
  opts.subnet.ipConfigurations.push({ id: ipConfigId });
  return {
    id: opts.id,
    name: opts.name,
    type: 'Microsoft.Network/networkInterfaces',
    location: g.location,
    etag: g.etag(),
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: g.guid(),
      ipConfigurations: [
        {
          name: 'ipconfig1',
          id: ipConfigId,
          etag: g.etag(),
          type: 'Microsoft.Network/networkInterfaces/ipConfigurations',
          properties: {
            provisioningState: 'Succeeded',
            privateIPAddress: ipv4(opts.subnet.base, opts.subnet.used++),
            privateIPAllocationMethod: 'Dynamic',
            publicIPAddress: opts.publicIpId
              ? { id: opts.publicIpId }
              : undefined,
            subnet: { id: opts.subnet.id },
            primary: true,
            privateIPAddressVersion: 'IPv4',
          },
        },
      ],
      dnsSettings: { dnsServers: [], appliedDnsServers: [] },
      macAddress: `00-0D-3A-${g.hex(2)}-${g.hex(2)}-${g.hex(2)}`.toUpperCase(),
      enableAcceleratedNetworking: opts.acceleratedNetworking,
      enableIPForwarding: false,
      primary: true,
      virtualMachine: { id: opts.vmId },
      nicType: 'Standard',
    },
  };
}

/** A static Standard public IP bound to a NIC's IP configuration. */
export function publicIpAddress(
  g: AzureGenerator,
  opts: {
    id: string;
    name: string;
    ipAddress: string;
    ipConfigurationId: string;
    zone?: string;
  },
): ArmResource {
  return {
    id: opts.id,
    name: opts.name,
    type: 'Microsoft.Network/publicIPAddresses',
    location: g.location,
    etag: g.etag(),
    zones: opts.zone ? [opts.zone] : undefined,
    sku: { name: 'Standard', tier: 'Regional' },
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: g.guid(),
      ipAddress: opts.ipAddress,
      publicIPAddressVersion: 'IPv4',
      publicIPAllocationMethod: 'Static',
      idleTimeoutInMinutes: 4,
      ipTags: [],
      ipConfiguration: { id: opts.ipConfigurationId },
    },
  };
}

/** A route table sending everything through a firewall appliance. */
export function routeTable(
  g: AzureGenerator,
  opts: { id: string; name: string; nextHop: string; subnetIds: string[] },
): ArmResource {
  return {
    id: opts.id,
    name: opts.name,
    type: 'Microsoft.Network/routeTables',
    location: g.location,
    etag: g.etag(),
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: g.guid(),
      disableBgpRoutePropagation: false,
      routes: [
        {
          name: 'default-via-firewall',
          id: `${opts.id}/routes/default-via-firewall`,
          etag: g.etag(),
          type: 'Microsoft.Network/routeTables/routes',
          properties: {
            provisioningState: 'Succeeded',
            addressPrefix: '0.0.0.0/0',
            nextHopType: 'VirtualAppliance',
            nextHopIpAddress: opts.nextHop,
          },
        },
      ],
      subnets: opts.subnetIds.map(id => ({ id })),
    },
  };
}

/** A virtual network with its subnets inline, as ARM lists them. */
export function virtualNetwork(
  g: AzureGenerator,
  opts: {
    id: string;
    name: string;
    addressPrefix: string;
    subnets: FakeSubnet[];
  },
): ArmResource {
  return {
    id: opts.id,
    name: opts.name,
    type: 'Microsoft.Network/virtualNetworks',
    location: g.location,
    etag: g.etag(),
    tags: { environment: 'production' },
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: g.guid(),
      addressSpace: { addressPrefixes: [opts.addressPrefix] },
      dhcpOptions: { dnsServers: [] },
      subnets: opts.subnets.map(s => ({
        name: s.name,
        id: s.id,
        etag: g.etag(),
        type: 'Microsoft.Network/virtualNetworks/subnets',
        properties: {
          provisioningState: 'Succeeded',
          addressPrefix: s.addressPrefix,
          routeTable: s.routeTableId ? { id: s.routeTableId } : undefined,
          ipConfigurations: s.ipConfigurations,
          delegations: [],
          privateEndpointNetworkPolicies: 'Disabled',
          privateLinkServiceNetworkPolicies: 'Enabled',
        },
      })),
      virtualNetworkPeerings: [],
      enableDdosProtection: false,
    },
  };
}
