/*
 * Jobs users create on the Scheduler page (webhooks, chains) and the history
 * of their runs. The Backstage scheduler ticks; these rows say what is due.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('maestro_jobs', table => {
    table.comment('Custom scheduled jobs: webhooks and chains');
    table.string('id', 36).primary();
    table.string('name', 255).notNullable();
    table.string('type', 32).notNullable().comment('webhook');
    table.boolean('enabled').notNullable().defaultTo(true);
    table
      .string('period_type', 16)
      .notNullable()
      .comment('interval, cron or chain');
    table.integer('interval_seconds');
    table.string('cron', 128);
    table
      .string('after_job_id', 36)
      .comment('chain: runs after this job succeeds');
    table.integer('countdown_seconds').notNullable().defaultTo(0);
    table.text('spec').notNullable().comment('What the job does, as JSON');
    table
      .string('next_run_at', 32)
      .comment('ISO time; null when not scheduled');
    table.integer('total_runs').notNullable().defaultTo(0);
    table.string('last_run_at', 32);
    table.string('last_outcome', 16);
    table.string('created_at', 32).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('updated_at', 32).notNullable();
    table.index(['enabled', 'next_run_at']);
    table.index(['after_job_id']);
  });
  await knex.schema.createTable('maestro_job_runs', table => {
    table.comment('One row per run of a custom job');
    table.string('id', 36).primary();
    table.string('job_id', 36).notNullable();
    table
      .string('trigger', 16)
      .notNullable()
      .comment('schedule, manual or chain');
    table.string('started_at', 32).notNullable();
    table.string('finished_at', 32);
    table.integer('duration_ms');
    table
      .string('outcome', 16)
      .comment('success or failure; null while running');
    table.text('message');
    table.index(['job_id', 'started_at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maestro_job_runs');
  await knex.schema.dropTable('maestro_jobs');
};
