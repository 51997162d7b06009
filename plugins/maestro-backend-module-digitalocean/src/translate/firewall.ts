import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { DoFirewall, DoFirewallTargets } from '../api/types';
import { compact, dropletRef, entity, placement } from './common';

function targets(t: DoFirewallTargets | undefined) {
  return compact({
    addresses: t?.addresses?.length ? t.addresses : undefined,
    droplets: t?.droplet_ids?.length
      ? t.droplet_ids.map(dropletRef)
      : undefined,
    loadBalancers: t?.load_balancer_uids?.length
      ? t.load_balancer_uids
      : undefined,
    kubernetesClusters: t?.kubernetes_ids?.length
      ? t.kubernetes_ids
      : undefined,
    tags: t?.tags?.length ? t.tags : undefined,
  });
}

const STATUS: Record<string, string> = {
  succeeded: 'Active',
  waiting: 'Active',
  failed: 'Error',
};

/**
 * A cloud firewall as a Maestro Network of type firewall. Firewalls are not
 * regional; the droplets they guard are listed by id and by tag.
 */
export function translateFirewall(firewall: DoFirewall): DiscoveredEntity {
  return entity('Network', {
    name: firewall.id,
    title: firewall.name,
    tags: firewall.tags,
    spec: {
      type: 'firewall',
      uniqueId: firewall.id,
      status: firewall.status ? STATUS[firewall.status] : undefined,
      active: true,
      properties: compact({
        inbound: (firewall.inbound_rules ?? []).map(r =>
          compact({
            protocol: r.protocol,
            ports: r.ports,
            sources: targets(r.sources),
          }),
        ),
        outbound: (firewall.outbound_rules ?? []).map(r =>
          compact({
            protocol: r.protocol,
            ports: r.ports,
            destinations: targets(r.destinations),
          }),
        ),
        droplets: firewall.droplet_ids?.length
          ? firewall.droplet_ids.map(dropletRef)
          : undefined,
        dropletTags: firewall.tags?.length ? firewall.tags : undefined,
      }),
      datacenter: placement(undefined),
    },
  });
}
