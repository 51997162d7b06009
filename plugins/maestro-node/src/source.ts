import { Entity } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';

/** An entity a source discovered, as Maestro's kinds shape it. */
export type DiscoveredEntity = Entity;

/** A field of a connection's form, e.g. an access key id or a region list. */
export interface DiscoveryConnectionField {
  /** Key in the connection's settings (or credentials when `secret`). */
  name: string;
  title: string;
  description?: string;
  /**
   * Secrets are stored encrypted, never returned by the API and never
   * logged; the source receives them in `connection.credentials`.
   */
  secret?: boolean;
  required?: boolean;
  /**
   * A change of this field's value forgets the connection's state (see
   * `DiscoveryTaskContext.state`), e.g. a host key pinned for another host.
   */
  resetsState?: boolean;
}

/** How often a task runs, as Maestro's scheduler rules write it. */
export interface DiscoveryInterval {
  every: number;
  period: 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks';
}

/** A connection as a source sees it when one of its tasks runs. */
export interface DiscoveryConnection {
  id: string;
  /** The source type, e.g. `aws`. */
  type: string;
  /** Entity ref of the Datacenter the records belong to. */
  datacenter: string;
  /** Entity ref of the owning user or group. */
  owner?: string;
  /** Non-secret fields, e.g. regions or an endpoint override. */
  settings: Record<string, string>;
  /** Secret fields, decrypted for the run only. */
  credentials: Record<string, string>;
}

/** What a running task reports of its advance, shown live. */
export interface DiscoveryProgress {
  /** e.g. `us-east-1: page 3`. */
  message?: string;
  /** Items seen so far in this run. */
  seen?: number;
}

/**
 * Small values a connection keeps between runs and restarts (e.g. the
 * fingerprint of a host key pinned on first use). Deleted with the
 * connection, and when a field marked `resetsState` changes.
 */
export interface DiscoveryConnectionState {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

/**
 * What the engine offers a running task. A scope is a part of the
 * connection the task scans as a whole, usually a region: once `complete`
 * is called for a scope, records of the scope (connection + task + scope)
 * that were not emitted in this run are marked inactive. A scope that is
 * never completed (failure, abort) changes nothing but what was emitted.
 */
export interface DiscoveryTaskContext {
  connection: DiscoveryConnection;
  signal: AbortSignal;
  logger: LoggerService;
  /**
   * Hands a batch of translated entities of one scope to the engine, which
   * writes them (upsert) before it resolves. Keep batches to a page.
   */
  emit(scope: string, entities: Entity[]): Promise<void>;
  /** The scan of a scope went through every page. */
  complete(scope: string): Promise<void>;
  progress(progress: DiscoveryProgress): void;
  /** The connection's state; engines that keep none leave it out. */
  state?: DiscoveryConnectionState;
}

/** What a task may say of a run that went through, e.g. what it skipped. */
export interface DiscoveryTaskSummary {
  /** Shown with the outcome, e.g. `3 resources of unread types skipped`. */
  message?: string;
}

/** One crawler of a source, e.g. AWS `server-list`. */
export interface DiscoveryTask {
  /** The task's name in Maestro's scheduler rules, e.g. `server-list`. */
  name: string;
  description: string;
  defaultInterval: DiscoveryInterval;
  /** Read-only permissions the credentials need, shown on the form. */
  permissions: string[];
  run(context: DiscoveryTaskContext): Promise<void | DiscoveryTaskSummary>;
}

/** A provider that Maestro discovers records from, e.g. AWS. */
export interface DiscoverySource {
  /** Connection type, e.g. `aws`. */
  type: string;
  title: string;
  fields: DiscoveryConnectionField[];
  tasks: DiscoveryTask[];
  /**
   * Checks a connection's fields beyond `required` and returns the problems
   * as field/message pairs (empty when valid).
   */
  validate?(connection: {
    settings: Record<string, string>;
    credentials: Record<string, string>;
  }): Array<{ field: string; message: string }>;
}
