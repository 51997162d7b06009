/**
 * Density of a directed graph, m / (n (n - 1)), as NetworkX computes it
 * (seed 4.3.1): 0 without edges, 1 when every node depends on every other.
 */
export function density(nodeCount: number, edgeCount: number): number {
  if (nodeCount < 2) return 0;
  return edgeCount / (nodeCount * (nodeCount - 1));
}
