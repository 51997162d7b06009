import { DiscoveryTask } from '@maestro/plugin-maestro-node';
import {
  NEUTRON_PORTS_LOOKUP,
  OCTAVIA_LOAD_BALANCERS,
  octaviaMembers,
} from '../client/apis';
import { OpenStackSession } from '../client/OpenStackSession';
import { listAll, listPages } from '../client/paging';
import {
  ResolvedMember,
  translateLoadBalancer,
} from '../translate/loadBalancer';
import {
  NeutronPort,
  OctaviaLoadBalancer,
  OctaviaMember,
} from '../translate/openstackApi';
import { permissionOf } from './listingTask';
import { openstackTask } from './openstackTask';

/** Addresses per ports query: keeps the URL well under proxies' 8 KB limits. */
const ADDRESSES_PER_PORTS_QUERY = 50;

/**
 * The servers behind member addresses: Neutron's compute ports holding
 * them (`fixed_ips=ip_address=...`, any of several). Keyed by subnet and
 * address, as two networks may use the same range.
 */
async function serversOfAddresses(
  session: OpenStackSession,
  region: string,
  addresses: string[],
): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  const unique = [...new Set(addresses)];
  if (!unique.length || !(await session.offers('network', region)))
    return owners;
  for (let i = 0; i < unique.length; i += ADDRESSES_PER_PORTS_QUERY) {
    const ports = await listAll<NeutronPort>(
      session,
      region,
      NEUTRON_PORTS_LOOKUP,
      {
        fixed_ips: unique
          .slice(i, i + ADDRESSES_PER_PORTS_QUERY)
          .map(a => `ip_address=${a}`),
        fields: ['id', 'device_id', 'device_owner', 'fixed_ips'],
      },
    );
    for (const port of ports) {
      if (!port.device_owner?.startsWith('compute:') || !port.device_id)
        continue;
      for (const ip of port.fixed_ips ?? []) {
        owners.set(`${ip.subnet_id}|${ip.ip_address}`, port.device_id);
        owners.set(`|${ip.ip_address}`, port.device_id);
      }
    }
  }
  return owners;
}

/** The members of every pool of a page of load balancers. */
async function membersOf(
  session: OpenStackSession,
  region: string,
  loadBalancers: OctaviaLoadBalancer[],
) {
  const byLoadBalancer = new Map<string, ResolvedMember[]>();
  for (const lb of loadBalancers) {
    const resolved: ResolvedMember[] = [];
    for (const pool of lb.pools ?? []) {
      const members = await listAll<OctaviaMember>(
        session,
        region,
        octaviaMembers(pool.id),
      );
      resolved.push(...members.map(member => ({ member, poolId: pool.id })));
    }
    byLoadBalancer.set(lb.id, resolved);
  }
  const owners = await serversOfAddresses(
    session,
    region,
    [...byLoadBalancer.values()].flat().map(m => m.member.address),
  );
  for (const members of byLoadBalancer.values()) {
    for (const m of members) {
      m.serverId =
        owners.get(`${m.member.subnet_id ?? ''}|${m.member.address}`) ??
        (m.member.subnet_id ? undefined : owners.get(`|${m.member.address}`));
    }
  }
  return byLoadBalancer;
}

export const LOADBALANCE_LIST: DiscoveryTask = openstackTask({
  name: 'loadbalance-list',
  description: 'Octavia load balancers and the servers behind their pools',
  service: 'load-balancer',
  permissions: [
    OCTAVIA_LOAD_BALANCERS,
    octaviaMembers('{pool_id}'),
    NEUTRON_PORTS_LOOKUP,
  ].map(permissionOf),
  async *scan({ session, region, translation }) {
    for await (const page of listPages<OctaviaLoadBalancer>(
      session,
      region,
      OCTAVIA_LOAD_BALANCERS,
    )) {
      const members = await membersOf(session, region, page);
      yield page.map(lb =>
        translateLoadBalancer(lb, members.get(lb.id) ?? [], translation),
      );
    }
  },
});
