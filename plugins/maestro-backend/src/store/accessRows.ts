import { Knex } from 'knex';
import { MaestroAccessEntry } from '@maestro/plugin-maestro-common';

/** Records' access entries (see the access folder for what they mean). */
export const ACCESS_TABLE = 'maestro_record_access';

/** The entries of these records, by record id, each list by principal. */
export async function readAccessEntries(
  db: Knex | Knex.Transaction,
  recordIds: string[],
): Promise<Map<string, MaestroAccessEntry[]>> {
  const byRecord = new Map<string, MaestroAccessEntry[]>();
  for (let i = 0; i < recordIds.length; i += 500) {
    const rows = await db(ACCESS_TABLE)
      .select('record_id', 'principal', 'role')
      .whereIn('record_id', recordIds.slice(i, i + 500))
      .orderBy('principal');
    for (const row of rows) {
      const list = byRecord.get(row.record_id) ?? [];
      list.push({ principal: row.principal, role: row.role });
      byRecord.set(row.record_id, list);
    }
  }
  return byRecord;
}

/** Inserts the same entries on each of these records. */
export async function insertAccessEntries(
  tx: Knex.Transaction,
  recordIds: string[],
  entries: MaestroAccessEntry[],
  actor: string,
) {
  const now = new Date().toISOString();
  const rows = recordIds.flatMap(id =>
    entries.map(e => ({
      record_id: id,
      principal: e.principal,
      role: e.role,
      created_at: now,
      created_by: actor,
    })),
  );
  // 5 columns x 100 rows stays under every engine's bound-variable limit.
  for (let i = 0; i < rows.length; i += 100) {
    await tx(ACCESS_TABLE).insert(rows.slice(i, i + 100));
  }
}
