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
