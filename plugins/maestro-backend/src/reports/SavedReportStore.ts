import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import {
  ReportQuery,
  ReportStatus,
  SavedReport,
} from '@maestro/plugin-maestro-common';
import {
  deleteObjectEntries,
  ownerOfCreator,
} from '../access/ObjectAccessStore';

const TABLE = 'maestro_reports';

function toReport(row: any): SavedReport {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    query: JSON.parse(row.query),
    status: row.status,
    scheduled: Boolean(row.scheduled),
    rowCount: row.row_count === null ? undefined : Number(row.row_count),
    durationMs: row.duration_ms === null ? undefined : Number(row.duration_ms),
    error: row.error ?? undefined,
    lastRunAt: row.last_run_at ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

/** Persistence of saved reports (`maestro_reports`). */
export class SavedReportStore {
  constructor(private readonly db: Knex) {}

  async list(): Promise<SavedReport[]> {
    const rows = await this.db(TABLE).orderBy('updated_at', 'desc');
    return rows.map(toReport);
  }

  async listScheduled(): Promise<SavedReport[]> {
    const rows = await this.db(TABLE).where({ scheduled: true });
    return rows.map(toReport);
  }

  async get(id: string): Promise<SavedReport | undefined> {
    const row = await this.db(TABLE).where({ id }).first();
    return row ? toReport(row) : undefined;
  }

  async create(input: {
    name: string;
    query: ReportQuery;
    scheduled: boolean;
    actor: string;
  }): Promise<SavedReport> {
    const now = new Date().toISOString();
    const id = uuid();
    await this.db(TABLE).insert({
      id,
      name: input.name,
      type: input.query.type,
      query: JSON.stringify(input.query),
      status: 'created' satisfies ReportStatus,
      scheduled: input.scheduled,
      created_at: now,
      updated_at: now,
      created_by: input.actor,
      updated_by: input.actor,
      // Whoever creates a report owns it (holds admin on it).
      owner: ownerOfCreator(input.actor) ?? null,
    });
    return (await this.get(id))!;
  }

  /** Changes the definition; the last run's outcome no longer applies. */
  async update(
    id: string,
    input: {
      name: string;
      query: ReportQuery;
      scheduled: boolean;
      actor: string;
    },
  ): Promise<SavedReport | undefined> {
    const count = await this.db(TABLE)
      .where({ id })
      .update({
        name: input.name,
        type: input.query.type,
        query: JSON.stringify(input.query),
        scheduled: input.scheduled,
        status: 'created' satisfies ReportStatus,
        row_count: null,
        duration_ms: null,
        error: null,
        updated_at: new Date().toISOString(),
        updated_by: input.actor,
      });
    return count ? this.get(id) : undefined;
  }

  /** Deletes a report and its access entries; false when there was none. */
  async delete(id: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      await deleteObjectEntries(tx, 'report', id);
      return (await tx(TABLE).where({ id }).delete()) > 0;
    });
  }

  async markRunning(id: string) {
    await this.db(TABLE).where({ id }).update({ status: 'running' });
  }

  async recordRun(
    id: string,
    outcome: { rowCount?: number; durationMs: number; error?: string },
  ) {
    await this.db(TABLE)
      .where({ id })
      .update({
        status: (outcome.error ? 'failed' : 'finished') satisfies ReportStatus,
        row_count: outcome.rowCount ?? null,
        duration_ms: Math.round(outcome.durationMs),
        error: outcome.error ?? null,
        last_run_at: new Date().toISOString(),
      });
  }
}
