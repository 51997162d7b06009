import { Job, JobPeriod } from '../../api/jobs';

export const UNITS = [
  ['seconds', 1],
  ['minutes', 60],
  ['hours', 3600],
  ['days', 86400],
  ['weeks', 604800],
] as const;

/** `every 5 minutes`, `cron 0 3 * * *`, `2 min after Export`. */
export function periodText(period: JobPeriod, jobs: Job[]): string {
  if (period.type === 'cron') return `cron ${period.cron}`;
  if (period.type === 'chain') {
    const after =
      jobs.find(j => j.id === period.afterJobId)?.name ?? 'a deleted job';
    return period.countdownSeconds
      ? `${period.countdownSeconds} s after ${after} succeeds`
      : `after ${after} succeeds`;
  }
  const [unit, size] = [...UNITS]
    .reverse()
    .find(([, s]) => period.seconds % s === 0)!;
  const count = period.seconds / size;
  return `every ${count} ${count === 1 ? unit.replace(/s$/, '') : unit}`;
}
