/*
 * A public link shows the graph as its creator could read it when sharing:
 * the filtered result is kept with the link, so the link never shows a
 * record its creator could not see, whoever opens it later.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maestro_graph_shares', table => {
    table.text('view');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maestro_graph_shares', table => {
    table.dropColumn('view');
  });
};
