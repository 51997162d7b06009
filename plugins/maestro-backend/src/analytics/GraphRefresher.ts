import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import { GraphService } from './GraphService';

/** Signal channel of graph recomputations, for open graph pages. */
export const ANALYTICS_CHANNEL = 'maestro:analytics';

export const REFRESH_TASK_ID = 'maestro-analytics-refresh';

/**
 * Keeps saved graphs current: after records change (and on a schedule, as
 * a safety net), every saved graph whose records changed since its last
 * result is recomputed, one at a time, telling open pages as it goes.
 * Runs as a global scheduler task, so with several replicas one does it.
 */
export class GraphRefresher {
  constructor(
    private readonly deps: {
      graphs: GraphService;
      logger?: LoggerService;
      signals?: SignalsService;
    },
  ) {}

  async start(scheduler: SchedulerService) {
    await scheduler.scheduleTask({
      id: REFRESH_TASK_ID,
      frequency: { minutes: 5 },
      timeout: { minutes: 30 },
      initialDelay: { seconds: 30 },
      scope: 'global',
      fn: () => this.refreshStale().then(() => undefined),
    });
    return {
      /** Asks for a refresh soon (after changes); a run under way is not doubled. */
      trigger: () =>
        scheduler.triggerTask(REFRESH_TASK_ID).catch(error => {
          // Already running: its pass will see the change, or the next one will.
          this.deps.logger?.debug(`Graph refresh not triggered: ${error}`);
        }),
    };
  }

  /** Recomputes every stale saved graph; returns the ids it recomputed. */
  async refreshStale(): Promise<string[]> {
    const { graphs, logger, signals } = this.deps;
    const done: string[] = [];
    const saved = await graphs.list();
    for (const [index, summary] of saved.entries()) {
      const graph = await graphs.get(summary.id);
      if (!graph.stale) continue;
      const progress = { index: index + 1, total: saved.length };
      await signals?.publish({
        recipients: { type: 'broadcast' },
        channel: ANALYTICS_CHANNEL,
        message: { graphId: graph.id, state: 'computing', ...progress },
      });
      const result = await graphs.compute(
        graph.id,
        'service:maestro-analytics',
      );
      done.push(graph.id);
      await signals?.publish({
        recipients: { type: 'broadcast' },
        channel: ANALYTICS_CHANNEL,
        message: {
          graphId: graph.id,
          state: result.status === 'failed' ? 'failed' : 'done',
          ...progress,
        },
      });
    }
    if (done.length) logger?.info(`Recomputed ${done.length} stale graph(s)`);
    return done;
  }
}
