import { MaestroNotifier } from '../notify';
import { MaestroAccessEntry } from '@maestro/plugin-maestro-common';
import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import {
  DiscoveryConnection,
  DiscoverySource,
  DiscoveryTask,
  intervalToMilliseconds,
} from '@maestro/plugin-maestro-node';
import { WritePath } from '../writePath/WritePath';
import { CredentialCipher } from './CredentialCipher';
import { ConnectionStore } from './ConnectionStore';
import { ScopeTracker } from './ScopeTracker';
import { nextScheduledRun } from './nextRun';
import { runDiscoveryTask } from './TaskRun';
import { readConnectionInput } from './connectionInput';
import { StoredConnection, TaskState } from './types';

type InitialDelay = SchedulerServiceTaskScheduleDefinition['initialDelay'];

/** A connection as the API shows it: never its secrets, only which are set. */
export interface ConnectionView {
  id: string;
  title: string;
  type: string;
  datacenter: string;
  owner?: string;
  accessTemplate?: MaestroAccessEntry[];
  settings: Record<string, string>;
  secretsSet: string[];
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

/**
 * Tasks of existing connections wait this long after the backend starts, so
 * a restart does not start every crawler at once. A new connection's tasks
 * start at once (the scheduler's worker would also hold "sync now" back
 * for the delay).
 */
const STARTUP_DELAY: InitialDelay = { seconds: 30 };

/** The scheduler's id of a task of a connection: stable across restarts. */
export function schedulerTaskId(connectionId: string, task: string) {
  return `maestro-discovery:${connectionId}:${task}`;
}

/**
 * The discovery engine: connections and their encrypted credentials, the
 * scheduling of their tasks (globally, once per interval across backend
 * replicas) and the runs that write what the sources find.
 */
export class DiscoveryService {
  private readonly sources = new Map<string, DiscoverySource>();
  private readonly connections: ConnectionStore;

  constructor(
    private readonly deps: {
      db: Knex;
      writePath: WritePath;
      scheduler?: SchedulerService;
      cipher?: CredentialCipher;
      logger: LoggerService;
      /** Live progress, outcomes and failure notifications. */
      notifier?: MaestroNotifier;
    },
  ) {
    this.connections = new ConnectionStore(deps.db);
  }

  addSource(source: DiscoverySource) {
    if (this.sources.has(source.type)) {
      throw new Error(`Discovery source '${source.type}' is added twice`);
    }
    this.sources.set(source.type, source);
  }

  listSources(): DiscoverySource[] {
    return [...this.sources.values()];
  }

  private cipher(): CredentialCipher {
    if (!this.deps.cipher) {
      throw new ConflictError(
        'Discovery needs maestro.discovery.encryptionKey in the configuration',
      );
    }
    return this.deps.cipher;
  }

  private view(connection: StoredConnection): ConnectionView {
    const { encryptedCredentials, ...rest } = connection;
    let secretsSet: string[] = [];
    try {
      secretsSet = Object.keys(this.cipher().decrypt(encryptedCredentials));
    } catch {
      secretsSet = [];
    }
    return { ...rest, secretsSet: secretsSet.sort() };
  }

  private async load(id: string): Promise<StoredConnection> {
    const connection = await this.connections.get(id);
    if (!connection) throw new NotFoundError(`Connection ${id} does not exist`);
    return connection;
  }

  async list(): Promise<ConnectionView[]> {
    return (await this.connections.list()).map(c => this.view(c));
  }

  async get(id: string): Promise<ConnectionView> {
    return this.view(await this.load(id));
  }

  async create(body: unknown, actor: string): Promise<ConnectionView> {
    const cipher = this.cipher();
    const input = readConnectionInput(body, this.sources);
    const now = new Date().toISOString();
    const connection: StoredConnection = {
      id: uuid(),
      title: input.title,
      type: input.type,
      datacenter: input.datacenter,
      owner: input.owner,
      accessTemplate: input.accessTemplate,
      settings: input.settings,
      encryptedCredentials: cipher.encrypt(input.credentials),
      createdAt: now,
      updatedAt: now,
      createdBy: actor,
      updatedBy: actor,
    };
    const source = this.sources.get(input.type)!;
    await this.connections.insert(
      connection,
      source.tasks.map(t => t.name),
    );
    await this.scheduleConnection(connection);
    return this.view(connection);
  }

  async update(id: string, body: unknown, actor: string) {
    const cipher = this.cipher();
    const existing = await this.load(id);
    const previousCredentials = cipher.decrypt(existing.encryptedCredentials);
    const input = readConnectionInput(body, this.sources, {
      connection: existing,
      credentials: previousCredentials,
    });
    const updated: StoredConnection = {
      ...existing,
      title: input.title,
      datacenter: input.datacenter,
      owner: input.owner,
      accessTemplate: input.accessTemplate,
      settings: input.settings,
      encryptedCredentials: cipher.encrypt(input.credentials),
      updatedAt: new Date().toISOString(),
      updatedBy: actor,
    };
    await this.connections.update(updated);
    const source = this.sources.get(existing.type);
    const before = { ...existing.settings, ...previousCredentials };
    const after = { ...input.settings, ...input.credentials };
    // E.g. a host key pinned for the old host must not judge the new one.
    if (
      source?.fields.some(
        f => f.resetsState && (before[f.name] ?? '') !== (after[f.name] ?? ''),
      )
    ) {
      await this.connections.clearState(id);
    }
    return this.view(updated);
  }

  /** Deletes a connection; the records it discovered stay. */
  async delete(id: string) {
    if (!(await this.connections.delete(id))) {
      throw new NotFoundError(`Connection ${id} does not exist`);
    }
  }

  async tasks(id: string): Promise<
    Array<
      TaskState & {
        description: string;
        permissions: string[];
        interval: DiscoveryTask['defaultInterval'];
      }
    >
  > {
    const connection = await this.load(id);
    const source = this.sources.get(connection.type);
    const states = await this.connections.tasks(id);
    return states.flatMap(state => {
      const task = source?.tasks.find(t => t.name === state.task);
      return task
        ? [
            {
              ...state,
              description: task.description,
              permissions: task.permissions,
              interval: task.defaultInterval,
            },
          ]
        : [];
    });
  }

  async setTaskEnabled(id: string, taskName: string, enabled: boolean) {
    await this.taskOf(await this.load(id), taskName);
    await this.connections.setEnabled(id, taskName, enabled);
    return (await this.connections.task(id, taskName))!;
  }

  private async taskOf(connection: StoredConnection, name: string) {
    const task = this.sources
      .get(connection.type)
      ?.tasks.find(t => t.name === name);
    if (!task) {
      throw new NotFoundError(
        `Connection ${connection.id} has no task '${name}'`,
      );
    }
    return task;
  }

  /** Schedules every task of every connection (at start-up). */
  async scheduleAll() {
    for (const connection of await this.connections.list()) {
      const source = this.sources.get(connection.type);
      if (source) {
        await this.connections.ensureTasks(
          connection.id,
          source.tasks.map(t => t.name),
        );
      }
      await this.scheduleConnection(connection, STARTUP_DELAY);
    }
  }

  /**
   * Every replica schedules the connections other replicas created (each
   * replica runs only tasks its own scheduler knows), checking every
   * `everySeconds`.
   */
  async watchConnections(everySeconds: number) {
    const { scheduler } = this.deps;
    if (!scheduler) return;
    await scheduler.scheduleTask({
      id: 'maestro-discovery-connections',
      scope: 'local',
      frequency: { seconds: everySeconds },
      timeout: { seconds: Math.max(everySeconds, 60) },
      initialDelay: { seconds: everySeconds },
      fn: () => this.scheduleUnknown(),
    });
  }

  /** Schedules the tasks of connections this replica has not scheduled. */
  async scheduleUnknown() {
    const { scheduler } = this.deps;
    if (!scheduler) return;
    const known = new Set((await scheduler.getScheduledTasks()).map(t => t.id));
    for (const connection of await this.connections.list()) {
      const source = this.sources.get(connection.type);
      for (const task of source?.tasks ?? []) {
        if (!known.has(schedulerTaskId(connection.id, task.name)))
          await this.scheduleTask(connection.id, task);
      }
    }
  }

  private async scheduleConnection(
    connection: StoredConnection,
    initialDelay?: InitialDelay,
  ) {
    const { scheduler } = this.deps;
    const source = this.sources.get(connection.type);
    if (!scheduler || !source) return;
    for (const task of source.tasks) {
      await this.scheduleTask(connection.id, task, initialDelay);
    }
  }

  private async scheduleTask(
    connectionId: string,
    task: DiscoveryTask,
    initialDelay?: InitialDelay,
  ) {
    const interval = intervalToMilliseconds(task.defaultInterval);
    await this.deps.scheduler!.scheduleTask({
      id: schedulerTaskId(connectionId, task.name),
      scope: 'global',
      frequency: { milliseconds: interval },
      timeout: { milliseconds: Math.max(interval, 60 * 60 * 1000) },
      initialDelay,
      fn: signal => this.runTask(connectionId, task.name, signal),
    });
  }

  /**
   * Runs a task now, through the scheduler so that no other replica runs it
   * at the same time.
   */
  async syncNow(id: string, taskName: string) {
    const connection = await this.load(id);
    const task = await this.taskOf(connection, taskName);
    const state = await this.connections.task(id, taskName);
    const stale =
      state?.startedAt &&
      Date.now() - Date.parse(state.startedAt) >
        Math.max(intervalToMilliseconds(task.defaultInterval), 60 * 60 * 1000);
    if (state && !state.enabled) {
      throw new ConflictError(`${taskName} is switched off`);
    }
    // A run whose process died stays "running" until its timeout passes.
    if (state?.running && !stale) {
      throw new ConflictError(`${taskName} is already running`);
    }
    const { scheduler } = this.deps;
    if (!scheduler) {
      await this.runTask(id, taskName, new AbortController().signal);
      return;
    }
    const taskId = schedulerTaskId(id, taskName);
    const known = (await scheduler.getScheduledTasks()).some(
      t => t.id === taskId,
    );
    // Created on another replica: this one learns of it now.
    if (!known) await this.scheduleTask(id, task);
    // The scheduler lets go of a run a moment after the run recorded its
    // end: a "sync now" in that moment waits for it rather than failing.
    for (let attempt = 1; ; attempt++) {
      try {
        await scheduler.triggerTask(taskId);
        return;
      } catch (error) {
        if ((error as Error).name !== 'ConflictError' || attempt >= 10)
          throw error;
        await new Promise(resolve => setTimeout(resolve, 300));
      }
    }
  }

  /** One run of a task; what the scheduler invokes. */
  async runTask(id: string, taskName: string, signal: AbortSignal) {
    const connection = await this.connections.get(id);
    const state = await this.connections.task(id, taskName);
    // Backstage's scheduler cannot unschedule: a deleted connection's tasks
    // stay registered until restart and find nothing to do.
    if (!connection || !state?.enabled) return;
    const task = await this.taskOf(connection, taskName);
    const startedAt = new Date().toISOString();
    await this.connections.started(id, taskName, startedAt);
    let result;
    try {
      const credentials = this.cipher().decrypt(
        connection.encryptedCredentials,
      );
      const discovered: DiscoveryConnection = {
        id,
        type: connection.type,
        datacenter: connection.datacenter,
        // Records need an owner (Resources require one): the connection's,
        // else whoever created the connection.
        owner:
          connection.owner ??
          (connection.createdBy.startsWith('user:')
            ? connection.createdBy
            : undefined),
        settings: connection.settings,
        credentials,
      };
      result = await runDiscoveryTask({
        task,
        connection: discovered,
        writePath: this.deps.writePath,
        accessTemplate: connection.accessTemplate,
        scopes: new ScopeTracker(this.deps.db),
        signal,
        logger: this.deps.logger.child({ connection: id, task: taskName }),
        state: {
          get: key => this.connections.getState(id, key),
          set: (key, value) => this.connections.setState(id, key, value),
        },
        onProgress: async progress => {
          await this.connections.progressed(id, taskName, progress);
          await this.deps.notifier?.taskProgressed(id, taskName, progress);
        },
      });
    } catch (error) {
      result = {
        seen: 0,
        created: 0,
        updated: 0,
        deactivated: 0,
        outcome: 'danger' as const,
        message: (error as Error).message,
      };
    }
    const finishedAt = new Date();
    this.deps.logger.info(
      `Discovery ${taskName} of connection ${id}: ${result.outcome}, seen ${result.seen}, created ${result.created}, updated ${result.updated}, deactivated ${result.deactivated}`,
    );
    await this.connections.finished({
      connectionId: id,
      task: taskName,
      lastRunAt: finishedAt.toISOString(),
      nextRunAt: nextScheduledRun(
        new Date(startedAt),
        finishedAt,
        intervalToMilliseconds(task.defaultInterval),
      ).toISOString(),
      ...result,
    });
    await this.deps.notifier?.taskFinished({
      connectionId: id,
      connectionTitle: connection.title,
      task: taskName,
      outcome: result.outcome,
      message: result.message,
      recipient: connection.owner ?? connection.createdBy,
    });
  }
}
