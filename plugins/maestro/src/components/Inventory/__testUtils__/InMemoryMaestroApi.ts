import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  FieldError,
  MaestroRecord,
  MaestroSettings,
  RecordPage,
  RecordQuery,
  defaultOptionLists,
  DEFAULT_REGIONS,
  DEFAULT_SERVICES,
} from '@maestro/plugin-maestro-common';
import {
  MaestroApi,
  RecordFieldErrors,
  RecordReferencesPage,
} from '../../../api';
import { getAt } from '../forms';

/**
 * A MaestroApi over records in memory, filtering like the backend
 * (`~` contains, else exact), for component tests; it records every call.
 */
export class InMemoryMaestroApi implements MaestroApi {
  readonly records = new Map<string, MaestroRecord>();
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  /** Field errors the next write answers with, as the server would. */
  nextWriteErrors?: FieldError[];
  references: RecordReferencesPage = { items: [], totalCount: 0 };

  constructor(entities: Entity[] = []) {
    entities.forEach(e => this.put(e));
  }

  put(entity: Entity): MaestroRecord {
    const now = new Date('2026-11-20T10:00:00Z').toISOString();
    const record: MaestroRecord = {
      id: stringifyEntityRef(entity),
      entity,
      revision: 1,
      active: true,
      createdAt: now,
      updatedAt: now,
      createdBy: 'user:default/ada',
      updatedBy: 'user:default/ada',
      fieldSources: {},
    };
    this.records.set(stringifyEntityRef(entity), record);
    return record;
  }

  async getRecordByRef(entityRef: string) {
    this.calls.push({ method: 'getRecordByRef', args: [entityRef] });
    const found = this.records.get(entityRef);
    if (!found) throw new Error(`${entityRef} not found`);
    return found;
  }
  async getHistoryByRef() {
    return [];
  }
  async listRecords(
    kindPlural: string,
    query: RecordQuery = {},
  ): Promise<RecordPage> {
    this.calls.push({ method: 'listRecords', args: [kindPlural, query] });
    const kindOf: Record<string, string> = {
      servers: 'Server',
      datacenters: 'Datacenter',
      applications: 'Component',
      resources: 'Resource',
      systems: 'System',
      volumes: 'Volume',
    };
    const matches = [...this.records.values()].filter(r => {
      if (r.entity.kind !== kindOf[kindPlural]) return false;
      return Object.entries(query.filter ?? {}).every(([path, want]) => {
        const have = String(getAt(r.entity, path) ?? '').toLowerCase();
        return want.startsWith('~')
          ? have.includes(want.slice(1).toLowerCase())
          : have === want.toLowerCase();
      });
    });
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    return {
      items: matches.slice(offset, offset + limit),
      totalCount: matches.length,
      offset,
      limit,
    };
  }
  private write(method: string, args: unknown[], entity: Entity) {
    this.calls.push({ method, args });
    const errors = this.nextWriteErrors;
    this.nextWriteErrors = undefined;
    if (errors) throw new RecordFieldErrors('Invalid record', errors);
    const name =
      entity.metadata.name ??
      String(entity.metadata.title).toLowerCase().replace(/\W+/g, '-');
    return this.put({ ...entity, metadata: { ...entity.metadata, name } });
  }
  async createRecord(kindPlural: string, entity: Entity) {
    return this.write('createRecord', [kindPlural, entity], entity);
  }
  async updateRecord(kindPlural: string, entity: Entity) {
    return this.write('updateRecord', [kindPlural, entity], entity);
  }
  async deleteRecord(kindPlural: string, entity: Entity) {
    this.calls.push({ method: 'deleteRecord', args: [kindPlural, entity] });
    this.records.delete(stringifyEntityRef(entity));
  }
  async getReferences(entityRef: string) {
    this.calls.push({ method: 'getReferences', args: [entityRef] });
    return this.references;
  }
  async getOptions() {
    return { options: {}, families: [] } as any;
  }
  async getSettings(): Promise<MaestroSettings> {
    return {
      options: defaultOptionLists(),
      services: [...DEFAULT_SERVICES],
      regions: DEFAULT_REGIONS,
    };
  }

  callsOf(method: string) {
    return this.calls.filter(c => c.method === method).map(c => c.args);
  }
}
