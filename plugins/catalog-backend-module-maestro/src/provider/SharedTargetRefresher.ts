import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import {
  sharedTargetRefreshKey,
  sharedTargetRefsOf,
} from '../processor/SharedTargetRelations';

/**
 * Asks the catalog to process again the shared entities (datacenters,
 * owners, images, flavors, networks) that published entities point at, so
 * that each gathers its new members. The request waits a little and covers
 * every page published meanwhile: the members are then processed first, as
 * they were queued first, and a shared entity is processed once for many of
 * its members.
 */
export class SharedTargetRefresher {
  private readonly pending = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly options: {
      connection: EntityProviderConnection;
      logger: LoggerService;
      delayMs: number;
    },
  ) {}

  /** Notes the shared targets of entities just published. */
  published(entities: Iterable<Entity>): void {
    for (const entity of entities) {
      for (const ref of sharedTargetRefsOf(entity)) {
        this.pending.add(ref);
      }
    }
    if (this.pending.size > 0 && !this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.delayMs);
      // A pending refresh must not keep a stopping backend alive.
      this.timer.unref();
    }
  }

  /** Sends the pending refresh now; never throws. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) {
      return;
    }
    const keys = [...this.pending].map(sharedTargetRefreshKey);
    this.pending.clear();
    try {
      await this.options.connection.refresh({ keys });
    } catch (error) {
      // The catalog's processing interval catches them up in any case.
      this.options.logger.warn(
        `Refreshing ${keys.length} shared entities failed: ${stringifyError(
          error,
        )}`,
      );
    }
  }
}
