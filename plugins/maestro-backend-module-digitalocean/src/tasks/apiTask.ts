import {
  DiscoveredEntity,
  DiscoveryInterval,
  DiscoveryTask,
} from '@maestro/plugin-maestro-node';
import {
  DigitalOceanApiClient,
  DoListing,
  MAX_PER_PAGE,
} from '../api/DigitalOceanApiClient';
import { readSettings } from '../connectionSettings';
import schedulerRules from '../data/schedulerRules.json';

/**
 * The scope of the API tasks: every API v2 list covers the whole account
 * (all regions at once), so only a walk through all its pages is complete.
 */
export const ACCOUNT_SCOPE = 'account';

/** A task's default interval, from Maestro's scheduler rules. */
export function schedulerInterval(task: string): DiscoveryInterval {
  const rule = (schedulerRules as Record<string, DiscoveryInterval>)[task];
  if (!rule) throw new Error(`No scheduler rule for task ${task}`);
  return rule;
}

/** One API list a task walks and how its items become entities. */
export interface ApiTaskListing<T> extends DoListing {
  translate(item: T): DiscoveredEntity;
}

/**
 * A task that walks API v2 lists page by page: each page is translated and
 * handed to the engine before the next is fetched, and the account scope is
 * complete only once the last page of every list came.
 */
export function apiTask(opts: {
  name: string;
  description: string;
  listings: ApiTaskListing<any>[];
}): DiscoveryTask {
  return {
    name: opts.name,
    description: opts.description,
    defaultInterval: schedulerInterval(opts.name),
    permissions: [...new Set(opts.listings.map(l => l.scope))],
    async run(context) {
      const settings = readSettings(context.connection);
      const client = new DigitalOceanApiClient({
        endpoint: settings.endpoint,
        token: settings.token,
        maxAttempts: settings.maxAttempts,
        signal: context.signal,
      });
      let seen = 0;
      for (const listing of opts.listings) {
        for await (const page of client.list(listing)) {
          if (context.signal.aborted) return;
          seen += page.items.length;
          const pages =
            page.total !== undefined
              ? ` of ${Math.max(1, Math.ceil(page.total / MAX_PER_PAGE))}`
              : '';
          context.progress({
            message: `${listing.key}: page ${page.number}${pages}`,
            seen,
          });
          await context.emit(
            ACCOUNT_SCOPE,
            page.items.map(item => listing.translate(item)),
          );
        }
      }
      await context.complete(ACCOUNT_SCOPE);
    },
  };
}
