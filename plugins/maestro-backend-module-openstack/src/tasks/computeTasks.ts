import { DiscoveryTask } from '@maestro/plugin-maestro-node';
import {
  NOVA_FLAVORS,
  NEUTRON_PORTS_LOOKUP,
  NOVA_SERVERS,
} from '../client/apis';
import { OpenStackSession } from '../client/OpenStackSession';
import { listAll, listPages } from '../client/paging';
import { translateFlavor } from '../translate/flavor';
import { NeutronPort, NovaFlavor, NovaServer } from '../translate/openstackApi';
import { translateServer } from '../translate/server';
import { listingTask, permissionOf } from './listingTask';
import { openstackTask } from './openstackTask';

/** Server ids per ports query: keeps the URL well under proxies' 8 KB limits. */
const SERVERS_PER_PORTS_QUERY = 40;

/**
 * The Neutron ports of a page of servers, by server: they give the
 * network, subnet and security group ids that Nova's body only names.
 * A cloud without Neutron in its catalog (nova-network) has none.
 */
async function portsOfServers(
  session: OpenStackSession,
  region: string,
  serverIds: string[],
): Promise<Map<string, NeutronPort[]>> {
  const byServer = new Map<string, NeutronPort[]>();
  if (!serverIds.length || !(await session.offers('network', region))) {
    return byServer;
  }
  for (let i = 0; i < serverIds.length; i += SERVERS_PER_PORTS_QUERY) {
    const ports = await listAll<NeutronPort>(
      session,
      region,
      NEUTRON_PORTS_LOOKUP,
      {
        device_id: serverIds.slice(i, i + SERVERS_PER_PORTS_QUERY),
        fields: [
          'id',
          'device_id',
          'network_id',
          'fixed_ips',
          'security_groups',
        ],
      },
    );
    for (const port of ports) {
      const list = byServer.get(port.device_id!) ?? [];
      list.push(port);
      byServer.set(port.device_id!, list);
    }
  }
  return byServer;
}

export const SERVER_LIST: DiscoveryTask = openstackTask({
  name: 'server-list',
  description: 'Nova servers in every state, with their flavors and ports',
  service: 'compute',
  permissions: [NOVA_SERVERS, NOVA_FLAVORS, NEUTRON_PORTS_LOOKUP].map(
    permissionOf,
  ),
  async *scan({ session, region, translation }) {
    const flavors = new Map(
      (await listAll<NovaFlavor>(session, region, NOVA_FLAVORS)).map(f => [
        f.id,
        f,
      ]),
    );
    for await (const servers of listPages<NovaServer>(
      session,
      region,
      NOVA_SERVERS,
    )) {
      const ports = await portsOfServers(
        session,
        region,
        servers.map(s => s.id),
      );
      yield servers.map(s =>
        translateServer(s, translation, { flavors, ports }),
      );
    }
  },
});

export const FLAVOR_LIST: DiscoveryTask = listingTask({
  name: 'flavor-list',
  description: 'Nova flavors the project can use',
  listings: [{ api: NOVA_FLAVORS, translate: translateFlavor }],
});
