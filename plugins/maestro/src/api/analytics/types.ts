/** Shapes of the backend's `/analytics` API (see its OpenAPI description). */
export type {
  GraphSourceType,
  GraphSource,
  GraphNode,
  GraphEdge,
  GraphProblem,
  GraphMetrics,
  GraphResult,
  SavedGraph,
  GraphShare,
  CreatedShare,
  NewDependency,
} from '@maestro/plugin-maestro-common';
