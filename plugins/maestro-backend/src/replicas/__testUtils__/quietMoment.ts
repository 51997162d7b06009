import { Knex } from 'knex';

/** The Backstage scheduler's table of global tasks. */
const TASKS_TABLE = 'backstage_backend_tasks__tasks';

/**
 * Waits for a moment when no replica runs the given global tasks and none
 * is due within `marginMs`, so that a replica stopped then is not cut off in the
 * middle of a run.
 *
 * Why: a replica that exits in the middle of a run never releases the run's
 * claim (the scheduler's database pool closes as it shuts down), so no other
 * replica runs that task until the claim times out (a discovery task: at
 * least an hour). That is a separate problem from running once per interval.
 */
export async function waitForQuietMoment(
  knex: Knex,
  opts: { taskIds: string[]; marginMs: number; timeoutMs: number },
) {
  const deadline = Date.now() + opts.timeoutMs;
  while (Date.now() < deadline) {
    const rows = await knex(TASKS_TABLE)
      .whereIn('id', opts.taskIds)
      .select(
        'current_run_ticket',
        knex.raw(
          'extract(epoch from (next_run_start_at - now())) * 1000 as due_in_ms',
        ),
      );
    const quiet =
      rows.length === opts.taskIds.length &&
      rows.every(
        row =>
          !row.current_run_ticket &&
          (row.due_in_ms === null || Number(row.due_in_ms) > opts.marginMs),
      );
    if (quiet) return;
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  throw new Error(`No quiet moment between runs in ${opts.timeoutMs} ms`);
}
