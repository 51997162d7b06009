import {
  DiscoveryInterval,
  DiscoveryTask,
  DiscoveredEntity,
} from '@maestro/plugin-maestro-node';
import {
  AwsClientConfig,
  connectionRegions,
  resolveAwsClientConfig,
  toProviderError,
} from '../awsClients';
import { TranslationContext } from '../translate/common';
import schedulerRules from '../data/schedulerRules.json';

/** A task's default interval, from Maestro's scheduler rules. */
export function schedulerInterval(task: string): DiscoveryInterval {
  const rule = (schedulerRules as Record<string, DiscoveryInterval>)[task];
  if (!rule) throw new Error(`No scheduler rule for task ${task}`);
  return rule;
}

/** One paged listing that a task walks through in every region. */
export interface RegionalListing<Client, Page> {
  /** The IAM action of the listing call, e.g. `rds:DescribeDBInstances`. */
  permission: string;
  /**
   * Actions of the calls made for each page (tags, target groups...).
   * Their failures name their own action (see {@link withPermission}).
   */
  alsoNeeds?: string[];
  /**
   * The pages, usually an SDK paginator. The next page must be fetched
   * only when the previous one was handed over.
   */
  pages(client: Client): AsyncIterable<Page>;
  translate(page: Page, context: TranslationContext): DiscoveredEntity[];
}

/** A client of a region; destroyed once the region is done. */
export interface RegionalClient {
  destroy(): void;
}

/**
 * Runs a call made for a page, so that its failure names its own
 * permission rather than the listing's.
 */
export async function withPermission<T>(
  permission: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toProviderError(error, permission);
  }
}

/**
 * A task that lists resources in every region of the connection, page by
 * page: each page is translated and handed to the engine before the next
 * is fetched, and a region is complete only when the last page of every
 * listing came.
 */
export function regionalTask<Client extends RegionalClient>(opts: {
  name: string;
  description: string;
  /** The SDK client (or clients) of one region. */
  client(config: AwsClientConfig, region: string): Client | Promise<Client>;
  listings: RegionalListing<Client, any>[];
}): DiscoveryTask {
  return {
    name: opts.name,
    description: opts.description,
    defaultInterval: schedulerInterval(opts.name),
    permissions: [
      ...new Set([
        'ec2:DescribeRegions',
        ...opts.listings.flatMap(l => [l.permission, ...(l.alsoNeeds ?? [])]),
      ]),
    ],
    async run(context) {
      const config = await resolveAwsClientConfig(context.connection);
      const regions = await connectionRegions(context.connection, config);
      for (const region of regions) {
        const client = await opts.client(config, region);
        try {
          for (const listing of opts.listings) {
            const action = listing.permission.split(':')[1];
            let pageNumber = 0;
            try {
              for await (const page of listing.pages(client)) {
                if (context.signal.aborted) return;
                pageNumber++;
                context.progress({
                  message: `${region}: ${action} page ${pageNumber}`,
                });
                await context.emit(region, listing.translate(page, { region }));
              }
            } catch (error) {
              throw toProviderError(error, listing.permission);
            }
          }
          await context.complete(region);
        } finally {
          client.destroy();
        }
      }
    },
  };
}
