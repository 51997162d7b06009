import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import { Knex } from 'knex';
import {
  MAESTRO_RECORD_RESOURCE_TYPE,
  maestroRecordDeletePermission,
  maestroRecordManageAccessPermission,
  maestroRecordReadPermission,
  maestroRecordUpdatePermission,
} from '@maestro/plugin-maestro-common';
import { RecordAccessQuery } from '@maestro/plugin-maestro-node';
import { AccessQueryShape, applyAccessCriteria } from './accessConditions';

/** Narrows a query on records (aliased `table`) to what a caller may see. */
export type AccessFilter = (builder: Knex.QueryBuilder, table: string) => void;

type RecordPermission = ResourcePermission<typeof MAESTRO_RECORD_RESOURCE_TYPE>;

const VERBS: Record<string, string> = {
  [maestroRecordUpdatePermission.name]: 'change',
  [maestroRecordDeletePermission.name]: 'delete',
  [maestroRecordManageAccessPermission.name]: 'change the access of',
};

/**
 * A backend service acting for itself (scheduled work, the catalog feed),
 * which the access rules do not limit; a user acting through a service is
 * still that user.
 */
export function actsAsService(credentials: BackstageCredentials): boolean {
  return (credentials.principal as { type?: string })?.type === 'service';
}

const everything: AccessFilter = () => {};
const nothing: AccessFilter = builder => {
  builder.whereRaw('1 = 0');
};

/**
 * Asks the permission framework what a caller may do with records and
 * turns conditional answers into SQL, so every surface (lists, counts,
 * reports, graphs, history) filters in the database with one rule set.
 * Backend services acting for themselves (the catalog feed, jobs) read
 * everything; a user acting through a service is still that user.
 */
export class RecordAccess {
  constructor(
    private readonly knex: Knex,
    private readonly permissions: PermissionsService,
    private readonly transform: ConditionTransformer<RecordAccessQuery>,
  ) {}

  /** For queries on many records: lists, counts, reports, graphs. */
  filter(
    credentials: BackstageCredentials,
    permission: RecordPermission = maestroRecordReadPermission,
  ): Promise<AccessFilter> {
    return this.filterShaped(credentials, permission, 'many');
  }

  private async filterShaped(
    credentials: BackstageCredentials,
    permission: RecordPermission,
    shape: AccessQueryShape,
  ): Promise<AccessFilter> {
    if (actsAsService(credentials)) return everything;
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return everything;
    if (decision.result !== AuthorizeResult.CONDITIONAL) return nothing;
    const criteria = this.transform(decision.conditions);
    return (builder, table) =>
      applyAccessCriteria(this.knex, builder, criteria, table, shape);
  }

  /** Whether the caller holds `permission` on one record (by its id). */
  async allows(
    credentials: BackstageCredentials,
    recordId: string,
    permission: RecordPermission,
  ): Promise<boolean> {
    const filter = await this.filterShaped(credentials, permission, 'few');
    const query = this.knex('maestro_records')
      .select('id')
      .where('maestro_records.id', recordId);
    filter(query, 'maestro_records');
    return Boolean(await query.first());
  }

  /** Of these record ids, the ones the caller may not do `permission` on. */
  async denied(
    credentials: BackstageCredentials,
    recordIds: string[],
    permission: RecordPermission,
  ): Promise<string[]> {
    if (!recordIds.length) return [];
    const filter = await this.filterShaped(credentials, permission, 'few');
    const allowed = new Set<string>();
    for (let i = 0; i < recordIds.length; i += 500) {
      const query = this.knex('maestro_records')
        .select('maestro_records.id')
        .whereIn('maestro_records.id', recordIds.slice(i, i + 500));
      filter(query, 'maestro_records');
      for (const row of await query) allowed.add(row.id);
    }
    return recordIds.filter(id => !allowed.has(id));
  }

  /** Of these entity refs, the records that exist but the caller may not read. */
  async unreadable(
    credentials: BackstageCredentials,
    entityRefs: string[],
  ): Promise<Set<string>> {
    const refs = [...new Set(entityRefs.map(r => r.toLowerCase()))];
    const hidden = new Set<string>();
    const filter = await this.filterShaped(
      credentials,
      maestroRecordReadPermission,
      'few',
    );
    for (let i = 0; i < refs.length; i += 500) {
      const chunk = refs.slice(i, i + 500);
      const existing = await this.knex('maestro_records')
        .select('entity_ref')
        .whereIn('entity_ref', chunk)
        .where({ deleted: false });
      const readable = this.knex('maestro_records')
        .select('maestro_records.entity_ref')
        .whereIn('maestro_records.entity_ref', chunk);
      filter(readable, 'maestro_records');
      const seen = new Set((await readable).map(r => r.entity_ref));
      for (const row of existing)
        if (!seen.has(row.entity_ref)) hidden.add(row.entity_ref);
    }
    return hidden;
  }

  /**
   * Throws unless the caller may do `permission` on the record. A record
   * the caller cannot read does not exist for it (404), so its existence
   * does not leak; one it reads but may not change is a 403.
   */
  async require(
    credentials: BackstageCredentials,
    record: { id: string; entityRef: string },
    permission: RecordPermission = maestroRecordReadPermission,
  ): Promise<void> {
    if (
      !(await this.allows(credentials, record.id, maestroRecordReadPermission))
    ) {
      throw new NotFoundError(`${record.entityRef} does not exist`);
    }
    if (permission.name === maestroRecordReadPermission.name) return;
    if (!(await this.allows(credentials, record.id, permission))) {
      throw new NotAllowedError(
        `You may not ${VERBS[permission.name] ?? 'do that to'} ${
          record.entityRef
        }`,
      );
    }
  }
}
