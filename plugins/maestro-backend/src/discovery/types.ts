import { MaestroAccessEntry } from '@maestro/plugin-maestro-common';

/** A stored connection; `credentials` stays encrypted until a task runs. */
export interface StoredConnection {
  id: string;
  title: string;
  type: string;
  datacenter: string;
  owner?: string;
  /** Access entries copied onto every record the connection creates. */
  accessTemplate?: MaestroAccessEntry[];
  settings: Record<string, string>;
  encryptedCredentials: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

export type TaskOutcome = 'success' | 'warning' | 'danger';

/** The state of one task of a connection, as the Connections page shows it. */
export interface TaskState {
  connectionId: string;
  task: string;
  enabled: boolean;
  running: boolean;
  startedAt?: string;
  lastRunAt?: string;
  nextRunAt?: string;
  outcome?: TaskOutcome;
  message?: string;
  /** The permission the provider says the credentials lack. */
  permission?: string;
  seen: number;
  created: number;
  updated: number;
  deactivated: number;
  progress?: { message?: string; seen?: number };
}

export type TaskCounts = Pick<
  TaskState,
  'seen' | 'created' | 'updated' | 'deactivated'
>;
