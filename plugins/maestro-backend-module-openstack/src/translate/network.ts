import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { TranslationContext, compact, entity, placement, ref } from './common';
import {
  NeutronNetwork,
  NeutronPort,
  NeutronRouter,
  NeutronSecurityGroup,
  NeutronSecurityGroupRule,
  NeutronSubnet,
} from './openstackApi';

/** Maestro's status of a Neutron status (ACTIVE, DOWN, BUILD, ERROR). */
export function neutronStatus(status: string | undefined) {
  switch ((status ?? '').toUpperCase()) {
    case 'ACTIVE':
    case 'BUILD':
      return 'Active';
    case 'DOWN':
      return 'Stopped';
    case 'ERROR':
      return 'Error';
    default:
      return undefined;
  }
}

export function translateNetwork(
  network: NeutronNetwork,
  context: TranslationContext,
): DiscoveredEntity {
  return entity(
    'Network',
    network.id,
    network.name,
    { tags: network.tags },
    {
      type: 'network',
      uniqueId: network.id,
      status: neutronStatus(network.status),
      active: true,
      properties: compact({
        description: network.description || undefined,
        external: network['router:external'],
        shared: network.shared,
        mtu: network.mtu,
        networkType: network['provider:network_type'],
        adminStateUp: network.admin_state_up,
        availabilityZones: network.availability_zones,
        projectId: network.project_id,
      }),
      datacenter: placement(context),
    },
  );
}

export function translateSubnet(
  subnet: NeutronSubnet,
  context: TranslationContext,
): DiscoveredEntity {
  return entity(
    'Network',
    subnet.id,
    subnet.name,
    { tags: subnet.tags },
    {
      type: 'subnet',
      uniqueId: subnet.id,
      cidr: subnet.cidr,
      network: subnet.network_id
        ? ref('network', subnet.network_id)
        : undefined,
      status: 'Active',
      active: true,
      properties: compact({
        ipVersion: subnet.ip_version,
        gatewayIp: subnet.gateway_ip ?? undefined,
        enableDhcp: subnet.enable_dhcp,
        allocationPools: subnet.allocation_pools,
        dnsNameservers: subnet.dns_nameservers?.length
          ? subnet.dns_nameservers
          : undefined,
        projectId: subnet.project_id,
      }),
      datacenter: placement(context),
    },
  );
}

/** A port, titled by its name or its first address (most ports have no name). */
export function translatePort(
  port: NeutronPort,
  context: TranslationContext,
): DiscoveredEntity {
  const fixedIps = port.fixed_ips ?? [];
  return entity(
    'Network',
    port.id,
    port.name || fixedIps[0]?.ip_address,
    { tags: port.tags },
    {
      type: 'port',
      uniqueId: port.id,
      network: port.network_id ? ref('network', port.network_id) : undefined,
      status: neutronStatus(port.status),
      active: true,
      properties: compact({
        macAddress: port.mac_address,
        fixedIps: fixedIps.map(f => ({
          subnet: f.subnet_id,
          address: f.ip_address,
        })),
        deviceId: port.device_id || undefined,
        deviceOwner: port.device_owner || undefined,
        securityGroups: port.security_groups?.length
          ? port.security_groups
          : undefined,
        adminStateUp: port.admin_state_up,
      }),
      datacenter: placement(context),
    },
  );
}

export function translateRouter(
  router: NeutronRouter,
  context: TranslationContext,
): DiscoveredEntity {
  const gateway = router.external_gateway_info;
  return entity(
    'Network',
    router.id,
    router.name,
    { tags: router.tags },
    {
      type: 'router',
      uniqueId: router.id,
      status: neutronStatus(router.status),
      active: true,
      properties: compact({
        externalNetwork: gateway?.network_id
          ? ref('network', gateway.network_id)
          : undefined,
        externalAddresses: gateway?.external_fixed_ips?.map(f => f.ip_address),
        snat: gateway?.enable_snat,
        routes: router.routes?.length ? router.routes : undefined,
        ha: router.ha,
        distributed: router.distributed,
        adminStateUp: router.admin_state_up,
      }),
      datacenter: placement(context),
    },
  );
}

function rules(all: NeutronSecurityGroupRule[], direction: string) {
  return all
    .filter(r => r.direction === direction)
    .map(r =>
      compact({
        protocol: r.protocol ?? 'any',
        ethertype: r.ethertype,
        fromPort: r.port_range_min ?? undefined,
        toPort: r.port_range_max ?? undefined,
        cidrs: r.remote_ip_prefix ? [r.remote_ip_prefix] : undefined,
        remoteGroup: r.remote_group_id
          ? ref('network', r.remote_group_id)
          : undefined,
      }),
    );
}

/** A security group as a Maestro Network of type security-group, with its rules. */
export function translateSecurityGroup(
  group: NeutronSecurityGroup,
  context: TranslationContext,
): DiscoveredEntity {
  const all = group.security_group_rules ?? [];
  return entity(
    'Network',
    group.id,
    group.name,
    { tags: group.tags },
    {
      type: 'security-group',
      uniqueId: group.id,
      status: 'Active',
      active: true,
      properties: compact({
        description: group.description || undefined,
        stateful: group.stateful,
        ingress: rules(all, 'ingress'),
        egress: rules(all, 'egress'),
        projectId: group.project_id,
      }),
      datacenter: placement(context),
    },
  );
}
