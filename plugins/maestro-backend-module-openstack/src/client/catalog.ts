import { DiscoveryProviderError } from '@maestro/plugin-maestro-node';

/** An endpoint of Keystone's service catalog (`token.catalog[].endpoints[]`). */
export interface CatalogEndpoint {
  id?: string;
  interface: string;
  /** Deprecated in Keystone but still sent; `region_id` is the current one. */
  region?: string | null;
  region_id?: string | null;
  url: string;
}

export interface CatalogEntry {
  id?: string;
  type: string;
  name?: string;
  endpoints: CatalogEndpoint[];
}

/** The services Maestro reads, by the official type of the service-types authority. */
export type OpenStackService =
  | 'compute'
  | 'block-storage'
  | 'image'
  | 'network'
  | 'load-balancer';

/**
 * Catalog types each service may be registered under, preferred first:
 * Cinder is still often published as `volumev3` (or `volumev2`).
 */
export const SERVICE_TYPES: Record<OpenStackService, string[]> = {
  compute: ['compute'],
  'block-storage': ['block-storage', 'volumev3', 'volumev2', 'block-store'],
  image: ['image'],
  network: ['network'],
  'load-balancer': ['load-balancer'],
};

/** What users call each service in messages. */
export const SERVICE_LABELS: Record<OpenStackService, string> = {
  compute: 'Nova (compute)',
  'block-storage': 'Cinder (block-storage)',
  image: 'Glance (image)',
  network: 'Neutron (network)',
  'load-balancer': 'Octavia (load-balancer)',
};

const regionOf = (e: CatalogEndpoint) => e.region_id ?? e.region ?? '';

function endpointsOf(
  catalog: CatalogEntry[],
  service: OpenStackService,
  iface: string,
): CatalogEndpoint[] {
  for (const type of SERVICE_TYPES[service]) {
    const entry = catalog.find(c => c.type === type);
    const endpoints = entry?.endpoints.filter(e => e.interface === iface);
    if (endpoints?.length) return endpoints;
  }
  return [];
}

/** The regions where the catalog offers a service on an interface, in catalog order. */
export function catalogRegions(
  catalog: CatalogEntry[],
  service: OpenStackService,
  iface: string,
): string[] {
  return [...new Set(endpointsOf(catalog, service, iface).map(regionOf))];
}

/**
 * The endpoint URL of a service in a region on an interface. A catalog
 * without one is a deployment without the service (or a project that may
 * not see it): the task cannot run there, and says so.
 */
export function selectEndpoint(
  catalog: CatalogEntry[],
  service: OpenStackService,
  region: string,
  iface: string,
): string {
  const endpoint = endpointsOf(catalog, service, iface).find(
    e => regionOf(e) === region,
  );
  if (!endpoint) throw missingEndpoint(service, iface, `region ${region}`);
  return endpoint.url;
}

/** The error of a catalog without a service where a task needs it. */
export function missingEndpoint(
  service: OpenStackService,
  iface: string,
  where: string,
): DiscoveryProviderError {
  return new DiscoveryProviderError({
    kind: 'provider',
    code: 'EndpointNotFound',
    message: `The service catalog has no ${SERVICE_TYPES[service].join(
      ' or ',
    )} endpoint on the ${iface} interface in ${where}`,
  });
}

/**
 * The base every path of a service is written against: Nova's endpoint as
 * published (it carries `/v2.1`), Cinder's with `/v3/<project>` (added when
 * the catalog gives the unversioned root), Glance, Neutron and Octavia
 * without a version (their paths start with `/v2`, `/v2.0`, `/v2`).
 */
export function serviceBaseUrl(
  service: OpenStackService,
  url: string,
  projectId: string,
): string {
  const base = url.replace(/\/+$/, '');
  switch (service) {
    case 'compute':
      return /\/v2(\.1)?(\/|$)/.test(base) ? base : `${base}/v2.1`;
    case 'block-storage':
      return /\/v[23](\/|$)/.test(base) ? base : `${base}/v3/${projectId}`;
    case 'image':
      return base.replace(/\/v2$/, '');
    case 'network':
      return base.replace(/\/v2\.0$/, '');
    case 'load-balancer':
      return base.replace(/\/v2(\.0)?$/, '');
    default:
      return base;
  }
}
