import { FakeRequest } from '../http';
import { DoAccountData } from './doData';

/** The fake's mount point in the fake cloud; paging links point back at it. */
export const DO_PREFIX = '/digitalocean';

/** Default and largest page sizes of the API v2. */
export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 200;

/** An API v2 error: status, `id` and `message` as the API reference shows them. */
export class DoApiError extends Error {
  constructor(readonly status: number, readonly id: string, message: string) {
    super(message);
  }
}

/** A listable collection of the API v2: its response key and the token scope it takes. */
export interface DoCollection {
  key: string;
  scope: string;
  items(data: DoAccountData, query: URLSearchParams): unknown[];
}

export const DO_COLLECTIONS: Record<string, DoCollection> = {
  '/v2/droplets': {
    key: 'droplets',
    scope: 'droplet:read',
    items: (d, q) =>
      q.get('tag_name')
        ? d.droplets.filter(x => x.tags.includes(q.get('tag_name')!))
        : d.droplets,
  },
  '/v2/load_balancers': {
    key: 'load_balancers',
    scope: 'load_balancer:read',
    items: d => d.loadBalancers,
  },
  '/v2/volumes': {
    key: 'volumes',
    scope: 'block_storage:read',
    items: (d, q) =>
      q.get('region')
        ? d.volumes.filter(v => v.region.slug === q.get('region'))
        : d.volumes,
  },
  '/v2/snapshots': {
    key: 'snapshots',
    scope: 'snapshot:read',
    items: (d, q) =>
      q.get('resource_type')
        ? d.snapshots.filter(s => s.resource_type === q.get('resource_type'))
        : d.snapshots,
  },
  '/v2/cdn/endpoints': {
    key: 'endpoints',
    scope: 'cdn:read',
    items: d => d.cdnEndpoints,
  },
  '/v2/kubernetes/clusters': {
    key: 'kubernetes_clusters',
    scope: 'kubernetes:read',
    items: d => d.clusters,
  },
  '/v2/images': {
    key: 'images',
    scope: 'image:read',
    items: (d, q) => {
      const own =
        q.get('private') === 'true'
          ? d.images.filter(i => !i.public)
          : d.images;
      const type = q.get('type');
      if (type === 'distribution')
        return own.filter(i => i.public && i.type === 'base');
      // The fake account has no 1-Click application images.
      return type === 'application' ? [] : own;
    },
  },
  '/v2/firewalls': {
    key: 'firewalls',
    scope: 'firewall:read',
    items: d => d.firewalls,
  },
};

function positiveInt(value: string | null, fallback: number) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Where the fake is served as the client reached it, e.g.
 * `http://127.0.0.1:4567/digitalocean`: the fake cloud's own base URL when
 * it gives one, else the request's Host header.
 */
export function servedAt(request: FakeRequest) {
  if (request.baseUrl) return request.baseUrl.replace(/\/+$/, '');
  const proto = request.headers['x-forwarded-proto'] ?? 'http';
  return `${proto}://${request.headers.host ?? '127.0.0.1'}${DO_PREFIX}`;
}

/**
 * One page of a collection, with `links.pages` (absolute URLs back at the
 * fake, the request's other parameters kept) and `meta.total`, as the API
 * v2 pages lists: `first`/`prev` past the first page, `next`/`last` before
 * the last, no `pages` at all when everything fits in one.
 */
export function listPage(
  request: FakeRequest,
  collection: DoCollection,
  data: DoAccountData,
) {
  const all = collection.items(data, request.query);
  const perPage = Math.min(
    positiveInt(request.query.get('per_page'), DEFAULT_PER_PAGE),
    MAX_PER_PAGE,
  );
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const page = positiveInt(request.query.get('page'), 1);
  const link = (n: number) => {
    const query = new URLSearchParams(request.query);
    query.set('page', String(n));
    query.set('per_page', String(perPage));
    return `${servedAt(request)}${request.path}?${query}`;
  };
  const pages: Record<string, string> = {};
  if (page > 1) {
    pages.first = link(1);
    pages.prev = link(Math.min(page - 1, last));
  }
  if (page < last) {
    pages.next = link(page + 1);
    pages.last = link(last);
  }
  return {
    [collection.key]: all.slice((page - 1) * perPage, page * perPage),
    links: Object.keys(pages).length ? { pages } : {},
    meta: { total: all.length },
  };
}
