import { Knex } from 'knex';
import { StoredConnection, TaskState } from './types';
import { deleteObjectEntries } from '../access/ObjectAccessStore';

const CONNECTIONS = 'maestro_discovery_connections';
const TASKS = 'maestro_discovery_tasks';
const STATE = 'maestro_discovery_connection_state';

function toConnection(row: any): StoredConnection {
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    datacenter: row.datacenter,
    owner: row.owner ?? undefined,
    accessTemplate: row.access_template
      ? JSON.parse(row.access_template)
      : undefined,
    settings: JSON.parse(row.settings),
    encryptedCredentials: row.credentials,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

function toTask(row: any): TaskState {
  return {
    connectionId: row.connection_id,
    task: row.task,
    enabled: Boolean(row.enabled),
    running: Boolean(row.running),
    startedAt: row.started_at ?? undefined,
    lastRunAt: row.last_run_at ?? undefined,
    nextRunAt: row.next_run_at ?? undefined,
    outcome: row.outcome ?? undefined,
    message: row.message ?? undefined,
    permission: row.permission ?? undefined,
    seen: Number(row.seen),
    created: Number(row.created),
    updated: Number(row.updated),
    deactivated: Number(row.deactivated),
    progress: row.progress ? JSON.parse(row.progress) : undefined,
  };
}

/** Connections and the state of their tasks, in the plugin's database. */
export class ConnectionStore {
  constructor(private readonly db: Knex) {}

  async list(): Promise<StoredConnection[]> {
    const rows = await this.db(CONNECTIONS).orderBy('title');
    return rows.map(toConnection);
  }

  async get(id: string): Promise<StoredConnection | undefined> {
    const row = await this.db(CONNECTIONS).where({ id }).first();
    return row ? toConnection(row) : undefined;
  }

  async insert(connection: StoredConnection, taskNames: string[]) {
    await this.db.transaction(async tx => {
      await tx(CONNECTIONS).insert({
        id: connection.id,
        title: connection.title,
        type: connection.type,
        datacenter: connection.datacenter,
        owner: connection.owner ?? null,
        access_template: connection.accessTemplate?.length
          ? JSON.stringify(connection.accessTemplate)
          : null,
        settings: JSON.stringify(connection.settings),
        credentials: connection.encryptedCredentials,
        created_at: connection.createdAt,
        updated_at: connection.updatedAt,
        created_by: connection.createdBy,
        updated_by: connection.updatedBy,
      });
      if (taskNames.length) {
        await tx(TASKS).insert(
          taskNames.map(task => ({ connection_id: connection.id, task })),
        );
      }
    });
  }

  async update(connection: StoredConnection) {
    await this.db(CONNECTIONS)
      .where({ id: connection.id })
      .update({
        title: connection.title,
        datacenter: connection.datacenter,
        owner: connection.owner ?? null,
        access_template: connection.accessTemplate?.length
          ? JSON.stringify(connection.accessTemplate)
          : null,
        settings: JSON.stringify(connection.settings),
        credentials: connection.encryptedCredentials,
        updated_at: connection.updatedAt,
        updated_by: connection.updatedBy,
      });
  }

  /**
   * Removes the connection, its task states, its state and its access
   * entries; its records stay.
   */
  async delete(id: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      await tx(TASKS).where({ connection_id: id }).delete();
      await deleteObjectEntries(tx, 'connection', id);
      await tx(STATE).where({ connection_id: id }).delete();
      await tx('maestro_discovery_scope_records')
        .where('scope', 'like', `${id}/%`)
        .delete();
      return (await tx(CONNECTIONS).where({ id }).delete()) > 0;
    });
  }

  /** Adds state rows for tasks a source gained since the connection was made. */
  async ensureTasks(connectionId: string, taskNames: string[]) {
    const known = new Set(
      (await this.db(TASKS).where({ connection_id: connectionId })).map(
        r => r.task,
      ),
    );
    const missing = taskNames.filter(t => !known.has(t));
    if (missing.length) {
      await this.db(TASKS).insert(
        missing.map(task => ({ connection_id: connectionId, task })),
      );
    }
  }

  async tasks(connectionId: string): Promise<TaskState[]> {
    const rows = await this.db(TASKS)
      .where({ connection_id: connectionId })
      .orderBy('task');
    return rows.map(toTask);
  }

  async task(
    connectionId: string,
    task: string,
  ): Promise<TaskState | undefined> {
    const row = await this.db(TASKS)
      .where({ connection_id: connectionId, task })
      .first();
    return row ? toTask(row) : undefined;
  }

  async setEnabled(connectionId: string, task: string, enabled: boolean) {
    await this.db(TASKS)
      .where({ connection_id: connectionId, task })
      .update({ enabled });
  }

  async started(connectionId: string, task: string, startedAt: string) {
    await this.db(TASKS)
      .where({ connection_id: connectionId, task })
      .update({ running: true, started_at: startedAt, progress: null });
  }

  async progressed(connectionId: string, task: string, progress: object) {
    await this.db(TASKS)
      .where({ connection_id: connectionId, task })
      .update({ progress: JSON.stringify(progress) });
  }

  async finished(
    state: Pick<
      TaskState,
      | 'connectionId'
      | 'task'
      | 'lastRunAt'
      | 'nextRunAt'
      | 'outcome'
      | 'message'
      | 'permission'
      | 'seen'
      | 'created'
      | 'updated'
      | 'deactivated'
    >,
  ) {
    await this.db(TASKS)
      .where({ connection_id: state.connectionId, task: state.task })
      .update({
        running: false,
        progress: null,
        last_run_at: state.lastRunAt ?? null,
        next_run_at: state.nextRunAt ?? null,
        outcome: state.outcome ?? null,
        message: state.message ?? null,
        permission: state.permission ?? null,
        seen: state.seen,
        created: state.created,
        updated: state.updated,
        deactivated: state.deactivated,
      });
  }

  async getState(connectionId: string, key: string) {
    const row = await this.db(STATE)
      .where({ connection_id: connectionId, key })
      .first();
    return row ? (row.value as string) : undefined;
  }

  async setState(connectionId: string, key: string, value: string) {
    await this.db(STATE)
      .insert({
        connection_id: connectionId,
        key,
        value,
        updated_at: new Date().toISOString(),
      })
      .onConflict(['connection_id', 'key'])
      .merge(['value', 'updated_at']);
  }

  /** Forgets everything the connection kept, e.g. after its host changed. */
  async clearState(connectionId: string) {
    await this.db(STATE).where({ connection_id: connectionId }).delete();
  }
}
