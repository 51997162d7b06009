/*
 * Discovery: small values a connection keeps between runs and restarts,
 * such as the fingerprint of an SSH host key pinned on first use. Rows go
 * with their connection (deleted together).
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('maestro_discovery_connection_state', table => {
    table.comment(
      'State a connection keeps between runs, e.g. pinned host keys',
    );
    table.string('connection_id', 36).notNullable();
    table.string('key', 128).notNullable();
    table.text('value').notNullable();
    table.string('updated_at', 32).notNullable();
    table.primary(['connection_id', 'key']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maestro_discovery_connection_state');
};
