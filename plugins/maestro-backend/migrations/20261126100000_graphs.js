/*
 * Analytics: saved business graphs (with their last result), their public
 * share links (revocation lives here), and the key that signs share links
 * when the configuration gives none, shared by every replica.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('maestro_graphs', table => {
    table.comment('Saved business graphs of dependencies');
    table.string('id', 36).primary();
    table.string('name', 255).notNullable();
    table
      .string('source_type', 16)
      .notNullable()
      .comment('system|client|application');
    table.string('source_ref', 255).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pending|running|finished|failed');
    table.text('result').comment('Last analysis (graph + metrics) as JSON');
    table.text('error');
    table.string('computed_at', 32);
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('updated_by', 255).notNullable();
    table.index(['updated_at']);
  });

  await knex.schema.createTable('maestro_graph_shares', table => {
    table.comment(
      'Public links to one graph; a revoked or expired link serves nothing',
    );
    table.string('id', 36).primary();
    table.string('graph_id', 36).notNullable();
    table.string('expires_at', 32).notNullable();
    table.string('revoked_at', 32);
    table.string('revoked_by', 255);
    table.string('created_at', 32).notNullable();
    table.string('created_by', 255).notNullable();
    table.index(['graph_id']);
  });

  await knex.schema.createTable('maestro_analytics_secrets', table => {
    table.comment(
      'Generated signing keys, so all replicas verify the same links',
    );
    table.string('name', 64).primary();
    table.string('value', 255).notNullable();
    table.string('created_at', 32).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maestro_analytics_secrets');
  await knex.schema.dropTable('maestro_graph_shares');
  await knex.schema.dropTable('maestro_graphs');
};
