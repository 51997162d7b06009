import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { findFamily } from '@maestro/plugin-maestro-common';
import {
  TranslationContext,
  compact,
  maestroTags,
  placement,
  ref,
} from './common';
import { OctaviaLoadBalancer, OctaviaMember } from './openstackApi';

const LOAD_BALANCER = findFamily('Loadbalance')!;

/** A pool member, and the server its address belongs to when Neutron knows. */
export interface ResolvedMember {
  member: OctaviaMember;
  poolId: string;
  /** The Nova server id owning the member's address. */
  serverId?: string;
}

const GONE = new Set(['PENDING_DELETE', 'DELETED']);

/** Maestro's status of Octavia's operating status. */
export function loadBalancerStatus(lb: OctaviaLoadBalancer) {
  if (lb.provisioning_status === 'ERROR') return 'Error';
  switch (lb.operating_status) {
    case 'ONLINE':
    case 'NO_MONITOR':
      return 'Active';
    case 'OFFLINE':
      return 'Stopped';
    case 'DEGRADED':
      return 'Degraded';
    case 'ERROR':
      return 'Error';
    default:
      return undefined;
  }
}

/**
 * An Octavia load balancer as a Maestro Resource of the Loadbalance
 * family, routing to the servers behind its pool members.
 */
export function translateLoadBalancer(
  lb: OctaviaLoadBalancer,
  members: ResolvedMember[],
  context: TranslationContext,
): DiscoveredEntity {
  const targets = [
    ...new Set(
      members.filter(m => m.serverId).map(m => ref('server', m.serverId!)),
    ),
  ];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: compact({
      name: lb.id.toLowerCase(),
      title: lb.name || lb.vip_address || lb.id,
      description: lb.description || undefined,
    }),
    spec: compact({
      type: LOAD_BALANCER.type,
      family: LOAD_BALANCER.family,
      uniqueId: lb.id,
      provider: lb.provider
        ? `Octavia ${lb.provider} (OpenStack)`
        : 'Octavia (OpenStack)',
      status: loadBalancerStatus(lb),
      active: !GONE.has(lb.provisioning_status ?? ''),
      role: lb.vip_address ? { endpoint: lb.vip_address } : undefined,
      targets: targets.length ? targets : undefined,
      members: members.length
        ? members.map(({ member, poolId, serverId }) =>
            compact({
              pool: poolId,
              address: member.address,
              port: member.protocol_port,
              weight: member.weight,
              status: member.operating_status,
              server: serverId ? ref('server', serverId) : undefined,
            }),
          )
        : undefined,
      properties: compact({
        vipAddress: lb.vip_address,
        vipPort: lb.vip_port_id ? ref('network', lb.vip_port_id) : undefined,
        vipSubnet: lb.vip_subnet_id
          ? ref('network', lb.vip_subnet_id)
          : undefined,
        vipNetwork: lb.vip_network_id
          ? ref('network', lb.vip_network_id)
          : undefined,
        provisioningStatus: lb.provisioning_status,
        operatingStatus: lb.operating_status,
        listeners: lb.listeners?.length,
        flavorId: lb.flavor_id ?? undefined,
      }),
      tags: maestroTags({ tags: lb.tags }),
      datacenter: placement(context, {
        zone: lb.availability_zone ?? undefined,
      }),
    }),
  };
}
