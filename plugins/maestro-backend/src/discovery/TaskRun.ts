import { MaestroAccessEntry } from '@maestro/plugin-maestro-common';
import { Entity } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DiscoveryConnection,
  DiscoveryConnectionState,
  DiscoveryProgress,
  DiscoveryProviderError,
  DiscoveryTask,
  DiscoveryTaskContext,
  DiscoveryTaskSummary,
} from '@maestro/plugin-maestro-node';
import { WritePath } from '../writePath/WritePath';
import { ScopeTracker, scopeKey } from './ScopeTracker';
import { TaskCounts, TaskOutcome } from './types';

/** Records per write transaction: large enough to be fast, small enough to yield often. */
export const WRITE_BATCH_SIZE = 200;
export const DISCOVERY_ACTOR = 'service:maestro-discovery';
const PROGRESS_EVERY_MS = 1000;

/** Lets other requests run between batches, so a sync never stalls the portal. */
const yieldToEventLoop = () => new Promise(resolve => setImmediate(resolve));

export interface TaskRunResult extends TaskCounts {
  outcome: TaskOutcome;
  message?: string;
  permission?: string;
}

/** Fills what the connection decides for every record it discovers. */
function withConnectionDefaults(
  entity: Entity,
  connection: DiscoveryConnection,
): Entity {
  const spec = { ...(entity.spec ?? {}) } as Record<string, any>;
  if (connection.owner && !spec.owner) spec.owner = connection.owner;
  const datacenter = { ...(spec.datacenter ?? {}) };
  if (!datacenter.ref) datacenter.ref = connection.datacenter;
  spec.datacenter = datacenter;
  return { ...entity, spec };
}

/**
 * One run of one task of one connection: hands the source a context whose
 * `emit` writes through the write path in batches, and whose `complete`
 * marks what a complete scan of a scope no longer sees inactive.
 */
export async function runDiscoveryTask(opts: {
  task: DiscoveryTask;
  connection: DiscoveryConnection;
  writePath: WritePath;
  /** Access entries of the records this run creates (the connection's template). */
  accessTemplate?: MaestroAccessEntry[];
  scopes: ScopeTracker;
  signal: AbortSignal;
  logger: LoggerService;
  /** What the connection keeps between runs (e.g. a pinned host key). */
  state?: DiscoveryConnectionState;
  onProgress?: (progress: DiscoveryProgress & TaskCounts) => Promise<void>;
}): Promise<TaskRunResult> {
  const { task, connection, writePath, scopes, signal, logger } = opts;
  const source = { type: 'discovery' as const, name: connection.id };
  const counts: TaskCounts = {
    seen: 0,
    created: 0,
    updated: 0,
    deactivated: 0,
  };
  let lastProgress = 0;
  let progressMessage: string | undefined;

  const reportProgress = async (force = false) => {
    const now = Date.now();
    if (!opts.onProgress || (!force && now - lastProgress < PROGRESS_EVERY_MS))
      return;
    lastProgress = now;
    await opts.onProgress({ ...counts, message: progressMessage });
  };

  const checkAborted = () => {
    if (signal.aborted) throw new Error('The run was cut short');
  };

  const context: DiscoveryTaskContext = {
    connection,
    signal,
    logger,
    state: opts.state,
    async emit(scope, entities) {
      const key = scopeKey(connection.id, task.name, scope);
      for (let i = 0; i < entities.length; i += WRITE_BATCH_SIZE) {
        checkAborted();
        const batch = entities
          .slice(i, i + WRITE_BATCH_SIZE)
          .map(e => withConnectionDefaults(e, connection));
        const results = await writePath.writeMany(batch, {
          mode: 'upsert',
          source,
          actor: DISCOVERY_ACTOR,
          initialAccess: opts.accessTemplate,
        });
        counts.seen += results.length;
        for (const r of results) {
          if (r.action === 'created') counts.created++;
          else if (r.action === 'updated') counts.updated++;
        }
        await scopes.saw(
          key,
          results.map(r => r.record.entityRef),
        );
        await reportProgress();
        await yieldToEventLoop();
      }
    },
    async complete(scope) {
      // A run cut short must not take the unseen rest of a scope for gone.
      checkAborted();
      const key = scopeKey(connection.id, task.name, scope);
      const unseen = await scopes.unseen(key);
      for (let i = 0; i < unseen.length; i += WRITE_BATCH_SIZE) {
        const chunk = unseen.slice(i, i + WRITE_BATCH_SIZE);
        counts.deactivated += await writePath.deactivate(
          chunk,
          source,
          DISCOVERY_ACTOR,
        );
        await scopes.forget(key, chunk);
        await yieldToEventLoop();
      }
    },
    progress(progress) {
      progressMessage = progress.message;
      reportProgress().catch(() => {});
    },
  };

  let summary: DiscoveryTaskSummary | void;
  try {
    summary = await task.run(context);
    checkAborted();
  } catch (error) {
    const e = error as Error;
    const providerError =
      e instanceof DiscoveryProviderError ||
      (e as any)?.name === 'DiscoveryProviderError'
        ? (e as DiscoveryProviderError)
        : undefined;
    logger.warn(
      `Discovery task ${task.name} of connection ${connection.id} failed: ${e.message}`,
    );
    return {
      ...counts,
      outcome: 'danger',
      message: e.message,
      permission: providerError?.permission,
    };
  }
  const note = summary?.message;
  if (counts.seen === 0) {
    return {
      ...counts,
      outcome: 'warning',
      message: note ? `empty result; ${note}` : 'empty result',
    };
  }
  return { ...counts, outcome: 'success', message: note };
}
