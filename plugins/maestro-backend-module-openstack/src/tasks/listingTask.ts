import { DiscoveredEntity, DiscoveryTask } from '@maestro/plugin-maestro-node';
import { OpenStackListingApi } from '../client/apis';
import { SERVICE_TYPES } from '../client/catalog';
import { listPages } from '../client/paging';
import { TranslationContext } from '../translate/common';
import { openstackTask } from './openstackTask';

/** One listing of a task and how each of its items becomes an entity. */
export interface OpenStackListing<Item> {
  api: OpenStackListingApi;
  translate(item: Item, context: TranslationContext): DiscoveredEntity;
}

/** How the connection page names a call's permission: service and policy rule. */
export const permissionOf = (api: OpenStackListingApi) =>
  `${SERVICE_TYPES[api.service][0]}: ${api.policy}`;

/**
 * A task made of plain listings of one service, walked one after the
 * other in every region, page by page.
 */
export function listingTask(opts: {
  name: string;
  description: string;
  listings: OpenStackListing<any>[];
}): DiscoveryTask {
  return openstackTask({
    name: opts.name,
    description: opts.description,
    service: opts.listings[0].api.service,
    permissions: opts.listings.map(l => permissionOf(l.api)),
    async *scan({ session, region, translation }) {
      for (const listing of opts.listings) {
        for await (const items of listPages(session, region, listing.api)) {
          yield items.map(item => listing.translate(item, translation));
        }
      }
    },
  });
}
