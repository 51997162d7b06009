import { Knex } from 'knex';
import {
  MAESTRO_ACCESS_ROLES,
  MaestroAccessEntry,
  MaestroAccessRole,
  roleIncludes,
} from '@maestro/plugin-maestro-common';
import {
  ACCESS_TABLE,
  insertAccessEntries,
  readAccessEntries,
} from '../store/accessRows';
import { AccessibleRecord } from '@maestro/plugin-maestro-node';

/** The access entries of records, in their own indexed table. */
export class AccessStore {
  constructor(private readonly db: Knex) {}

  async entries(recordId: string): Promise<MaestroAccessEntry[]> {
    return (await this.entriesOf([recordId])).get(recordId) ?? [];
  }

  /** Entries of many records at once, by record id. */
  entriesOf(recordIds: string[]): Promise<Map<string, MaestroAccessEntry[]>> {
    return readAccessEntries(this.db, recordIds);
  }

  /** Replaces a record's entries inside the caller's transaction. */
  async replace(
    recordId: string,
    entries: MaestroAccessEntry[],
    actor: string,
    tx: Knex.Transaction,
  ) {
    await tx(ACCESS_TABLE).where({ record_id: recordId }).delete();
    await insertAccessEntries(tx, [recordId], entries, actor);
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
  return MAESTRO_ACCESS_ROLES.filter(held => roleIncludes(held, role));
}
