/*
 * Discovery: connections to cloud accounts (credentials encrypted), the
 * state of each of their tasks, and which records each scope of a task
 * (connection + task + region) has seen, so a complete scan can mark the
 * records it no longer sees inactive.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('maestro_discovery_connections', table => {
    table.comment('Connections of discovery sources to cloud accounts');
    table.string('id', 36).primary();
    table.string('title', 255).notNullable();
    table.string('type', 32).notNullable();
    table.string('datacenter', 255).notNullable();
    table.string('owner', 255);
    table.text('settings').notNullable().comment('Non-secret fields, JSON');
    table
      .text('credentials')
      .notNullable()
      .comment('Secret fields, AES-256-GCM encrypted JSON');
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('updated_by', 255).notNullable();
  });

  await knex.schema.createTable('maestro_discovery_tasks', table => {
    table.comment('State of each task of each connection');
    table.string('connection_id', 36).notNullable();
    table.string('task', 64).notNullable();
    table.boolean('enabled').notNullable().defaultTo(true);
    table.boolean('running').notNullable().defaultTo(false);
    table.string('started_at', 32);
    table.string('last_run_at', 32);
    table.string('next_run_at', 32);
    table.string('outcome', 16).comment('success, warning or danger');
    table.text('message');
    table.string('permission', 255);
    table.integer('seen').notNullable().defaultTo(0);
    table.integer('created').notNullable().defaultTo(0);
    table.integer('updated').notNullable().defaultTo(0);
    table.integer('deactivated').notNullable().defaultTo(0);
    table.text('progress').comment('Live progress of a running task, JSON');
    table.primary(['connection_id', 'task']);
  });

  await knex.schema.createTable('maestro_discovery_scope_records', table => {
    table.comment('Records a scope (connection/task/region) has seen');
    table.string('scope', 255).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.primary(['scope', 'entity_ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maestro_discovery_scope_records');
  await knex.schema.dropTable('maestro_discovery_tasks');
  await knex.schema.dropTable('maestro_discovery_connections');
};
