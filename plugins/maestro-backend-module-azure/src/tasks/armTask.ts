import {
  DiscoveredEntity,
  DiscoveryInterval,
  DiscoveryTask,
  DiscoveryTaskContext,
} from '@maestro/plugin-maestro-node';
import { AzureClients, azureClients } from '../azureClients';
import { toProviderError } from '../azureErrors';
import { SubscriptionScopes } from '../scopes';
import schedulerRules from '../data/schedulerRules.json';

/** A task's default interval, from Maestro's scheduler rules. */
export function schedulerInterval(task: string): DiscoveryInterval {
  const rule = (schedulerRules as Record<string, DiscoveryInterval>)[task];
  if (!rule) throw new Error(`No scheduler rule for task ${task}`);
  return rule;
}

/**
 * Walks an ARM listing page by page (`byPage()` follows `nextLink`),
 * handing each page over before the next is asked for. Returns false when
 * the run was aborted on the way.
 */
export async function forEachPage<T>(
  pages: AsyncIterable<T[]>,
  permission: string,
  signal: AbortSignal,
  onPage: (items: T[], page: number) => Promise<void> | void,
): Promise<boolean> {
  const iterator = pages[Symbol.asyncIterator]();
  for (let page = 1; ; page++) {
    if (signal.aborted) return false;
    let next: IteratorResult<T[]>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw toProviderError(error, permission);
    }
    if (next.done) return true;
    await onPage(next.value, page);
  }
}

/** An ARM resource as every listing returns it. */
export type ArmResource = { id?: string; location?: string };

/** One subscription-wide paged listing of a task. */
export interface ArmListing<T extends ArmResource, L> {
  /** The Azure action it needs, e.g. `Microsoft.Compute/disks/read`. */
  permission: string;
  /** What it lists, for progress, e.g. `managed disks`. */
  label: string;
  /** The SDK's pages, e.g. `clients.compute.disks.list().byPage()`. */
  pages(clients: AzureClients): AsyncIterable<T[]>;
  translate(resource: T, lookups: L): DiscoveredEntity[];
}

/** Listings read before the task's own, to complete what those lack. */
export interface ArmLookups<L> {
  permissions: string[];
  gather(
    clients: AzureClients,
    context: DiscoveryTaskContext,
    scopes: SubscriptionScopes,
  ): Promise<L>;
}

/**
 * A task that walks subscription-wide ARM listings page by page: each page
 * is translated and emitted, scope by scope, before the next is fetched,
 * and the scopes are completed only after the last page of every listing
 * came. A failure or an abort leaves every scope incomplete.
 */
export function armTask<L = undefined>(opts: {
  name: string;
  description: string;
  lookups?: ArmLookups<L>;
  listings: ArmListing<any, L>[];
}): DiscoveryTask {
  return {
    name: opts.name,
    description: opts.description,
    defaultInterval: schedulerInterval(opts.name),
    permissions: [
      ...new Set([
        ...(opts.lookups?.permissions ?? []),
        ...opts.listings.map(l => l.permission),
      ]),
    ],
    async run(context) {
      const clients = azureClients(context.connection);
      const scopes = SubscriptionScopes.of(context.connection);
      const lookups = opts.lookups
        ? await opts.lookups.gather(clients, context, scopes)
        : (undefined as L);
      for (const listing of opts.listings) {
        const walked = await forEachPage(
          listing.pages(clients),
          listing.permission,
          context.signal,
          async (resources, page) => {
            context.progress({ message: `${listing.label}: page ${page}` });
            const byScope = new Map<string, DiscoveredEntity[]>();
            for (const resource of resources as ArmResource[]) {
              const scope = resource.id
                ? scopes.of(resource.id, resource.location)
                : undefined;
              if (!scope) continue;
              const entities = listing.translate(resource, lookups);
              byScope.set(scope, [...(byScope.get(scope) ?? []), ...entities]);
            }
            for (const [scope, entities] of byScope) {
              await context.emit(scope, entities);
            }
          },
        );
        if (!walked) return;
      }
      if (context.signal.aborted) return;
      for (const scope of scopes.all()) await context.complete(scope);
    },
  };
}
