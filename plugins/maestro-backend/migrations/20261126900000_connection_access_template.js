/*
 * A connection's access template: the access entries copied onto every
 * record the connection creates.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maestro_discovery_connections', table => {
    table.text('access_template').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maestro_discovery_connections', table => {
    table.dropColumn('access_template');
  });
};
