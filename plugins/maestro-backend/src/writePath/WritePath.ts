import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import {
  FieldError,
  DiffEntry,
  MaestroAccessEntry,
  RevisionAction,
  WriteSource,
  findMaestroKind,
  formatSource,
  nameWithSuffix,
  slugify,
} from '@maestro/plugin-maestro-common';
import { RecordStore } from '../store/RecordStore';
import { StoredRecord, StoredRevision } from '../store/types';
import { RecordInputError, translateRecord } from './translate';
import { mergeRecord } from './merge';
import { checksum } from './canonical';
import { diffDocuments } from './diff';
import {
  IdentityRules,
  DEFAULT_IDENTITY_RULES,
  BatchIdentityIndex,
} from './reconcile';
import { ChangePublisher } from './ChangePublisher';

/**
 * `create`: a new record (409 if its name is taken). `update`: the record
 * named by the input must exist; the input replaces it. `upsert`: a source's
 * view of a record: recognised by ref or identity keys, merged field by field.
 */
export type WriteMode = 'create' | 'update' | 'upsert';

export interface WriteOptions {
  mode: WriteMode;
  source: WriteSource;
  /** User entity ref, or the service that acts. */
  actor: string;
  /** Kind for inputs that do not say theirs. */
  kind?: string;
  /**
   * Plan every write (what would be created, updated, unchanged) and roll
   * back: nothing is stored or published. A preview of an import.
   */
  dryRun?: boolean;
  /**
   * Access entries of the records this write creates (a connection's
   * template), stored in the same transaction as the records.
   */
  initialAccess?: MaestroAccessEntry[];
}

/** Carries a dry run's plan out of the transaction it rolls back. */
class DryRunRollback extends Error {
  constructor(readonly results: WriteResult[]) {
    super('dry run');
  }
}

export interface WriteResult {
  action: 'created' | 'updated' | 'unchanged';
  record: StoredRecord;
}

interface PlannedWrite {
  record: StoredRecord;
  revision?: Omit<StoredRevision, 'id' | 'revision' | 'recordId' | 'entityRef'>;
  isNew: boolean;
}

/** What a revision says happened; a change of `active` alone to false is a deactivation. */
function revisionAction(diff: DiffEntry[], created: boolean): RevisionAction {
  if (created) return 'create';
  const deactivated =
    diff.length === 1 &&
    diff[0].path === 'spec.active' &&
    diff[0].after === false;
  return deactivated ? 'deactivate' : 'update';
}

/** What the caller is told of one input. */
function resultAction(
  plan: PlannedWrite,
  earlier?: PlannedWrite,
): WriteResult['action'] {
  if (!plan.revision) return 'unchanged';
  // A record first created in this batch counts as created for every input.
  if (earlier ? earlier.isNew : plan.isNew) return 'created';
  return 'updated';
}

/**
 * The single way records change: translate, reconcile, merge, store with a
 * revision in one transaction, then publish (catalog feed event, signal).
 */
export class WritePath {
  constructor(
    private readonly store: RecordStore,
    private readonly publisher: ChangePublisher,
    private readonly logger: LoggerService,
    private readonly identityRules: IdentityRules = DEFAULT_IDENTITY_RULES,
  ) {}

  /** Writes one record. */
  async write(input: unknown, options: WriteOptions): Promise<WriteResult> {
    return (await this.writeMany([input], options))[0];
  }

  /**
   * Writes many records all or nothing: every input is translated first
   * (errors name the input's index and field), then one transaction stores
   * them.
   */
  async writeMany(
    inputs: unknown[],
    options: WriteOptions,
  ): Promise<WriteResult[]> {
    const entities = this.translateAll(inputs, options.kind);
    let results: WriteResult[];
    try {
      results = await this.transactionalWrite(entities, options);
    } catch (error) {
      if (error instanceof DryRunRollback) return error.results;
      throw error;
    }
    this.publishAfterCommit(
      results.filter(r => r.action !== 'unchanged').map(r => r.record),
    );
    await this.store.refreshStatisticsAfter(
      results.filter(r => r.action === 'created').length,
    );
    return results;
  }

  private async transactionalWrite(
    entities: Entity[],
    options: WriteOptions,
  ): Promise<WriteResult[]> {
    return this.store.transaction(async tx => {
      await this.store.lockChangeOrder(tx);
      // The row to write per record (the last plan wins when an input names
      // a record twice) and one revision per change, in input order.
      const rows = new Map<string, PlannedWrite>();
      const changes: PlannedWrite[] = [];
      const out: WriteResult[] = [];
      const pendingByRef = new Map<string, PlannedWrite>();
      const identities = await BatchIdentityIndex.load({
        store: this.store,
        tx,
        entities,
        rules: this.identityRules,
        byKeys: options.mode === 'upsert',
      });
      for (const entity of entities) {
        const plan = await this.plan(
          tx,
          entity,
          options,
          pendingByRef,
          identities,
        );
        const ref = plan.record.entityRef;
        const earlier = pendingByRef.get(ref);
        // A record first created in this batch is still to be inserted.
        if (earlier?.isNew) plan.isNew = true;
        pendingByRef.set(ref, plan);
        identities.remember(plan.record);
        if (plan.revision) {
          rows.set(ref, plan);
          changes.push(plan);
        }
        out.push({
          action: resultAction(plan, earlier),
          record: plan.record,
        });
      }
      if (options.dryRun) throw new DryRunRollback(out);
      await this.commit(tx, [...rows.values()], changes, options);
      return out;
    });
  }

  private translateAll(inputs: unknown[], kindName?: string): Entity[] {
    const errors: FieldError[] = [];
    const entities: Entity[] = [];
    inputs.forEach((input, index) => {
      const kind = findMaestroKind(
        kindName ?? String((input as Entity | undefined)?.kind ?? ''),
      );
      const prefix = inputs.length > 1 ? `[${index}].` : '';
      if (!kind) {
        errors.push({
          field: `${prefix}kind`,
          message: 'is not a Maestro kind',
        });
        return;
      }
      try {
        entities.push(translateRecord(kind, input));
      } catch (e) {
        if (!(e instanceof RecordInputError)) throw e;
        errors.push(
          ...e.fieldErrors.map(f => ({ ...f, field: prefix + f.field })),
        );
      }
    });
    if (errors.length) throw new RecordInputError(errors);
    return entities;
  }

  private async plan(
    tx: Knex.Transaction,
    entity: Entity,
    options: WriteOptions,
    pending: Map<string, PlannedWrite>,
    identities: BatchIdentityIndex,
  ): Promise<PlannedWrite> {
    const candidateRef = entity.metadata.name
      ? stringifyEntityRef(entity)
      : undefined;
    let existing = identities.find(entity, options.mode === 'upsert');
    if (existing && pending.has(existing.entityRef))
      existing = pending.get(existing.entityRef)!.record;

    if (options.mode === 'create' && existing && !existing.deleted) {
      if (entity.metadata.name) {
        throw new ConflictError(`${existing.entityRef} already exists`);
      }
      existing = undefined;
    }
    if (options.mode === 'update' && (!existing || existing.deleted)) {
      throw new NotFoundError(`${candidateRef ?? entity.kind} does not exist`);
    }
    const revive = existing?.deleted ?? false;
    const name =
      existing?.name ??
      entity.metadata.name ??
      (await this.freeName(tx, entity, pending));
    const namespace = existing?.namespace ?? entity.metadata.namespace!;
    const merged = mergeRecord({
      existing: existing && !revive ? existing : undefined,
      incoming: entity,
      identity: { namespace, name },
      source: options.source,
      mode: options.mode === 'upsert' ? 'merge' : 'replace',
    });
    const sum = checksum(merged.entity);
    const now = new Date().toISOString();
    const sourceText = formatSource(options.source);

    if (existing && !revive && existing.checksum === sum) {
      return { record: existing, isNew: false };
    }
    const record: StoredRecord = {
      id: existing?.id ?? uuid(),
      kind: entity.kind,
      namespace,
      name,
      entityRef: stringifyEntityRef({ kind: entity.kind, namespace, name }),
      entity: merged.entity,
      fieldSources: merged.fieldSources,
      checksum: sum,
      revision: (existing?.revision ?? 0) + 1,
      seq: 0,
      active: (merged.entity.spec as any)?.active !== false,
      deleted: false,
      createdAt: existing && !revive ? existing.createdAt : now,
      updatedAt: now,
      createdBy: existing && !revive ? existing.createdBy : options.actor,
      updatedBy: options.actor,
    };
    const isNew = !existing;
    const diff = diffDocuments(
      existing && !revive ? existing.entity : {},
      merged.entity,
    );
    const action = revisionAction(diff, !existing || revive);
    return {
      record,
      isNew,
      revision: {
        action,
        diff,
        actor: options.actor,
        source: sourceText,
        createdAt: now,
      },
    };
  }

  /** A slug of the title not used by another record of the kind. */
  private async freeName(
    tx: Knex.Transaction,
    entity: Entity,
    pending: Map<string, PlannedWrite>,
  ): Promise<string> {
    const base = slugify(String(entity.metadata.title ?? ''));
    for (let n = 1; ; n++) {
      const name = n === 1 ? base : nameWithSuffix(base, n);
      const ref = stringifyEntityRef({
        kind: entity.kind,
        namespace: entity.metadata.namespace,
        name,
      });
      if (!pending.has(ref) && !(await this.store.findByRef(ref, tx)))
        return name;
    }
  }

  private async commit(
    tx: Knex.Transaction,
    rows: PlannedWrite[],
    changes: PlannedWrite[],
    options: WriteOptions,
  ) {
    if (!rows.length) return;
    let seq = await this.store.reserveSeq(tx, rows.length);
    const inserts: StoredRecord[] = [];
    for (const plan of rows) {
      plan.record.seq = seq++;
      if (plan.isNew) inserts.push(plan.record);
      else await this.store.update(plan.record, tx);
    }
    await this.store.insertMany(inserts, tx);
    if (options.initialAccess?.length) {
      await this.store.insertAccess(
        inserts.map(r => r.id),
        options.initialAccess,
        options.actor,
        tx,
      );
    }
    await this.store.insertRevisions(
      changes.map(plan => ({
        ...plan.revision!,
        id: uuid(),
        recordId: plan.record.id,
        entityRef: plan.record.entityRef,
        revision: plan.record.revision,
      })),
      tx,
    );
  }

  /** Deletes a record (a tombstone stays so the catalog learns of it). */
  async delete(
    entityRef: string,
    source: WriteSource,
    actor: string,
  ): Promise<void> {
    const record = await this.store.transaction(async tx => {
      const existing = await this.store.findByRef(entityRef, tx);
      if (!existing || existing.deleted) {
        throw new NotFoundError(`${entityRef} does not exist`);
      }
      const seq = await this.store.reserveSeq(tx, 1);
      const now = new Date().toISOString();
      const updated: StoredRecord = {
        ...existing,
        deleted: true,
        revision: existing.revision + 1,
        seq,
        updatedAt: now,
        updatedBy: actor,
      };
      await this.store.update(updated, tx);
      await this.store.insertRevisions(
        [
          {
            id: uuid(),
            recordId: existing.id,
            entityRef,
            revision: updated.revision,
            action: 'delete',
            diff: diffDocuments(existing.entity, {}),
            actor,
            source: formatSource(source),
            createdAt: now,
          },
        ],
        tx,
      );
      return updated;
    });
    this.publishAfterCommit([record]);
  }

  /**
   * Records a change of a record's access entries: `save` stores them in
   * the same transaction as a revision (history shows who granted what)
   * and a new change number, so the catalog's copy follows.
   */
  async changeAccess(
    entityRef: string,
    diff: DiffEntry[],
    actor: string,
    save: (tx: Knex.Transaction, record: StoredRecord) => Promise<void>,
  ): Promise<StoredRecord> {
    const record = await this.store.transaction(async tx => {
      const existing = await this.store.findByRef(entityRef, tx);
      if (!existing || existing.deleted) {
        throw new NotFoundError(`${entityRef} does not exist`);
      }
      await save(tx, existing);
      const now = new Date().toISOString();
      const updated: StoredRecord = {
        ...existing,
        revision: existing.revision + 1,
        seq: await this.store.reserveSeq(tx, 1),
        updatedAt: now,
        updatedBy: actor,
      };
      await this.store.update(updated, tx);
      await this.store.insertRevisions(
        [
          {
            id: uuid(),
            recordId: existing.id,
            entityRef,
            revision: updated.revision,
            action: 'access',
            diff,
            actor,
            source: 'api',
            createdAt: now,
          },
        ],
        tx,
      );
      return updated;
    });
    this.publishAfterCommit([record]);
    return record;
  }

  /**
   * Marks records inactive (a complete scan no longer sees them). Records
   * already inactive are left alone. Never deletes.
   */
  async deactivate(
    entityRefs: string[],
    source: WriteSource,
    actor: string,
  ): Promise<number> {
    const inputs: Entity[] = [];
    const found = await this.store.findByRefs(entityRefs);
    for (const record of found.values()) {
      if (record.deleted || !record.active) continue;
      inputs.push({
        ...record.entity,
        spec: { ...record.entity.spec, active: false },
      });
    }
    if (!inputs.length) return 0;
    const results = await this.writeMany(inputs, {
      mode: 'upsert',
      source,
      actor,
    });
    return results.filter(r => r.action === 'updated').length;
  }

  private publishAfterCommit(records: StoredRecord[]) {
    if (!records.length) return;
    this.publisher
      .published(records)
      .catch(error =>
        this.logger.warn(`Could not announce Maestro changes: ${error}`),
      );
  }
}
