import { CronTime } from 'cron';
import { JobPeriod } from './types';

/** True when the expression is a cron the scheduler understands. */
export function isValidCron(expression: string): boolean {
  try {
    new CronTime(expression).sendAt();
    return true;
  } catch {
    return false;
  }
}

/**
 * When a job runs next after `from`, or undefined for a chain (it runs when
 * the job before it succeeds).
 */
export function nextRunAfter(period: JobPeriod, from: Date): Date | undefined {
  if (period.type === 'interval')
    return new Date(from.getTime() + period.seconds * 1000);
  if (period.type === 'cron') {
    // CronTime counts from now; step from `from` by asking for the time after it.
    const next = new CronTime(period.cron, 'UTC').getNextDateFrom(from);
    return next.toJSDate();
  }
  return undefined;
}
