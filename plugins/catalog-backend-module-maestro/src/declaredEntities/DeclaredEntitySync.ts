import {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { MAESTRO_KINDS } from '@maestro/plugin-maestro-common';
import { maestroLocationOf } from '../provider/changesToMutation';
import { readDeclaredEntitiesConfig } from './config';
import { MaestroCatalogEntitiesClient } from './MaestroCatalogEntitiesClient';

type CatalogQuery = NonNullable<
  NonNullable<Parameters<CatalogService['streamEntities']>[0]>['query']
>;

/** Entities per listing page and per request to Maestro. */
const PAGE_SIZE = 500;
const MAESTRO_PREFIX = maestroLocationOf('');

/** What one sync changed. */
export interface DeclaredEntitySyncResult {
  listed: number;
  stored: number;
  removed: number;
}

export interface DeclaredEntitySyncOptions {
  catalog: CatalogService;
  maestro: MaestroCatalogEntitiesClient;
  auth: AuthService;
  logger: LoggerService;
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  pageSize?: number;
}

/**
 * The catalog entities of Maestro's kinds that Maestro did not publish
 * (declared in catalog-info.yaml files, brought by organisation providers),
 * and that are not orphans of a removed location. Maestro's own records are
 * left out here already: copying them back would loop.
 */
export const DECLARED_ENTITIES_QUERY: CatalogQuery = {
  $all: [
    { kind: { $in: MAESTRO_KINDS.map(k => k.kind) } },
    {
      $not: {
        'metadata.annotations.backstage.io/managed-by-location': {
          $hasPrefix: MAESTRO_PREFIX,
        },
      },
    },
    { $not: { 'metadata.annotations.backstage.io/orphan': 'true' } },
  ],
};

function isMaestroPublished(entity: Entity) {
  const location =
    entity.metadata.annotations?.['backstage.io/managed-by-location'];
  return typeof location === 'string' && location.startsWith(MAESTRO_PREFIX);
}

/**
 * Keeps Maestro's copy of the catalog-declared entities the same as the
 * catalog, so that Maestro's reports cover them. Each run lists those
 * entities (kind, name and etag only), sends Maestro the ones whose etag it
 * does not have, and, once the whole listing came through, tells it which
 * entities are gone. A listing that fails part way removes nothing.
 *
 * @public
 */
export class DeclaredEntitySync {
  /** The sync as configured, or none when `enabled` is false. */
  static fromConfig(
    config: Config,
    deps: {
      catalog: CatalogService;
      auth: AuthService;
      discovery: DiscoveryService;
      logger: LoggerService;
      scheduler: SchedulerService;
    },
  ): DeclaredEntitySync | undefined {
    const { enabled, schedule } = readDeclaredEntitiesConfig(config);
    if (!enabled) return undefined;
    return new DeclaredEntitySync({
      ...deps,
      schedule,
      maestro: new MaestroCatalogEntitiesClient(deps),
    });
  }

  constructor(private readonly options: DeclaredEntitySyncOptions) {}

  /** Schedules the sync; with several replicas one of them runs it per period. */
  async start() {
    const { scheduler, schedule } = this.options;
    await scheduler.scheduleTask({
      id: 'maestro-declared-entities:sync',
      ...schedule,
      fn: () => this.runLogged(),
    });
  }

  /** One sync; failures are logged, and the next run starts over. */
  async runLogged(): Promise<void> {
    const { logger } = this.options;
    try {
      const { listed, stored, removed } = await this.run();
      if (stored || removed) {
        logger.info(
          `Copied catalog-declared entities to Maestro: ${stored} stored, ${removed} removed, ${listed} listed`,
        );
      }
    } catch (error) {
      const message = `Copying catalog-declared entities to Maestro failed, will retry: ${stringifyError(
        error,
      )}`;
      if ((error as Error)?.name === 'MaestroUnreachableError')
        logger.debug(message);
      else logger.warn(message);
    }
  }

  async run(): Promise<DeclaredEntitySyncResult> {
    const { catalog, maestro, auth, pageSize = PAGE_SIZE } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const copied = new Map(
      (await maestro.list()).map(c => [c.entityRef, c.etag]),
    );
    const seen = new Set<string>();
    let stored = 0;
    for await (const page of catalog.streamEntities(
      {
        query: DECLARED_ENTITIES_QUERY,
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.etag',
        ],
        pageSize,
      },
      { credentials },
    )) {
      const stale: string[] = [];
      for (const entity of page) {
        const ref = stringifyEntityRef(entity);
        seen.add(ref);
        if (copied.get(ref) !== entity.metadata.etag) stale.push(ref);
      }
      if (!stale.length) continue;
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: stale },
        { credentials },
      );
      // Changed between the listing and now: the next run sees it anew.
      const entities = items.filter(
        (e): e is Entity => !!e && !isMaestroPublished(e),
      );
      if (entities.length) stored += (await maestro.write(entities)).stored;
    }
    // Only now that every page came through can absence mean removal.
    const gone = [...copied.keys()].filter(ref => !seen.has(ref));
    let removed = 0;
    for (let i = 0; i < gone.length; i += pageSize) {
      removed += await maestro.remove(gone.slice(i, i + pageSize));
    }
    return { listed: seen.size, stored, removed };
  }
}
