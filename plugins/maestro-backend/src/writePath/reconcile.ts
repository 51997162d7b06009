import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { Knex } from 'knex';
import { RecordStore } from '../store/RecordStore';
import { IdentityKey, StoredRecord } from '../store/types';
import { promotedColumns } from '../store/promotedFields';

/**
 * How a record from a source is recognised when its name is not known to
 * that source: key sets tried in order, each a list of promoted columns that
 * must all match. Configurable per kind under `maestro.reconcile.<Kind>`.
 */
export type IdentityRules = Record<string, IdentityKey[][]>;

export const DEFAULT_IDENTITY_RULES: IdentityRules = {
  Server: [['unique_id'], ['datacenter', 'ipv4_private'], ['hostname']],
  '*': [['unique_id']],
};

const KEYS: IdentityKey[] = [
  'unique_id',
  'datacenter',
  'ipv4_private',
  'hostname',
];

export function readIdentityRules(config?: Config): IdentityRules {
  const rules: IdentityRules = { ...DEFAULT_IDENTITY_RULES };
  const section = config?.getOptionalConfig('maestro.reconcile');
  for (const kind of section?.keys() ?? []) {
    const sets = section!
      .getConfigArray(kind)
      .map(c => c.getStringArray('keys'));
    for (const set of sets) {
      for (const key of set) {
        if (!KEYS.includes(key as IdentityKey)) {
          throw new Error(
            `maestro.reconcile.${kind}: unknown key '${key}', expected one of ${KEYS.join(
              ', ',
            )}`,
          );
        }
      }
    }
    rules[kind] = sets as IdentityKey[][];
  }
  return rules;
}

function keyOf(kind: string, set: IdentityKey[], values: string[]) {
  return [kind, set.join('+'), ...values].join('\u0000');
}

/**
 * Recognises the records of one batch: by ref when an input has a name, then
 * by its kind's identity keys. Loaded with a few queries per batch (not per
 * record), and told of each record the batch writes, so two inputs that are
 * the same record meet even before it is stored. Deleted records are found by
 * ref only (a re-created name revives its history), never by keys.
 */
export class BatchIdentityIndex {
  private readonly byRef: Map<string, StoredRecord>;
  private readonly byKey = new Map<string, StoredRecord>();

  private constructor(
    private readonly rules: IdentityRules,
    loadedByRef: Map<string, StoredRecord>,
  ) {
    this.byRef = loadedByRef;
  }

  static async load(opts: {
    store: RecordStore;
    tx: Knex.Transaction;
    entities: Entity[];
    rules: IdentityRules;
    byKeys: boolean;
  }): Promise<BatchIdentityIndex> {
    const { store, tx, entities, rules } = opts;
    const index = new BatchIdentityIndex(
      rules,
      await store.findByRefs(
        entities.filter(e => e.metadata.name).map(e => stringifyEntityRef(e)),
        tx,
      ),
    );
    if (!opts.byKeys) return index;
    // One query per kind and key set, for the tuples the inputs carry.
    const wanted = new Map<
      string,
      { kind: string; set: IdentityKey[]; tuples: Map<string, string[]> }
    >();
    for (const entity of entities) {
      // An input found by its ref needs no key lookup.
      if (entity.metadata.name && index.byRef.has(stringifyEntityRef(entity))) {
        continue;
      }
      const columns = promotedColumns(entity);
      for (const set of index.setsOf(entity.kind)) {
        const values = set.map(key => columns[key]);
        if (values.some(v => !v)) continue;
        const id = `${entity.kind}\u0000${set.join('+')}`;
        if (!wanted.has(id))
          wanted.set(id, { kind: entity.kind, set, tuples: new Map() });
        wanted.get(id)!.tuples.set(values.join('\u0000'), values as string[]);
      }
    }
    for (const { kind, set, tuples } of wanted.values()) {
      const found = await store.findLiveByKeys(
        kind,
        set,
        [...tuples.values()],
        tx,
      );
      found.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      for (const record of found) index.indexKeys(record, false);
    }
    return index;
  }

  private setsOf(kind: string): IdentityKey[][] {
    return this.rules[kind] ?? this.rules['*'] ?? [];
  }

  private keysOf(entity: Entity): string[] {
    const columns = promotedColumns(entity);
    return this.setsOf(entity.kind).flatMap(set => {
      const values = set.map(key => columns[key]);
      return values.some(v => !v)
        ? []
        : [keyOf(entity.kind, set, values as string[])];
    });
  }

  private indexKeys(record: StoredRecord, replace: boolean) {
    if (record.deleted) return;
    for (const key of this.keysOf(record.entity)) {
      if (replace || !this.byKey.has(key)) this.byKey.set(key, record);
    }
  }

  /** The existing record an input is, if any. */
  find(entity: Entity, byKeys: boolean): StoredRecord | undefined {
    if (entity.metadata.name) {
      const found = this.byRef.get(stringifyEntityRef(entity));
      if (found) return found;
    }
    if (!byKeys) return undefined;
    const uniqueId = promotedColumns(entity).unique_id;
    for (const key of this.keysOf(entity)) {
      const found = this.byKey.get(key);
      // Two records with their own, different cloud ids are two records,
      // whatever else they share (every AWS region's default VPC reuses
      // 172.31.0.0/16, so one datacenter holds the same private IP twice).
      const otherId = found && promotedColumns(found.entity).unique_id;
      if (found && !(uniqueId && otherId && uniqueId !== otherId)) return found;
    }
    return undefined;
  }

  /** Tells the index of a record the batch is writing. */
  remember(record: StoredRecord) {
    this.byRef.set(record.entityRef, record);
    this.indexKeys(record, true);
  }
}
