import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  CreatedShare,
  GraphResult,
  GraphShare,
  GraphSource,
  NewDependency,
  SavedGraph,
} from './types';

/**
 * Business graphs of dependencies, their exports and share links, and the
 * dependency maker's commit (backend `/api/maestro/analytics`).
 *
 * @public
 */
export interface AnalyticsApi {
  listGraphs(): Promise<SavedGraph[]>;
  getGraph(id: string): Promise<SavedGraph>;
  createGraph(name: string, source: GraphSource): Promise<SavedGraph>;
  computeGraph(id: string): Promise<SavedGraph>;
  deleteGraph(id: string): Promise<void>;
  /** The server-rendered SVG of the graph's last result. */
  exportSvg(id: string): Promise<string>;
  /** Computes a graph without saving it. */
  analyze(source: GraphSource): Promise<GraphResult>;
  addDependencies(
    dependencies: NewDependency[],
  ): Promise<{ updated: string[] }>;
  listShares(graphId: string): Promise<GraphShare[]>;
  createShare(graphId: string, expiresInHours: number): Promise<CreatedShare>;
  revokeShare(graphId: string, shareId: string): Promise<void>;
}

/** @public */
export const analyticsApiRef = createApiRef<AnalyticsApi>({
  id: 'plugin.maestro.analytics',
});
