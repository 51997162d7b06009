/*
 * A list counts every record a reader may see on every page: kind, the
 * usual filter (environment or family), deleted, owner and id. With all of
 * them in one index the count reads the index alone (an index-only scan on
 * PostgreSQL, a covering index on SQLite) instead of the wide rows, which
 * hold each entity's JSON. They take over from the narrower indexes on the
 * same leading columns.
 */

const COVERING = [
  ['maestro_records_kind_live_access_idx', ['kind', 'deleted', 'owner', 'id']],
  [
    'maestro_records_kind_environment_access_idx',
    ['kind', 'environment', 'deleted', 'owner', 'id'],
  ],
  [
    'maestro_records_kind_family_access_idx',
    ['kind', 'family', 'deleted', 'owner', 'id'],
  ],
];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maestro_records', table => {
    for (const [name, columns] of COVERING) table.index(columns, name);
  });
  await knex.schema.alterTable('maestro_records', table => {
    table.dropIndex(['kind', 'deleted'], 'maestro_records_kind_deleted_idx');
    table.dropIndex(['kind', 'environment']);
    table.dropIndex(['kind', 'family']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maestro_records', table => {
    table.index(['kind', 'deleted'], 'maestro_records_kind_deleted_idx');
    table.index(['kind', 'environment']);
    table.index(['kind', 'family']);
  });
  await knex.schema.alterTable('maestro_records', table => {
    for (const [name, columns] of COVERING) table.dropIndex(columns, name);
  });
};
