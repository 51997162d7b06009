/** Shapes of the backend's `/analytics` API (see its OpenAPI description). */

export type GraphSourceType = 'system' | 'client' | 'application';

export interface GraphSource {
  type: GraphSourceType;
  ref: string;
}

export interface GraphNode {
  ref: string;
  kind: string;
  name: string;
  title: string;
  family: string;
  systems: string[];
  servers: string[];
  depth: number;
  entry: boolean;
  missing?: boolean;
  truncated?: boolean;
}

export interface GraphEdge {
  source: string;
  target: string;
  protocol?: string;
  description?: string;
}

export interface GraphProblem {
  type:
    | 'missing-entry'
    | 'missing-target'
    | 'self-dependency'
    | 'cycle'
    | 'depth-limit';
  message: string;
  refs: string[];
}

export interface GraphMetrics {
  nodes: number;
  connections: number;
  density: number;
  depthHistogram: number[];
  families: Record<string, number>;
  systems: string[];
  clients: string[];
  servers: string[];
  longestChain: string[];
  articulationPoints: string[];
  cycles: string[][];
}

export interface GraphResult {
  graph: {
    entries: string[];
    nodes: GraphNode[];
    edges: GraphEdge[];
    problems: GraphProblem[];
  };
  metrics: GraphMetrics;
  seq: number;
}

export interface SavedGraph {
  id: string;
  name: string;
  source: GraphSource;
  status: 'pending' | 'running' | 'finished' | 'failed';
  error?: string;
  stale?: boolean;
  computedAt?: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  summary?: { nodes: number; connections: number; systems: string[] };
  result?: GraphResult;
}

export interface GraphShare {
  id: string;
  graphId: string;
  expiresAt: string;
  revokedAt?: string;
  createdAt: string;
  createdBy: string;
}

/** A new share: its token and the public URL are shown once. */
export interface CreatedShare extends GraphShare {
  token: string;
  url: string;
}

export interface NewDependency {
  source: string;
  target: string;
  protocol?: string;
}
