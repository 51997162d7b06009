import { jsonResponse } from '../../http';
import { FakeOpenStackRegion } from '../openstackTypes';
import { collectionLinks, pageOf } from '../paging';
import { FakeOpenStackService, OpenStackRoute } from './types';

/** Query parameters that are not attribute filters. */
const CONTROL = new Set([
  'limit',
  'marker',
  'fields',
  'page_reverse',
  'sort_key',
  'sort_dir',
]);

function scalar(value: unknown): string[] {
  if (typeof value === 'boolean')
    return [String(value), value ? 'True' : 'False'];
  return [String(value)];
}

/**
 * Neutron's filters: `attribute=value` (repeat a parameter for "any of"),
 * and `fixed_ips=ip_address=...` / `fixed_ips=subnet_id=...` on ports.
 */
function matches(item: Record<string, any>, query: URLSearchParams): boolean {
  for (const key of new Set(query.keys())) {
    if (CONTROL.has(key)) continue;
    const wanted = query.getAll(key);
    if (key === 'fixed_ips') {
      const of = (prefix: string) =>
        wanted
          .filter(w => w.startsWith(`${prefix}=`))
          .map(w => w.slice(prefix.length + 1));
      const ips = of('ip_address');
      const subnets = of('subnet_id');
      const ok = (item.fixed_ips ?? []).some(
        (f: { ip_address: string; subnet_id: string }) =>
          (!ips.length || ips.includes(f.ip_address)) &&
          (!subnets.length || subnets.includes(f.subnet_id)),
      );
      if (!ok) return false;
    } else if (key in item) {
      if (!wanted.some(w => scalar(item[key]).includes(w))) return false;
    }
  }
  return true;
}

/** Neutron returns only the asked `fields` (every field without any). */
function project(item: Record<string, any>, fields: string[]) {
  if (!fields.length) return item;
  return Object.fromEntries(
    Object.entries(item).filter(([k]) => fields.includes(k)),
  );
}

function listing(
  name: string,
  collection: string,
  resource: string,
  policy: string,
  items: (region: FakeOpenStackRegion) => Array<{ id: string }>,
): OpenStackRoute {
  return {
    name,
    pattern: new RegExp(`^/v2\\.0/${collection}$`),
    policy,
    handle(call) {
      const query = call.request.query;
      const filtered = items(call.region).filter(i => matches(i, query));
      // Without `limit` Neutron answers everything in one response.
      const page = pageOf(
        filtered,
        {
          query,
          maxLimit: 100000,
          badMarker: marker => `${resource} ${marker} could not be found.`,
        },
        true,
      );
      const key = collection.replace(/-/g, '_');
      const links = collectionLinks(
        `${call.endpointUrl}/v2.0/${collection}`,
        query,
        page,
        true,
      );
      const fields = query.getAll('fields');
      return jsonResponse(200, {
        [key]: page.items.map(i => project(i, fields)),
        ...(links.length ? { [`${key}_links`]: links } : {}),
      });
    },
  };
}

/** Neutron, networking API v2.0. */
export const networkService: FakeOpenStackService = {
  type: 'network',
  name: 'neutron',
  segment: 'networking',
  endpointSuffix: () => '',
  routes: [
    listing('networks', 'networks', 'Network', 'get_network', r => r.networks),
    listing('subnets', 'subnets', 'Subnet', 'get_subnet', r => r.subnets),
    listing('ports', 'ports', 'Port', 'get_port', r => r.ports),
    listing('routers', 'routers', 'Router', 'get_router', r => r.routers),
    listing(
      'security-groups',
      'security-groups',
      'Security group',
      'get_security_group',
      r => r.securityGroups,
    ),
  ],
};
