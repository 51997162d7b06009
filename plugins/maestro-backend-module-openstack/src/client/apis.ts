import { OpenStackService } from './catalog';

/**
 * A paged listing of a service: where it is, the key of its items in the
 * body, how it pages, and the policy rule the credentials need for it.
 */
export interface OpenStackListingApi {
  service: OpenStackService;
  /** Below the service's base URL (see serviceBaseUrl). */
  path: string;
  /** The body's key of the items; `<key>_links` holds the next page. */
  key: string;
  /** `links`: `<key>_links` rel next (Nova, Cinder, Neutron, Octavia); `next`: Glance's relative `next`. */
  paging: 'links' | 'next';
  /** Items per page asked for with `limit`. */
  pageSize: number;
  /** The policy rule of the call, named when a 403 does not say. */
  policy: string;
  headers?: Record<string, string>;
}

/**
 * Compute microversion 2.26 adds server tags to the bodies; clouds since
 * Newton (2016) serve it, and the header works on all of them.
 */
const NOVA_TAGS = { 'X-OpenStack-Nova-API-Version': '2.26' };

export const NOVA_SERVERS: OpenStackListingApi = {
  service: 'compute',
  path: '/servers/detail',
  key: 'servers',
  paging: 'links',
  pageSize: 100,
  policy: 'os_compute_api:servers:detail',
  headers: NOVA_TAGS,
};

export const NOVA_FLAVORS: OpenStackListingApi = {
  service: 'compute',
  path: '/flavors/detail',
  key: 'flavors',
  paging: 'links',
  pageSize: 200,
  // Nova guards flavor listing with no rule; named for the message only.
  policy: 'GET /flavors/detail (open to project members)',
};

export const CINDER_VOLUMES: OpenStackListingApi = {
  service: 'block-storage',
  path: '/volumes/detail',
  key: 'volumes',
  paging: 'links',
  pageSize: 200,
  policy: 'volume:get_all',
};

export const CINDER_SNAPSHOTS: OpenStackListingApi = {
  service: 'block-storage',
  path: '/snapshots/detail',
  key: 'snapshots',
  paging: 'links',
  pageSize: 500,
  policy: 'volume:get_all_snapshots',
};

export const GLANCE_IMAGES: OpenStackListingApi = {
  service: 'image',
  path: '/v2/images',
  key: 'images',
  paging: 'next',
  pageSize: 200,
  policy: 'get_images',
};

const neutron = (
  collection: string,
  policy: string,
  pageSize = 500,
): OpenStackListingApi => ({
  service: 'network',
  path: `/v2.0/${collection}`,
  key: collection.replace(/-/g, '_'),
  paging: 'links',
  pageSize,
  policy,
});

export const NEUTRON_NETWORKS = neutron('networks', 'get_network');
export const NEUTRON_SUBNETS = neutron('subnets', 'get_subnet');
export const NEUTRON_PORTS = neutron('ports', 'get_port');
export const NEUTRON_ROUTERS = neutron('routers', 'get_router');
export const NEUTRON_SECURITY_GROUPS = neutron(
  'security-groups',
  'get_security_group',
  200,
);

export const OCTAVIA_LOAD_BALANCERS: OpenStackListingApi = {
  service: 'load-balancer',
  path: '/v2/lbaas/loadbalancers',
  key: 'loadbalancers',
  paging: 'links',
  pageSize: 100,
  policy: 'os_load-balancer_api:loadbalancer:get_all',
};

/** Members of one pool (the path takes the pool id). */
export const octaviaMembers = (poolId: string): OpenStackListingApi => ({
  service: 'load-balancer',
  path: `/v2/lbaas/pools/${encodeURIComponent(poolId)}/members`,
  key: 'members',
  paging: 'links',
  pageSize: 500,
  policy: 'os_load-balancer_api:member:get_all',
});

/** Ports looked up by device or address while listing servers and load balancers. */
export const NEUTRON_PORTS_LOOKUP = neutron('ports', 'get_port', 1000);
