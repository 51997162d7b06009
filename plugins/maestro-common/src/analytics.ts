/**
 * Shapes of Maestro's dependency graphs (Analytics), shared by the backend
 * that computes them and the pages that draw them.
 */

/** One application or resource of a dependency graph. */
export interface GraphNode {
  /** Entity ref, e.g. `component:default/webserver-maestro`. */
  ref: string;
  kind: string;
  name: string;
  title: string;
  /** Maestro family (Application, Database, Loadbalance, ...). */
  family: string;
  systems: string[];
  servers: string[];
  /** Fewest dependency hops from an entry application. */
  depth: number;
  entry: boolean;
  /** Referenced by a dependency but absent from the store. */
  missing?: boolean;
  /** Has dependencies that were not followed (depth limit). */
  truncated?: boolean;
}

/** A dependency: `source` depends on `target`. */
export interface GraphEdge {
  source: string;
  target: string;
  protocol?: string;
  description?: string;
}

export type GraphProblemType =
  | 'missing-entry'
  | 'missing-target'
  | 'self-dependency'
  | 'cycle'
  | 'depth-limit';

/** Something about the graph a reader should know; never fatal. */
export interface GraphProblem {
  type: GraphProblemType;
  message: string;
  refs: string[];
}

export interface DependencyGraph {
  entries: string[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  problems: GraphProblem[];
}

/** What the analysis says of a graph (seed 4.3.1, plus chains and cuts). */
export interface GraphMetrics {
  nodes: number;
  /** Edges (dependencies), self-dependencies included. */
  connections: number;
  /** m / (n (n - 1)) for the directed graph; 0 below two nodes. */
  density: number;
  /** Index = depth from the entries, value = nodes at that depth. */
  depthHistogram: number[];
  families: Record<string, number>;
  systems: string[];
  clients: string[];
  servers: string[];
  /** The longest dependency chain, entry side first (cycles broken). */
  longestChain: string[];
  /** Nodes whose removal disconnects the (undirected) graph. */
  articulationPoints: string[];
  /** Groups of nodes that depend on each other in a ring. */
  cycles: string[][];
}

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
  /** Records changed since the last result (on reads of one graph). */
  stale?: boolean;
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

/** A new share: its token and public URL are shown once. */
export interface CreatedShare extends GraphShare {
  token: string;
  url: string;
}

/** A dependency the dependency maker adds: `source` depends on `target`. */
export interface NewDependency {
  source: string;
  target: string;
  protocol?: string;
}
