import { articulationPoints } from './articulationPoints';
import { density } from './density';
import { depthHistogram } from './depthHistogram';
import { longestChain } from './longestChain';
import { neighboursOf, successorsOf } from './adjacency';
import { findCycles } from './stronglyConnected';
import { DependencyGraph, GraphMetrics } from './types';

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/**
 * Every figure of a graph (seed 4.3.1: density, connections, histogram,
 * counts; beyond Maestro: longest chain, articulation points, cycles).
 * `clientsOfSystem` gives the clients each system serves.
 */
export function graphMetrics(
  graph: DependencyGraph,
  clientsOfSystem: (systemRef: string) => string[],
): GraphMetrics {
  const refs = graph.nodes.map(n => n.ref);
  const successors = successorsOf(refs, graph.edges);
  const families: Record<string, number> = {};
  for (const node of graph.nodes)
    families[node.family] = (families[node.family] ?? 0) + 1;
  const systems = unique(graph.nodes.flatMap(n => n.systems));
  return {
    nodes: graph.nodes.length,
    connections: graph.edges.length,
    density: density(graph.nodes.length, graph.edges.length),
    depthHistogram: depthHistogram(graph.nodes.map(n => n.depth)),
    families,
    systems,
    clients: unique(systems.flatMap(clientsOfSystem)),
    servers: unique(graph.nodes.flatMap(n => n.servers)),
    longestChain: longestChain(graph.entries, successors),
    articulationPoints: articulationPoints(neighboursOf(refs, graph.edges)),
    cycles: findCycles(successors),
  };
}
