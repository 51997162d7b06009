import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { GraphResult } from '../../api/analytics';
import { largeGraphLayout } from './largeGraphLayout';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 44;
export const NODE_SIZE = { width: NODE_WIDTH, height: NODE_HEIGHT };
/** Above this, systems are not drawn as boxes: nested layout costs too much. */
export const GROUP_LIMIT = 150;
/**
 * Above this, the graph is laid out by largeGraphLayout instead of ELK
 * (ELK overflowed the worker's stack at 5,000 nodes; see there).
 */
export const LARGE_GRAPH_LIMIT = 2000;

export interface PlacedNode {
  ref: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedGroup {
  ref: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  id: string;
  source: string;
  target: string;
  protocol?: string;
  description?: string;
  points: Array<{ x: number; y: number }>;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  groups: PlacedGroup[];
  edges: PlacedEdge[];
}

type Elk = Pick<ELK, 'layout'>;

let sharedElk: Promise<Elk> | undefined;

/** The worker-backed ELK, created on first use and then reused. */
export function workerElk(): Promise<Elk> {
  sharedElk ??= import('./layoutWorkers').then(m => m.createWorkerElk());
  return sharedElk;
}

/**
 * Lays the graph out left to right with ELK's layered algorithm: entries
 * first, dependencies flowing right; nodes grouped in a box per (first)
 * system when the graph is small enough. Very large graphs get a simpler
 * layered layout of our own (largeGraphLayout).
 */
export async function layoutGraph(
  result: GraphResult,
  elk: Elk,
): Promise<GraphLayout> {
  const { nodes, edges } = result.graph;
  if (nodes.length > LARGE_GRAPH_LIMIT)
    return largeGraphLayout(result, NODE_SIZE);
  const grouped = nodes.length <= GROUP_LIMIT;
  const groups = new Map<string, ElkNode>();
  const root: ElkNode = {
    id: '__root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': grouped
        ? 'INCLUDE_CHILDREN'
        : 'SEPARATE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '18',
      'elk.padding': '[top=20,left=20,bottom=20,right=20]',
      // A depth-first walk from the sources (the entries) reverses only the
      // edges closing a cycle. (MODEL_ORDER reversed every edge pointing to a
      // node met earlier breadth first, e.g. to a shared database, and drew
      // them right to left around the whole graph.)
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      // Beyond a few thousand nodes, the default crossing minimisation is slow.
      ...(nodes.length > GROUP_LIMIT
        ? {
            'elk.layered.thoroughness': '1',
            'elk.edgeRouting': 'POLYLINE',
            'elk.layered.nodePlacement.strategy': 'SIMPLE',
          }
        : {}),
    },
    children: [],
    edges: [],
  };
  for (const node of nodes) {
    const child: ElkNode = {
      id: node.ref,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    };
    // A record shared by several systems (a database, a broker) stays out
    // of the boxes: put in its first system's box, it dragged every edge
    // to it back into that box.
    const system =
      grouped && node.systems.length === 1 ? node.systems[0] : undefined;
    if (!system) {
      root.children!.push(child);
      continue;
    }
    if (!groups.has(system)) {
      const group: ElkNode = {
        id: `group:${system}`,
        layoutOptions: { 'elk.padding': '[top=26,left=10,bottom=10,right=10]' },
        children: [],
      };
      groups.set(system, group);
      root.children!.push(group);
    }
    groups.get(system)!.children!.push(child);
  }
  root.edges = edges.map(
    (edge, i): ElkExtendedEdge => ({
      id: `e${i}`,
      sources: [edge.source],
      targets: [edge.target],
    }),
  );

  const laid = await elk.layout(root);

  const placedNodes: PlacedNode[] = [];
  const placedGroups: PlacedGroup[] = [];
  const offsets = new Map<string, { x: number; y: number }>([
    ['__root', { x: 0, y: 0 }],
  ]);
  for (const child of laid.children ?? []) {
    const x = child.x ?? 0;
    const y = child.y ?? 0;
    if (child.id.startsWith('group:')) {
      offsets.set(child.id, { x, y });
      placedGroups.push({
        ref: child.id.slice('group:'.length),
        x,
        y,
        width: child.width ?? 0,
        height: child.height ?? 0,
      });
      for (const inner of child.children ?? []) {
        placedNodes.push({
          ref: inner.id,
          x: x + (inner.x ?? 0),
          y: y + (inner.y ?? 0),
          width: inner.width ?? NODE_WIDTH,
          height: inner.height ?? NODE_HEIGHT,
        });
      }
    } else {
      placedNodes.push({
        ref: child.id,
        x,
        y,
        width: child.width ?? NODE_WIDTH,
        height: child.height ?? NODE_HEIGHT,
      });
    }
  }
  const placedEdges: PlacedEdge[] = (laid.edges ?? []).map(edge => {
    const source = edges[Number(edge.id.slice(1))];
    // ELK gives edge points relative to the edge's container.
    const container = (edge as { container?: string }).container ?? '__root';
    const offset = offsets.get(container) ?? { x: 0, y: 0 };
    const points = (edge.sections ?? []).flatMap(section => [
      section.startPoint,
      ...(section.bendPoints ?? []),
      section.endPoint,
    ]);
    return {
      id: edge.id,
      source: source.source,
      target: source.target,
      protocol: source.protocol,
      description: source.description,
      points: points.map(p => ({ x: p.x + offset.x, y: p.y + offset.y })),
    };
  });
  return {
    width: laid.width ?? 0,
    height: laid.height ?? 0,
    nodes: placedNodes,
    groups: placedGroups,
    edges: placedEdges,
  };
}
