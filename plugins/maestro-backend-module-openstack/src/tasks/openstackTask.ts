import {
  DiscoveredEntity,
  DiscoveryInterval,
  DiscoveryTask,
  DiscoveryTaskContext,
} from '@maestro/plugin-maestro-node';
import { OpenStackService } from '../client/catalog';
import { OpenStackSession } from '../client/OpenStackSession';
import { readOpenStackSettings } from '../openstackSettings';
import { TranslationContext } from '../translate/common';
import schedulerRules from '../data/schedulerRules.json';

/** A task's default interval, from Maestro's scheduler rules. */
export function schedulerInterval(task: string): DiscoveryInterval {
  const rule = (schedulerRules as Record<string, DiscoveryInterval>)[task];
  if (!rule) throw new Error(`No scheduler rule for task ${task}`);
  return rule;
}

/** What a task's scan of one region works with. */
export interface RegionScan {
  session: OpenStackSession;
  region: string;
  translation: TranslationContext;
}

/**
 * A task that scans every region of the connection that offers its
 * service: `scan` yields translated pages, each handed to the engine
 * before the next is fetched, and a region is complete only when its scan
 * went through to the end. A failure stops the run with that region (and
 * those after it) incomplete, so nothing there is taken for gone.
 */
export function openstackTask(opts: {
  name: string;
  description: string;
  /** The service whose catalog regions the task scans. */
  service: OpenStackService;
  /** Policy rules the credentials need, as the connection page lists them. */
  permissions: string[];
  scan(scan: RegionScan): AsyncIterable<DiscoveredEntity[]>;
}): DiscoveryTask {
  return {
    name: opts.name,
    description: opts.description,
    defaultInterval: schedulerInterval(opts.name),
    permissions: opts.permissions,
    async run(context: DiscoveryTaskContext) {
      const session = new OpenStackSession(
        readOpenStackSettings(context.connection),
        { signal: context.signal },
      );
      const regions = await session.regions(opts.service);
      for (const region of regions) {
        const translation = { region, cloudKey: session.cloudKey(region) };
        let pages = 0;
        let seen = 0;
        for await (const entities of opts.scan({
          session,
          region,
          translation,
        })) {
          if (context.signal.aborted) return;
          pages++;
          seen += entities.length;
          context.progress({ message: `${region}: page ${pages}`, seen });
          await context.emit(region, entities);
        }
        await context.complete(region);
      }
    },
  };
}
