import { EC2Client } from '@aws-sdk/client-ec2';
import {
  DiscoveryInterval,
  DiscoveryTask,
  DiscoveredEntity,
} from '@maestro/plugin-maestro-node';
import {
  connectionRegions,
  ec2Client,
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

/** One paged EC2 listing that a task walks through in every region. */
export interface Ec2Listing<Page> {
  /** The IAM action it needs, e.g. `ec2:DescribeInstances`. */
  permission: string;
  /** The SDK paginator, e.g. paginateDescribeInstances. */
  pages(client: EC2Client): AsyncIterable<Page>;
  translate(page: Page, context: TranslationContext): DiscoveredEntity[];
}

/**
 * A task that lists EC2 resources in every region of the connection, page
 * by page: each page is translated and handed to the engine before the
 * next is fetched, and a region is complete only when its last page of
 * every listing came.
 */
export function ec2Task(opts: {
  name: string;
  description: string;
  listings: Ec2Listing<any>[];
}): DiscoveryTask {
  return {
    name: opts.name,
    description: opts.description,
    defaultInterval: schedulerInterval(opts.name),
    permissions: [
      ...new Set([
        'ec2:DescribeRegions',
        ...opts.listings.map(l => l.permission),
      ]),
    ],
    async run(context) {
      const config = await resolveAwsClientConfig(context.connection);
      const regions = await connectionRegions(context.connection, config);
      for (const region of regions) {
        const client = ec2Client(config, region);
        try {
          for (const listing of opts.listings) {
            let pageNumber = 0;
            try {
              for await (const page of listing.pages(client)) {
                if (context.signal.aborted) return;
                pageNumber++;
                context.progress({ message: `${region}: page ${pageNumber}` });
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
