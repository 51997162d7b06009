import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import { ScheduledWork } from '@maestro/plugin-maestro-common';
import { DiscoveryService } from '../discovery';
import { ReportServices } from '../reports';

const REPORT_OUTCOME: Record<string, ScheduledWork['outcome']> = {
  finished: 'success',
  failed: 'danger',
};

/** `{ hours: 24 }` as `every 24 hours`. */
export function describeDuration(duration: HumanDuration): string {
  const parts = Object.entries(duration)
    .filter(([, n]) => typeof n === 'number' && n > 0)
    .map(([unit, n]) => `${n} ${n === 1 ? unit.replace(/s$/, '') : unit}`);
  return parts.length ? `every ${parts.join(' ')}` : 'on demand';
}

function addDuration(iso: string, duration: HumanDuration): string {
  return new Date(
    new Date(iso).getTime() + durationToMilliseconds(duration),
  ).toISOString();
}

/**
 * Every task of every connection and every scheduled report the caller may
 * read, in one list, with when it last ran, how it went and when it runs
 * next.
 */
export async function listScheduledWork(deps: {
  discovery?: DiscoveryService;
  reports?: ReportServices;
  /** Keeps the connections and reports the caller may read. */
  readable: <T extends { id: string }>(
    kind: 'connection' | 'report',
    items: T[],
  ) => Promise<T[]>;
}): Promise<ScheduledWork[]> {
  const work: ScheduledWork[] = [];
  if (deps.discovery) {
    const connections = await deps.readable(
      'connection',
      await deps.discovery.list(),
    );
    for (const connection of connections) {
      for (const task of await deps.discovery.tasks(connection.id)) {
        const base = `/connections/${encodeURIComponent(
          connection.id,
        )}/tasks/${encodeURIComponent(task.task)}`;
        work.push({
          id: `discovery:${connection.id}:${task.task}`,
          module: 'discovery',
          name: `${connection.title}: ${task.task}`,
          enabled: task.enabled,
          period: describeDuration({
            [task.interval.period]: task.interval.every,
          }),
          lastRunAt: task.lastRunAt,
          nextRunAt: task.enabled ? task.nextRunAt : undefined,
          outcome: task.outcome,
          message: task.message,
          running: task.running,
          runPath: `${base}/sync`,
          enablePath: base,
        });
      }
    }
  }
  if (deps.reports) {
    const every = deps.reports.refreshEvery;
    const reports = await deps.readable(
      'report',
      await deps.reports.reports.saved.list(),
    );
    for (const report of reports) {
      if (!report.scheduled) continue;
      work.push({
        id: `report:${report.id}`,
        module: 'reports',
        name: report.name,
        enabled: true,
        period: describeDuration(every),
        lastRunAt: report.lastRunAt,
        nextRunAt: report.lastRunAt
          ? addDuration(report.lastRunAt, every)
          : undefined,
        outcome: REPORT_OUTCOME[report.status],
        runPath: `/reports/${encodeURIComponent(report.id)}/run`,
      });
    }
  }
  return work;
}
