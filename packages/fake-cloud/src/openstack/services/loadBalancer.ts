import { jsonResponse } from '../../http';
import { OpenStackFault } from '../faults';
import { collectionLinks, pageOf } from '../paging';
import { FakeOpenStackService } from './types';

const notFound = (marker: string) => `Marker ${marker} not found.`;

/** Octavia, load-balancer API v2 (also under its old `/v2.0` prefix). */
export const loadBalancerService: FakeOpenStackService = {
  type: 'load-balancer',
  name: 'octavia',
  segment: 'load-balancer',
  endpointSuffix: () => '',
  routes: [
    {
      name: 'loadbalancers',
      pattern: /^\/v2(?:\.0)?\/lbaas\/loadbalancers$/,
      policy: 'os_load-balancer_api:loadbalancer:get_all',
      handle(call) {
        const page = pageOf(call.region.loadBalancers, {
          query: call.request.query,
          maxLimit: 1000,
          badMarker: notFound,
        });
        const links = collectionLinks(
          `${call.endpointUrl}${call.path}`,
          call.request.query,
          page,
        );
        return jsonResponse(200, {
          loadbalancers: page.items,
          loadbalancers_links: links,
        });
      },
    },
    {
      name: 'members',
      pattern: /^\/v2(?:\.0)?\/lbaas\/pools\/([^/]+)\/members$/,
      policy: 'os_load-balancer_api:member:get_all',
      handle(call, match) {
        const pool = call.region.pools.find(p => p.id === match[1]);
        if (!pool) throw new OpenStackFault(404, `Pool ${match[1]} not found.`);
        const page = pageOf(pool.members, {
          query: call.request.query,
          maxLimit: 1000,
          badMarker: notFound,
        });
        const links = collectionLinks(
          `${call.endpointUrl}${call.path}`,
          call.request.query,
          page,
        );
        return jsonResponse(200, { members: page.items, members_links: links });
      },
    },
  ],
};
