import { Knex } from 'knex';

const TABLE = 'maestro_discovery_scope_records';
const CHUNK = 500;

/** The key of a scope: connection, task and the source's scope (region). */
export function scopeKey(connectionId: string, task: string, scope: string) {
  return `${connectionId}/${task}/${scope}`.slice(0, 255);
}

/**
 * Follows which records one run of a task saw in each scope. Members of a
 * scope are loaded once per run (one indexed query, even at 100,000
 * records); only newly seen records are inserted, so a run that sees the
 * same records as the last one writes nothing here either.
 */
export class ScopeTracker {
  private readonly members = new Map<string, Set<string>>();
  private readonly seen = new Map<string, Set<string>>();

  constructor(private readonly db: Knex) {}

  private async membersOf(key: string): Promise<Set<string>> {
    let members = this.members.get(key);
    if (!members) {
      const rows = await this.db(TABLE)
        .where({ scope: key })
        .select('entity_ref');
      members = new Set(rows.map(r => r.entity_ref));
      this.members.set(key, members);
      this.seen.set(key, new Set());
    }
    return members;
  }

  /** Notes records seen in a scope; remembers those new to it. */
  async saw(key: string, entityRefs: string[]) {
    const members = await this.membersOf(key);
    const seen = this.seen.get(key)!;
    const fresh: string[] = [];
    for (const ref of entityRefs) {
      seen.add(ref);
      if (!members.has(ref)) {
        members.add(ref);
        fresh.push(ref);
      }
    }
    for (let i = 0; i < fresh.length; i += CHUNK) {
      await this.db(TABLE)
        .insert(
          fresh
            .slice(i, i + CHUNK)
            .map(entity_ref => ({ scope: key, entity_ref })),
        )
        .onConflict(['scope', 'entity_ref'])
        .ignore();
    }
  }

  /** Records of the scope this run did not see (call after a complete scan). */
  async unseen(key: string): Promise<string[]> {
    const members = await this.membersOf(key);
    const seen = this.seen.get(key)!;
    return [...members].filter(ref => !seen.has(ref));
  }

  /** Forgets records that left the scope (they were marked inactive). */
  async forget(key: string, entityRefs: string[]) {
    const members = this.members.get(key);
    for (let i = 0; i < entityRefs.length; i += CHUNK) {
      const chunk = entityRefs.slice(i, i + CHUNK);
      await this.db(TABLE)
        .where({ scope: key })
        .whereIn('entity_ref', chunk)
        .delete();
      chunk.forEach(ref => members?.delete(ref));
    }
  }
}
