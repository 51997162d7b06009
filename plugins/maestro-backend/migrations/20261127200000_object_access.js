/*
 * Access to saved reports, saved graphs and discovery connections, as
 * records have it: an owner (normalised entity ref; the owner holds admin)
 * and access entries. Reports and graphs get an owner column, filled with
 * their creator; connections already have one (a connection without owner
 * is its creator's). The entries of the three kinds share one table, keyed
 * by kind and id; an object's delete removes its entries.
 */

/** A creator as an owner: user or group refs, lower-case; services own nothing. */
function ownerOf(createdBy) {
  if (typeof createdBy !== 'string') return null;
  const ref = createdBy.trim().toLowerCase();
  return /^(user|group):[^/]+\/.+/.test(ref) ? ref : null;
}

async function backfillOwners(knex, table) {
  let lastId = '';
  for (;;) {
    const rows = await knex(table)
      .select('id', 'created_by')
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(1000);
    if (!rows.length) break;
    lastId = rows[rows.length - 1].id;
    for (const row of rows) {
      const owner = ownerOf(row.created_by);
      if (owner) await knex(table).where({ id: row.id }).update({ owner });
    }
  }
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  for (const table of ['maestro_reports', 'maestro_graphs']) {
    await knex.schema.alterTable(table, t => {
      t.string('owner', 255).nullable();
    });
    await backfillOwners(knex, table);
  }
  await knex.schema.createTable('maestro_object_access', table => {
    table.comment(
      'Access entries of saved reports, saved graphs and discovery connections',
    );
    table
      .string('object_kind', 16)
      .notNullable()
      .comment('report, graph or connection');
    table.string('object_id', 36).notNullable();
    table
      .string('principal', 255)
      .notNullable()
      .comment('User or group entity ref, lower-case');
    table.string('role', 16).notNullable().comment('read, write or admin');
    table.string('created_at', 32).notNullable();
    table
      .string('created_by', 255)
      .notNullable()
      .comment('Who granted the entry (or last changed its role)');
    table.primary(['object_kind', 'object_id', 'principal']);
    table.index(
      ['principal', 'object_kind', 'object_id'],
      'maestro_object_access_principal_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maestro_object_access');
  for (const table of ['maestro_reports', 'maestro_graphs']) {
    await knex.schema.alterTable(table, t => {
      t.dropColumn('owner');
    });
  }
};
