import { createApiRef } from '@backstage/frontend-plugin-api';
import { FieldError, MaestroAccessEntry } from '@maestro/plugin-maestro-common';

/** A kind of connection (AWS, ...) and what its form asks. @public */
export interface ConnectionType {
  type: string;
  title: string;
  fields: Array<{
    name: string;
    title: string;
    description?: string;
    secret?: boolean;
    required?: boolean;
    /** The value spans lines (e.g. an SSH private key). */
    multiline?: boolean;
  }>;
  tasks: Array<{
    name: string;
    description: string;
    interval: { every: number; period: string };
    permissions: string[];
  }>;
}

/** A connection as the API shows it: never its secrets. @public */
export interface Connection {
  id: string;
  title: string;
  type: string;
  datacenter: string;
  owner?: string;
  /** Access entries copied onto every record the connection creates. */
  accessTemplate?: MaestroAccessEntry[];
  settings: Record<string, string>;
  /** Names of the secret fields that are set. */
  secretsSet: string[];
  updatedAt: string;
}

/** @public */
export interface ConnectionTask {
  task: string;
  enabled: boolean;
  running: boolean;
  lastRunAt?: string;
  nextRunAt?: string;
  outcome?: 'success' | 'warning' | 'danger';
  message?: string;
  permission?: string;
  seen: number;
  created: number;
  updated: number;
  deactivated: number;
  progress?: { message?: string; seen?: number };
}

/** @public */
export interface ConnectionInput {
  title: string;
  type: string;
  datacenter: string;
  owner?: string;
  /** Access entries copied onto every record the connection creates. */
  accessTemplate?: MaestroAccessEntry[];
  /** Plain and secret fields alike; a secret left empty keeps its value. */
  settings: Record<string, string>;
}

/** The server refused a connection; each field's reason. @public */
export class ConnectionInputError extends Error {
  constructor(message: string, readonly fieldErrors: FieldError[]) {
    super(message);
    this.name = 'ConnectionInputError';
  }
}

/** @public */
export interface ConnectionsApi {
  types(): Promise<ConnectionType[]>;
  list(): Promise<Connection[]>;
  create(input: ConnectionInput): Promise<Connection>;
  update(id: string, input: Partial<ConnectionInput>): Promise<Connection>;
  delete(id: string): Promise<void>;
  tasks(id: string): Promise<ConnectionTask[]>;
  setTaskEnabled(id: string, task: string, enabled: boolean): Promise<void>;
  syncNow(id: string, task: string): Promise<void>;
}

/** @public */
export const connectionsApiRef = createApiRef<ConnectionsApi>().with({
  id: 'plugin.maestro.connections',
  pluginId: 'maestro',
});
