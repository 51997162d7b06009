import { GraphEdge } from './types';

/** Successors of every node (each once), self-dependencies left out. */
export function successorsOf(
  nodes: string[],
  edges: GraphEdge[],
): Map<string, string[]> {
  const sets = new Map<string, Set<string>>(nodes.map(n => [n, new Set()]));
  for (const { source, target } of edges) {
    if (source !== target && sets.has(source) && sets.has(target))
      sets.get(source)!.add(target);
  }
  return new Map([...sets].map(([n, s]) => [n, [...s]]));
}

/** Neighbours of every node in the undirected graph, self-loops left out. */
export function neighboursOf(
  nodes: string[],
  edges: GraphEdge[],
): Map<string, string[]> {
  const sets = new Map<string, Set<string>>(nodes.map(n => [n, new Set()]));
  for (const { source, target } of edges) {
    if (source === target || !sets.has(source) || !sets.has(target)) continue;
    sets.get(source)!.add(target);
    sets.get(target)!.add(source);
  }
  return new Map([...sets].map(([n, s]) => [n, [...s]]));
}
