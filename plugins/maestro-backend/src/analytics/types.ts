import { DependencyGraph, GraphMetrics } from './lib/types';

export type GraphSourceType = 'system' | 'client' | 'application';

/** Where a graph starts: a system's entry applications, a client's systems', or one application. */
export interface GraphSource {
  type: GraphSourceType;
  ref: string;
}

/** The outcome of one analysis. */
export interface GraphResult {
  graph: DependencyGraph;
  metrics: GraphMetrics;
  /** Highest change number among the records read: newer means stale. */
  seq: number;
}

export type GraphStatus = 'pending' | 'running' | 'finished' | 'failed';

/** A saved graph as the API serves it (the result only when asked for). */
export interface SavedGraph {
  id: string;
  name: string;
  source: GraphSource;
  status: GraphStatus;
  error?: string;
  computedAt?: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  /** Node and edge counts of the last result, for lists. */
  summary?: { nodes: number; connections: number; systems: string[] };
  result?: GraphResult;
}

/** A public link as its graph's owners see it (never its token). */
export interface GraphShare {
  id: string;
  graphId: string;
  expiresAt: string;
  revokedAt?: string;
  createdAt: string;
  createdBy: string;
}
