import { GraphResult } from '@maestro/plugin-maestro-common';
import { graphMetrics } from './lib/graphMetrics';

/**
 * A graph as one reader may see it: records it may not read are left out
 * with their edges, and the figures are those of what remains, so nothing
 * of a hidden record (not even its name in a list of servers) shows.
 */
export function readableGraph(
  result: GraphResult,
  hidden: ReadonlySet<string>,
): GraphResult {
  if (!hidden.size) return result;
  const visible = (ref: string) => !hidden.has(ref.toLowerCase());
  const graph = {
    entries: result.graph.entries.filter(visible),
    nodes: result.graph.nodes
      .filter(n => visible(n.ref))
      .map(n => ({
        ...n,
        systems: n.systems.filter(visible),
        servers: n.servers.filter(visible),
      })),
    edges: result.graph.edges.filter(
      e => visible(e.source) && visible(e.target),
    ),
    problems: result.graph.problems
      .map(p => ({ ...p, refs: p.refs.filter(visible) }))
      .filter(p => p.refs.length > 0),
  };
  const metrics = graphMetrics(graph, () => []);
  return {
    ...result,
    graph,
    metrics: { ...metrics, clients: result.metrics.clients.filter(visible) },
  };
}

/** Every record ref a graph result names (nodes, systems, servers, clients). */
export function refsOfGraph(result: GraphResult): string[] {
  return [
    ...result.graph.nodes.flatMap(n => [n.ref, ...n.systems, ...n.servers]),
    ...result.metrics.clients,
  ];
}
