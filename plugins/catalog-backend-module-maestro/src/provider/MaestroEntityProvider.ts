import {
  AuthService,
  DatabaseService,
  DiscoveryService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import { changesToMutation } from './changesToMutation';
import { readMaestroCatalogConfig } from './config';
import { MaestroChangeFeed } from './MaestroChangeFeed';
import { MaestroCursorStore } from './MaestroCursorStore';
import { CoalescingRunner } from './CoalescingRunner';
import { SharedTargetRefresher } from './SharedTargetRefresher';
import { MAESTRO_CHANGES_TOPIC } from '@maestro/plugin-maestro-common';

const PROVIDER_NAME = 'maestro';
const DEFAULT_PAGE_SIZE = 500;
const DEFAULT_SHARED_TARGET_REFRESH_DELAY_MS = 10_000;

/** Services and settings of a {@link MaestroEntityProvider}. */
export interface MaestroEntityProviderOptions {
  logger: LoggerService;
  discovery: DiscoveryService;
  auth: AuthService;
  /** The catalog's database; holds the feed cursor. */
  database: DatabaseService;
  scheduler: SchedulerService;
  /** Without it, only the schedule triggers pulls. */
  events?: EventsService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Kinds to publish; all when undefined. */
  kinds?: ReadonlySet<string>;
  /** Changes read per request to the feed. */
  pageSize?: number;
  /**
   * How long published entities' shared targets (datacenter, owner, ...)
   * wait before the catalog is asked to process them again; default 10 s.
   */
  sharedTargetRefreshDelayMs?: number;
}

/**
 * Mirrors the Maestro store into the catalog. It reads the store's change
 * feed from where it last stopped and hands each page to the catalog as one
 * delta mutation, so an unchanged record never costs the catalog any work.
 * It pulls when connected, when the store announces a write, and on a
 * schedule as a safety net for missed announcements.
 *
 * @public
 */
export class MaestroEntityProvider implements EntityProvider {
  private readonly options: MaestroEntityProviderOptions;
  private readonly feed: MaestroChangeFeed;
  private readonly runner = new CoalescingRunner(() => this.pull());
  private connection?: EntityProviderConnection;
  private cursorStore?: MaestroCursorStore;
  private sharedTargets?: SharedTargetRefresher;

  static fromConfig(
    config: Config,
    deps: Omit<MaestroEntityProviderOptions, 'schedule' | 'kinds'>,
  ): MaestroEntityProvider {
    const { kinds, schedule } = readMaestroCatalogConfig(config);
    return new MaestroEntityProvider({ ...deps, kinds, schedule });
  }

  constructor(options: MaestroEntityProviderOptions) {
    this.options = options;
    this.feed = new MaestroChangeFeed(options);
  }

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    const { database, events, scheduler, schedule } = this.options;
    this.connection = connection;
    const knex = await database.getClient();
    this.sharedTargets = new SharedTargetRefresher({
      connection,
      knex,
      logger: this.options.logger,
      delayMs:
        this.options.sharedTargetRefreshDelayMs ??
        DEFAULT_SHARED_TARGET_REFRESH_DELAY_MS,
    });
    this.cursorStore = await MaestroCursorStore.create({
      knex,
      providerName: PROVIDER_NAME,
    });

    await events?.subscribe({
      id: `${PROVIDER_NAME}-entity-provider`,
      topics: [MAESTRO_CHANGES_TOPIC],
      onEvent: () => this.refresh(),
    });
    // A global task: with several replicas, one of them pulls per period.
    await scheduler.scheduleTask({
      id: `${PROVIDER_NAME}-entity-provider:refresh`,
      ...schedule,
      fn: () => this.refresh(),
    });
    // Not awaited: the catalog's start must not wait for the Maestro backend.
    void this.refresh();
  }

  /**
   * Pulls every change not yet applied. Concurrent calls share one pull
   * (with one more round if asked for during it). Never throws: a failed
   * pull is logged and the next one starts from the same cursor.
   */
  refresh(): Promise<void> {
    return this.runner.run();
  }

  private async pull(): Promise<void> {
    const { connection, cursorStore } = this;
    const { logger, kinds, pageSize = DEFAULT_PAGE_SIZE } = this.options;
    if (!connection || !cursorStore) {
      throw new Error('MaestroEntityProvider is not connected');
    }

    let published = 0;
    let removed = 0;
    try {
      let cursor = await cursorStore.read();
      for (;;) {
        const page = await this.feed.readPage(cursor, pageSize);
        const delta = changesToMutation(page.items, { kinds });
        for (const skipped of delta.skipped) {
          logger.warn(
            `Maestro change ${skipped.seq} of ${skipped.entityRef} not published: ${skipped.reason}`,
          );
        }
        if (delta.added.length > 0 || delta.removed.length > 0) {
          await connection.applyMutation({
            type: 'delta',
            added: delta.added,
            removed: delta.removed,
          });
          await this.sharedTargets?.published(
            delta.added.map(d => d.entity),
            delta.removed.map(r => r.entityRef),
          );
          published += delta.added.length;
          removed += delta.removed.length;
        }
        // Only now: had the mutation failed, the page would be read again.
        if (page.cursor > cursor) {
          await cursorStore.advance(page.cursor);
        } else if (page.more) {
          logger.warn(
            `Maestro change feed did not move past ${cursor} although it has more; stopping this pull`,
          );
          return;
        }
        cursor = page.cursor;
        if (!page.more) {
          break;
        }
      }
      if (published > 0 || removed > 0) {
        logger.info(
          `Mirrored Maestro changes up to ${cursor}: ${published} published, ${removed} removed`,
        );
      }
    } catch (error) {
      if ((error as Error)?.name === 'MaestroUnreachableError') {
        logger.debug(
          `Maestro is not reachable yet, will retry: ${stringifyError(error)}`,
        );
      } else {
        logger.warn(
          `Mirroring Maestro changes failed, will retry: ${stringifyError(
            error,
          )}`,
        );
      }
    }
  }
}
