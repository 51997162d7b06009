import type {
  NetworkInterface,
  PublicIPAddress,
  RouteTable,
  VirtualNetwork,
} from '@azure/arm-network';
import { DiscoveryTask } from '@maestro/plugin-maestro-node';
import {
  translateNetworkInterface,
  translatePublicIpAddress,
  translateRouteTable,
  translateVirtualNetwork,
} from '../translate/network';
import { armTask } from './armTask';
import { NIC_READ, PUBLIC_IP_READ } from './vmLookups';

export const NETWORK_LIST: DiscoveryTask = armTask({
  name: 'network-list',
  description:
    'Virtual networks and their subnets, network interfaces, public IP addresses and route tables',
  listings: [
    {
      permission: 'Microsoft.Network/virtualNetworks/read',
      label: 'virtual networks',
      pages: clients => clients.network.virtualNetworks.listAll().byPage(),
      translate: (vnet: VirtualNetwork) => translateVirtualNetwork(vnet),
    },
    {
      permission: NIC_READ,
      label: 'network interfaces',
      pages: clients => clients.network.networkInterfaces.listAll().byPage(),
      translate: (nic: NetworkInterface) => [translateNetworkInterface(nic)],
    },
    {
      permission: PUBLIC_IP_READ,
      label: 'public IP addresses',
      pages: clients => clients.network.publicIPAddresses.listAll().byPage(),
      translate: (ip: PublicIPAddress) => [translatePublicIpAddress(ip)],
    },
    {
      permission: 'Microsoft.Network/routeTables/read',
      label: 'route tables',
      pages: clients => clients.network.routeTables.listAll().byPage(),
      translate: (table: RouteTable) => [translateRouteTable(table)],
    },
  ],
});
