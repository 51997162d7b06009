/*
 * Per-record access: the owner in its own column (normalised entity ref)
 * and the access entries in their own table, both indexed, so that the
 * permission conditions become SQL on the records list.
 */

function normalizeOwner(owner) {
  if (typeof owner !== 'string' || !owner.trim()) return null;
  let ref = owner.trim().toLowerCase();
  if (!ref.includes(':')) ref = `group:${ref}`;
  const [kind, rest] = [
    ref.slice(0, ref.indexOf(':')),
    ref.slice(ref.indexOf(':') + 1),
  ];
  return rest.includes('/') ? `${kind}:${rest}` : `${kind}:default/${rest}`;
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maestro_records', table => {
    table.string('owner', 255).nullable();
    table.index(['owner'], 'maestro_records_owner_idx');
  });
  await knex.schema.createTable('maestro_record_access', table => {
    table
      .string('record_id', 36)
      .notNullable()
      .references('id')
      .inTable('maestro_records')
      .onDelete('CASCADE');
    table.string('principal', 255).notNullable();
    table.string('role', 16).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('created_by', 255).notNullable();
    table.primary(['record_id', 'principal']);
    table.index(
      ['principal', 'record_id'],
      'maestro_record_access_principal_idx',
    );
  });
  // Owners of records written before this migration.
  let lastId = '';
  for (;;) {
    const rows = await knex('maestro_records')
      .select('id', 'entity')
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(1000);
    if (!rows.length) break;
    lastId = rows[rows.length - 1].id;
    for (const row of rows) {
      const owner = normalizeOwner(JSON.parse(row.entity)?.spec?.owner);
      if (owner)
        await knex('maestro_records').where({ id: row.id }).update({ owner });
    }
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maestro_record_access');
  await knex.schema.alterTable('maestro_records', table => {
    table.dropIndex(['owner'], 'maestro_records_owner_idx');
    table.dropColumn('owner');
  });
};
