/*
 * Entities declared in the catalog rather than entered in Maestro
 * (catalog-info.yaml files, organisation providers), copied here so that
 * reports cover them. A read-only copy, replaced as the catalog changes:
 * no revisions, no field sources, never published back to the catalog.
 * The columns reports read have the names and types of maestro_records',
 * so that a report reads both tables as one.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('maestro_catalog_entities', table => {
    table.comment(
      'Catalog entities of Maestro kinds not published by Maestro (read-only copies)',
    );
    table.string('id', 36).primary();
    table.string('kind', 64).notNullable();
    table.string('namespace', 63).notNullable().defaultTo('default');
    table.string('name', 63).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('title', 255);
    table.string('unique_id', 255);
    table.string('datacenter', 255);
    table.string('ipv4_private', 64);
    table.string('hostname', 255);
    table.string('environment', 64);
    table.string('family', 64);
    table.string('owner', 255);
    table.boolean('active').notNullable().defaultTo(true);
    // Always false: a removed entity's copy is dropped. A column rather
    // than a constant in the report query, as SQLite reads a UNION ALL of
    // two tables as one only when every column is a column.
    table.boolean('deleted').notNullable().defaultTo(false);
    table
      .text('entity')
      .notNullable()
      .comment('The entity as the catalog serves it, without relations');
    table
      .string('etag', 255)
      .notNullable()
      .comment('The catalog entity etag last copied');
    table
      .text('location')
      .comment('Where the catalog read it (managed-by-location)');
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.unique(['entity_ref']);
    table.index(['kind'], 'maestro_catalog_entities_kind_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maestro_catalog_entities');
};
