export type {
  GraphNode,
  GraphEdge,
  GraphProblemType,
  GraphProblem,
  DependencyGraph,
  GraphMetrics,
} from '@maestro/plugin-maestro-common';
