import { jsonResponse } from '../../http';
import { collectionLinks, pageOf } from '../paging';
import { FakeOpenStackService } from './types';

/** Cinder, block storage API v3 (the catalog URL ends in `/v3/<project>`). */
export const blockStorageService: FakeOpenStackService = {
  type: 'block-storage',
  name: 'cinder',
  segment: 'volume',
  endpointSuffix: projectId => `/v3/${projectId}`,
  routes: [
    {
      name: 'volumes',
      pattern: /^\/volumes\/detail$/,
      policy: 'volume:get_all',
      handle(call) {
        const page = pageOf(call.region.volumes, {
          query: call.request.query,
          maxLimit: 1000,
          badMarker: marker => `Marker ${marker} could not be found.`,
        });
        const links = collectionLinks(
          `${call.endpointUrl}/volumes/detail`,
          call.request.query,
          page,
        );
        const bookmark = call.endpointUrl.replace(/\/v3\//, '/');
        return jsonResponse(200, {
          volumes: page.items.map(v => ({
            ...v,
            links: [
              { href: `${call.endpointUrl}/volumes/${v.id}`, rel: 'self' },
              { href: `${bookmark}/volumes/${v.id}`, rel: 'bookmark' },
            ],
          })),
          ...(links.length ? { volumes_links: links } : {}),
        });
      },
    },
    {
      name: 'snapshots',
      pattern: /^\/snapshots\/detail$/,
      policy: 'volume:get_all_snapshots',
      handle(call) {
        const page = pageOf(call.region.snapshots, {
          query: call.request.query,
          maxLimit: 1000,
          badMarker: marker => `Marker ${marker} could not be found.`,
        });
        const links = collectionLinks(
          `${call.endpointUrl}/snapshots/detail`,
          call.request.query,
          page,
        );
        return jsonResponse(200, {
          snapshots: page.items,
          ...(links.length ? { snapshots_links: links } : {}),
        });
      },
    },
  ],
};
