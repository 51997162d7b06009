import { Knex } from 'knex';
import {
  MaestroAccessEntry,
  MaestroObjectKind,
  normalizePrincipal,
} from '@maestro/plugin-maestro-common';
import { AccessibleObject } from '@maestro/plugin-maestro-node';

/** Access entries of reports, graphs and connections (one table for the three). */
export const OBJECT_ACCESS_TABLE = 'maestro_object_access';

/** The table of each kind; each has `id`, `owner` and `created_by`. */
const TABLES: Record<MaestroObjectKind, string> = {
  report: 'maestro_reports',
  graph: 'maestro_graphs',
  connection: 'maestro_discovery_connections',
};

/**
 * The owner a creator gives what it creates: a user (or group) ref,
 * lower-case; work done by a backend service has no owner.
 */
export function ownerOfCreator(actor: string): string | undefined {
  const ref = actor.trim().toLowerCase();
  return /^(user|group):[^/]+\/.+/.test(ref) ? ref : undefined;
}

/** An object's owner: its own (normalised), else its creator. */
function effectiveOwner(row: {
  owner?: string | null;
  created_by: string;
}): string | undefined {
  if (row.owner) {
    try {
      return normalizePrincipal(row.owner);
    } catch {
      return row.owner.toLowerCase();
    }
  }
  return ownerOfCreator(row.created_by);
}

/** Deletes an object's entries, inside the transaction that deletes it. */
export async function deleteObjectEntries(
  tx: Knex | Knex.Transaction,
  kind: MaestroObjectKind,
  id: string,
) {
  await tx(OBJECT_ACCESS_TABLE)
    .where({ object_kind: kind, object_id: id })
    .delete();
}

/** Owners and access entries of reports, graphs and connections. */
export class ObjectAccessStore {
  constructor(private readonly db: Knex) {}

  /** These objects (those that exist) as the access rules see them. */
  async objects(
    kind: MaestroObjectKind,
    ids: string[],
  ): Promise<AccessibleObject[]> {
    const found: AccessibleObject[] = [];
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = await this.db(TABLES[kind])
        .select('id', 'owner', 'created_by')
        .whereIn('id', chunk);
      const entries = new Map<string, MaestroAccessEntry[]>();
      const entryRows = await this.db(OBJECT_ACCESS_TABLE)
        .select('object_id', 'principal', 'role')
        .where({ object_kind: kind })
        .whereIn('object_id', chunk)
        .orderBy('principal');
      for (const row of entryRows) {
        const list = entries.get(row.object_id) ?? [];
        list.push({ principal: row.principal, role: row.role });
        entries.set(row.object_id, list);
      }
      for (const row of rows) {
        found.push({
          kind,
          id: row.id,
          owner: effectiveOwner(row),
          entries: entries.get(row.id) ?? [],
        });
      }
    }
    return found;
  }

  /** For the permission backend: these ids' objects, in order (undefined when gone). */
  async resources(
    kind: MaestroObjectKind,
    ids: string[],
  ): Promise<Array<AccessibleObject | undefined>> {
    const byId = new Map(
      (await this.objects(kind, ids)).map(o => [o.id, o] as const),
    );
    return ids.map(id => byId.get(id));
  }

  async object(
    kind: MaestroObjectKind,
    id: string,
  ): Promise<AccessibleObject | undefined> {
    return (await this.objects(kind, [id]))[0];
  }

  /**
   * Sets an object's owner (when given) and entries in one transaction.
   * Entries that stay as they were keep who granted them; new ones and
   * changed roles are recorded as the actor's.
   */
  async change(
    kind: MaestroObjectKind,
    id: string,
    change: { owner?: string; entries: MaestroAccessEntry[] },
    actor: string,
  ) {
    await this.db.transaction(async tx => {
      if (change.owner !== undefined) {
        await tx(TABLES[kind]).where({ id }).update({ owner: change.owner });
      }
      const key = { object_kind: kind, object_id: id };
      const before = new Map<string, string>(
        (
          await tx(OBJECT_ACCESS_TABLE).select('principal', 'role').where(key)
        ).map(r => [r.principal, r.role]),
      );
      const wanted = new Set(change.entries.map(e => e.principal));
      const removed = [...before.keys()].filter(p => !wanted.has(p));
      if (removed.length) {
        await tx(OBJECT_ACCESS_TABLE)
          .where(key)
          .whereIn('principal', removed)
          .delete();
      }
      const now = new Date().toISOString();
      const granted = change.entries
        .filter(e => before.get(e.principal) !== e.role)
        .map(e => ({
          ...key,
          principal: e.principal,
          role: e.role,
          created_at: now,
          created_by: actor,
        }));
      // 6 columns x 100 rows stays under every engine's bound-variable limit.
      for (let i = 0; i < granted.length; i += 100) {
        await tx(OBJECT_ACCESS_TABLE)
          .insert(granted.slice(i, i + 100))
          .onConflict(['object_kind', 'object_id', 'principal'])
          .merge(['role', 'created_at', 'created_by']);
      }
    });
  }
}
