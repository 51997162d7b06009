import { jsonResponse } from '../../http';
import { pageOf } from '../paging';
import { FakeOpenStackService } from './types';

/**
 * Glance, image API v2. Its paging differs from the other services: 25
 * images without `limit`, and `next` is a path relative to the endpoint
 * (`/v2/images?marker=...`), not a `*_links` entry.
 */
export const imageService: FakeOpenStackService = {
  type: 'image',
  name: 'glance',
  segment: 'image',
  endpointSuffix: () => '',
  routes: [
    {
      name: 'images',
      pattern: /^\/v2\/images$/,
      policy: 'get_images',
      handle(call) {
        const query = call.request.query;
        const page = pageOf(call.region.images, {
          query,
          maxLimit: 1000,
          defaultLimit: 25,
          badMarker: marker =>
            `Invalid marker. Image ${marker} could not be found.`,
        });
        const params = new URLSearchParams(query);
        params.delete('marker');
        const first = params.toString();
        let next: string | undefined;
        if (page.nextMarker) {
          params.set('marker', page.nextMarker);
          next = `/v2/images?${params.toString()}`;
        }
        return jsonResponse(200, {
          images: page.items.map(i => ({
            ...i,
            self: `/v2/images/${i.id}`,
            file: `/v2/images/${i.id}/file`,
            schema: '/v2/schemas/image',
          })),
          first: first ? `/v2/images?${first}` : '/v2/images',
          schema: '/v2/schemas/images',
          ...(next ? { next } : {}),
        });
      },
    },
  ],
};
