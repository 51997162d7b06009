import { OpenStackFault } from './faults';

export interface PageRequest {
  query: URLSearchParams;
  /** Largest page the service serves (its `*_max_limit`). */
  maxLimit: number;
  /** Page size without `limit`: the max for Nova/Cinder/Octavia, 25 for Glance, all for Neutron. */
  defaultLimit?: number;
  /** What the service says about an unknown marker. */
  badMarker: (marker: string) => string;
}

export interface Page<T> {
  items: T[];
  /** The marker of the next page's link, when the service gives one. */
  nextMarker?: string;
}

function readLimit(query: URLSearchParams): number | undefined {
  const raw = query.get('limit');
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) {
    throw new OpenStackFault(400, `limit param must be an integer`);
  }
  return Number(raw);
}

/**
 * One page of a listing by `limit` and `marker` (the id of the last item
 * of the previous page). Like Nova, Cinder, Glance and Octavia, a full page
 * gets a next link even when nothing follows (the last page is then
 * empty); `exactNext` gives Neutron's behaviour, a next link only when more
 * items exist.
 */
export function pageOf<T extends { id: string }>(
  all: T[],
  request: PageRequest,
  exactNext = false,
): Page<T> {
  const asked = readLimit(request.query);
  const limit = Math.min(
    asked ?? request.defaultLimit ?? request.maxLimit,
    request.maxLimit,
  );
  const marker = request.query.get('marker');
  let start = 0;
  if (marker) {
    const index = all.findIndex(item => item.id === marker);
    if (index < 0) throw new OpenStackFault(400, request.badMarker(marker));
    start = index + 1;
  }
  const items = all.slice(start, start + limit);
  const full = items.length > 0 && items.length === limit;
  const more = start + limit < all.length;
  const hasNext = exactNext ? more : full;
  return {
    items,
    nextMarker: hasNext ? items[items.length - 1].id : undefined,
  };
}

/** The query of the next page: the request's own, with the new marker. */
export function nextQuery(query: URLSearchParams, marker: string): string {
  const next = new URLSearchParams(query);
  next.set('marker', marker);
  return next.toString();
}

/**
 * `*_links` as Nova, Cinder, Neutron and Octavia write them: absolute hrefs
 * on the URL the client called. Neutron adds a `previous` link after the
 * first page.
 */
export function collectionLinks(
  url: string,
  query: URLSearchParams,
  page: Page<{ id: string }>,
  withPrevious = false,
): Array<{ href: string; rel: string }> {
  const links: Array<{ href: string; rel: string }> = [];
  if (page.nextMarker) {
    links.push({
      href: `${url}?${nextQuery(query, page.nextMarker)}`,
      rel: 'next',
    });
  }
  if (withPrevious && query.get('marker') && page.items.length) {
    const previous = new URLSearchParams(query);
    previous.set('marker', page.items[0].id);
    previous.set('page_reverse', 'True');
    links.push({ href: `${url}?${previous.toString()}`, rel: 'previous' });
  }
  return links;
}
