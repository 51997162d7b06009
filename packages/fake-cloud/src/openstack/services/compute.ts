import { FakeRequest, jsonResponse } from '../../http';
import { OpenStackFault } from '../faults';
import { FakeFlavor, FakeServer } from '../openstackTypes';
import { collectionLinks, pageOf } from '../paging';
import { FakeOpenStackService } from './types';

/** The newest compute microversion the fake claims (Nova 2024.2). */
const MAX_MICROVERSION = '2.96';

/** The microversion asked for in either of Nova's headers (2.1 without). */
export function computeMicroversion(request: FakeRequest): string {
  const modern = String(request.headers['openstack-api-version'] ?? '');
  const legacy = String(request.headers['x-openstack-nova-api-version'] ?? '');
  const asked =
    /(?:^|,)\s*compute\s+(\S+)/.exec(modern)?.[1] ?? (legacy || '2.1');
  if (asked === 'latest') return MAX_MICROVERSION;
  if (!/^2\.\d+$/.test(asked) || atLeast(asked, '2.97')) {
    throw new OpenStackFault(
      406,
      `Version ${asked} is not supported by the API. Minimum is 2.1 and maximum is ${MAX_MICROVERSION}.`,
    );
  }
  return asked;
}

function atLeast(version: string, than: string) {
  return Number(version.split('.')[1]) >= Number(than.split('.')[1]);
}

/** `http://host/.../compute/v2.1` -> `http://host/.../compute` (bookmarks). */
const bookmarkBase = (endpointUrl: string) =>
  endpointUrl.replace(/\/v2(\.1)?$/, '');

function renderServer(
  server: FakeServer,
  endpointUrl: string,
  microversion: string,
) {
  const { flavorId, imageId, tags, description, ...fields } = server;
  const bookmark = bookmarkBase(endpointUrl);
  return {
    ...fields,
    flavor: {
      id: flavorId,
      links: [{ href: `${bookmark}/flavors/${flavorId}`, rel: 'bookmark' }],
    },
    // A server booted from a volume has no image: Nova sends "".
    image: imageId
      ? {
          id: imageId,
          links: [{ href: `${bookmark}/images/${imageId}`, rel: 'bookmark' }],
        }
      : '',
    links: [
      { href: `${endpointUrl}/servers/${server.id}`, rel: 'self' },
      { href: `${bookmark}/servers/${server.id}`, rel: 'bookmark' },
    ],
    ...(atLeast(microversion, '2.19') ? { description } : {}),
    ...(atLeast(microversion, '2.26') ? { tags } : {}),
  };
}

function renderFlavor(flavor: FakeFlavor, endpointUrl: string) {
  return {
    ...flavor,
    links: [
      { href: `${endpointUrl}/flavors/${flavor.id}`, rel: 'self' },
      {
        href: `${bookmarkBase(endpointUrl)}/flavors/${flavor.id}`,
        rel: 'bookmark',
      },
    ],
  };
}

const versionHeaders = (microversion: string) => ({
  'OpenStack-API-Version': `compute ${microversion}`,
  'X-OpenStack-Nova-API-Version': microversion,
  Vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
});

/** Nova, compute API v2.1: servers and flavors in detail. */
export const computeService: FakeOpenStackService = {
  type: 'compute',
  name: 'nova',
  segment: 'compute',
  endpointSuffix: () => '/v2.1',
  routes: [
    {
      name: 'servers',
      pattern: /^\/servers\/detail$/,
      policy: 'os_compute_api:servers:detail',
      handle(call) {
        const microversion = computeMicroversion(call.request);
        const page = pageOf(call.region.servers, {
          query: call.request.query,
          maxLimit: 1000,
          badMarker: marker => `marker [${marker}] not found`,
        });
        const url = `${call.endpointUrl}/servers/detail`;
        const links = collectionLinks(url, call.request.query, page);
        return jsonResponse(
          200,
          {
            servers: page.items.map(s =>
              renderServer(s, call.endpointUrl, microversion),
            ),
            ...(links.length ? { servers_links: links } : {}),
          },
          versionHeaders(microversion),
        );
      },
    },
    {
      // Listing flavors is open to every project member (no policy rule).
      name: 'flavors',
      pattern: /^\/flavors\/detail$/,
      handle(call) {
        const microversion = computeMicroversion(call.request);
        const page = pageOf(call.region.flavors, {
          query: call.request.query,
          maxLimit: 1000,
          badMarker: marker => `marker [${marker}] not found`,
        });
        const url = `${call.endpointUrl}/flavors/detail`;
        const links = collectionLinks(url, call.request.query, page);
        return jsonResponse(
          200,
          {
            flavors: page.items.map(f => renderFlavor(f, call.endpointUrl)),
            ...(links.length ? { flavors_links: links } : {}),
          },
          versionHeaders(microversion),
        );
      },
    },
  ],
};
