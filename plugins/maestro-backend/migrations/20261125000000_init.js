/*
 * The Maestro store: one row per record (the entity as published), its
 * revisions, and a counter that orders every change for the catalog feed.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('maestro_records', table => {
    table.comment('Every record Maestro manages, one row each');
    table.string('id', 36).primary();
    table.string('kind', 64).notNullable();
    table.string('namespace', 63).notNullable().defaultTo('default');
    table.string('name', 63).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('title', 255);
    // Promoted fields: identification (reconcile) and fast list filters.
    table.string('unique_id', 255);
    table.string('datacenter', 255);
    table.string('ipv4_private', 64);
    table.string('hostname', 255);
    table.string('environment', 64);
    table.string('family', 64);
    table.boolean('active').notNullable().defaultTo(true);
    table.boolean('deleted').notNullable().defaultTo(false);
    table.text('entity').notNullable().comment('The entity as JSON');
    table.text('field_sources').notNullable().comment('Field path -> source');
    table.string('checksum', 64).notNullable();
    table.integer('revision').notNullable();
    table.bigInteger('seq').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('updated_by', 255).notNullable();
    table.unique(['kind', 'namespace', 'name']);
    table.unique(['entity_ref']);
    table.index(['seq']);
    table.index(['kind', 'unique_id']);
    table.index(['kind', 'datacenter', 'ipv4_private']);
    table.index(['kind', 'hostname']);
    table.index(['kind', 'title']);
    table.index(['kind', 'updated_at']);
    table.index(['kind', 'environment']);
    table.index(['kind', 'family']);
  });

  await knex.schema.createTable('maestro_revisions', table => {
    table.comment('History: one row per change of a record');
    table.string('id', 36).primary();
    table.string('record_id', 36).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.integer('revision').notNullable();
    table.string('action', 16).notNullable();
    table.text('diff').notNullable();
    table.string('actor', 255).notNullable();
    table.string('source', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.unique(['record_id', 'revision']);
    table.index(['entity_ref']);
  });

  await knex.schema.createTable('maestro_counters', table => {
    table.comment('Monotonic counters; the row lock orders concurrent writers');
    table.string('name', 32).primary();
    table.bigInteger('value').notNullable();
  });
  await knex('maestro_counters').insert({ name: 'seq', value: 0 });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maestro_counters');
  await knex.schema.dropTable('maestro_revisions');
  await knex.schema.dropTable('maestro_records');
};
