/*
 * Saved reports: the query (JSON) and the outcome of the last run. Results
 * are not stored: pages and exports read the store live.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('maestro_reports', table => {
    table.comment('Saved Maestro reports');
    table.string('id', 36).primary();
    table.string('name', 255).notNullable();
    table.string('type', 16).notNullable();
    table.text('query').notNullable().comment('The report query as JSON');
    table.string('status', 16).notNullable();
    table.boolean('scheduled').notNullable().defaultTo(false);
    table.integer('row_count');
    table.integer('duration_ms');
    table.text('error');
    table.string('last_run_at', 32);
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('updated_by', 255).notNullable();
    table.index(['updated_at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maestro_reports');
};
