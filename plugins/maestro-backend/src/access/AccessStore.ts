import { Knex } from 'knex';
import {
  MaestroAccessEntry,
  MaestroAccessRole,
} from '@maestro/plugin-maestro-common';
import { AccessibleRecord } from '@maestro/plugin-maestro-node';

const ACCESS = 'maestro_record_access';

/** The access entries of records, in their own indexed table. */
export class AccessStore {
  constructor(private readonly db: Knex) {}

  async entries(
    recordId: string,
    db: Knex | Knex.Transaction = this.db,
  ): Promise<MaestroAccessEntry[]> {
    const rows = await db(ACCESS)
      .select('principal', 'role')
      .where({ record_id: recordId })
      .orderBy('principal');
    return rows.map(r => ({ principal: r.principal, role: r.role }));
  }

  /** Entries of many records at once, by record id. */
  async entriesOf(
    recordIds: string[],
  ): Promise<Map<string, MaestroAccessEntry[]>> {
    const byRecord = new Map<string, MaestroAccessEntry[]>();
    for (let i = 0; i < recordIds.length; i += 500) {
      const rows = await this.db(ACCESS)
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

  /** Replaces a record's entries inside the caller's transaction. */
  async replace(
    recordId: string,
    entries: MaestroAccessEntry[],
    actor: string,
    tx: Knex.Transaction,
  ) {
    await tx(ACCESS).where({ record_id: recordId }).delete();
    const now = new Date().toISOString();
    const rows = entries.map(e => ({
      record_id: recordId,
      principal: e.principal,
      role: e.role,
      created_at: now,
      created_by: actor,
    }));
    for (let i = 0; i < rows.length; i += 100) {
      await tx(ACCESS).insert(rows.slice(i, i + 100));
    }
  }

  /** Records as the permission rules see them (for the permission backend). */
  async accessibleRecords(
    entityRefs: string[],
  ): Promise<Array<AccessibleRecord | undefined>> {
    const refs = entityRefs.map(r => r.toLowerCase());
    const rows = await this.db('maestro_records')
      .select('id', 'entity_ref', 'owner')
      .whereIn('entity_ref', refs)
      .where({ deleted: false });
    const entries = await this.entriesOf(rows.map(r => r.id));
    const byRef = new Map(
      rows.map(r => [
        r.entity_ref,
        {
          entityRef: r.entity_ref,
          owner: r.owner ?? undefined,
          entries: entries.get(r.id) ?? [],
        } as AccessibleRecord,
      ]),
    );
    return refs.map(ref => byRef.get(ref));
  }
}

/** The roles that include `role` (read is included by write and admin). */
export function rolesIncluding(role: MaestroAccessRole): MaestroAccessRole[] {
  const order: MaestroAccessRole[] = ['read', 'write', 'admin'];
  return order.slice(order.indexOf(role));
}
