import { DiscoveryProviderError } from '@maestro/plugin-maestro-node';
import { SERVICE_LABELS } from './catalog';
import { OpenStackListingApi } from './apis';
import { OpenStackSession } from './OpenStackSession';

/** Query parameters of a listing; an array repeats the parameter ("any of"). */
export type ListingParams = Record<string, string | string[]>;

function queryOf(params: ListingParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value])
      query.append(key, v);
  }
  return query;
}

/** The query of the next page, from `<key>_links` or Glance's `next`. */
function nextQuery(api: OpenStackListingApi, body: any): string | undefined {
  const href: unknown =
    api.paging === 'next'
      ? body.next
      : (body[`${api.key}_links`] ?? []).find((l: any) => l?.rel === 'next')
          ?.href;
  if (typeof href !== 'string' || !href) return undefined;
  return new URL(href, 'http://relative.invalid').search.replace(/^\?/, '');
}

/**
 * Walks a listing page by page with `limit` and `marker`. The next page
 * is asked on the catalog's endpoint with the query of the service's next
 * link: services write those links with the host they think they have,
 * which behind a proxy is often not the one the catalog publishes.
 */
export async function* listPages<T = any>(
  session: OpenStackSession,
  region: string,
  api: OpenStackListingApi,
  params: ListingParams = {},
): AsyncGenerator<T[]> {
  const base = `${await session.endpoint(api.service, region)}${api.path}`;
  let query = queryOf({ limit: String(api.pageSize), ...params }).toString();
  const seen = new Set<string>();
  for (;;) {
    seen.add(query);
    const body = await session.getJson(`${base}?${query}`, api);
    const items = body?.[api.key];
    if (!Array.isArray(items)) {
      throw new DiscoveryProviderError({
        kind: 'provider',
        code: 'BadResponse',
        message: `${SERVICE_LABELS[api.service]} answered ${
          api.path
        } without a "${api.key}" list`,
      });
    }
    if (items.length) yield items as T[];
    const next = nextQuery(api, body);
    // An empty page ends a listing whatever its links say (Nova links to
    // an empty page after a full one).
    if (!next || !items.length) return;
    if (seen.has(next)) {
      throw new DiscoveryProviderError({
        kind: 'provider',
        code: 'PagingLoop',
        message: `${SERVICE_LABELS[api.service]} ${
          api.path
        } links back to a page already read`,
      });
    }
    query = next;
  }
}

/** Every item of a listing (for lookups a task needs whole, e.g. flavors). */
export async function listAll<T = any>(
  session: OpenStackSession,
  region: string,
  api: OpenStackListingApi,
  params: ListingParams = {},
): Promise<T[]> {
  const all: T[] = [];
  for await (const page of listPages<T>(session, region, api, params)) {
    all.push(...page);
  }
  return all;
}
