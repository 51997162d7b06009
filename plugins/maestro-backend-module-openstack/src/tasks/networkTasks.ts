import { DiscoveryTask } from '@maestro/plugin-maestro-node';
import {
  NEUTRON_NETWORKS,
  NEUTRON_PORTS,
  NEUTRON_ROUTERS,
  NEUTRON_SECURITY_GROUPS,
  NEUTRON_SUBNETS,
} from '../client/apis';
import {
  translateNetwork,
  translatePort,
  translateRouter,
  translateSecurityGroup,
  translateSubnet,
} from '../translate/network';
import { listingTask } from './listingTask';

export const SECURITY_LIST: DiscoveryTask = listingTask({
  name: 'security-list',
  description: 'Neutron security groups and their rules',
  listings: [
    { api: NEUTRON_SECURITY_GROUPS, translate: translateSecurityGroup },
  ],
});

export const NETWORK_LIST: DiscoveryTask = listingTask({
  name: 'network-list',
  description: 'Neutron networks, subnets, ports and routers',
  listings: [
    { api: NEUTRON_NETWORKS, translate: translateNetwork },
    { api: NEUTRON_SUBNETS, translate: translateSubnet },
    { api: NEUTRON_PORTS, translate: translatePort },
    { api: NEUTRON_ROUTERS, translate: translateRouter },
  ],
});
