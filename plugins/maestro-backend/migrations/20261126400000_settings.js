/*
 * Settings a user changed: option lists, the services catalog, regions and
 * zones. What is not here comes from the defaults in maestro-common.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('maestro_settings', table => {
    table.comment('One row per changed setting section, value as JSON');
    table.string('key', 128).primary();
    table.text('value').notNullable();
    table.string('updated_at', 32).notNullable();
    table.string('updated_by', 255).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maestro_settings');
};
