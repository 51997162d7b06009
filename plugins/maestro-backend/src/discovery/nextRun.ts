/**
 * When Backstage's scheduler starts a task's next run: one interval after
 * this run's start, or at once when the run took longer than that. (Its
 * tasks run start to start: `greatest(next_run_start_at + frequency, now)`.)
 * A crawl that lasts most of its interval thus rests only briefly, which the
 * connection page shows instead of a full interval after the end.
 */
export function nextScheduledRun(
  startedAt: Date,
  finishedAt: Date,
  intervalMs: number,
): Date {
  return new Date(
    Math.max(startedAt.getTime() + intervalMs, finishedAt.getTime()),
  );
}
