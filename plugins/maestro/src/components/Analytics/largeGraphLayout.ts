import { GraphResult } from '../../api/analytics';
import type { GraphLayout } from './layoutGraph';

const LAYER_GAP = 70;
const NODE_GAP = 18;
const PADDING = 20;
/** Barycentre passes (down and up) that untangle the layers. */
const SWEEPS = 4;

/**
 * A layered left-to-right layout for graphs too large for ELK: ELK's
 * recursive passes overflowed the stack of the browser's worker on a
 * 5,000-node graph, and took a quarter of a minute where this takes
 * milliseconds. Every step is iterative and linear in the graph (times
 * the sweeps): cycles broken by a depth-first walk from the entries,
 * layers by longest path, order in each layer by barycentres, edges as
 * straight lines. No bends, no dummy nodes: at this size the picture is an
 * overview, read by zooming in.
 */
export function largeGraphLayout(
  result: GraphResult,
  size: { width: number; height: number },
): GraphLayout {
  const { nodes, edges, entries } = result.graph;
  const index = new Map(nodes.map((n, i) => [n.ref, i]));
  const out: number[][] = nodes.map(() => []);
  const links: Array<[number, number]> = [];
  for (const edge of edges) {
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined || s === t) continue;
    out[s].push(t);
    links.push([s, t]);
  }

  // Depth-first from the entries (then from anything left), with an
  // explicit stack: an edge back to a node still on the path closes a
  // cycle and is ignored for layering.
  const state = new Uint8Array(nodes.length); // 0 new, 1 on path, 2 done
  const backEdge = new Set<string>();
  const starts = [
    ...entries
      .map(ref => index.get(ref))
      .filter((i): i is number => i !== undefined),
    ...nodes.map((_, i) => i),
  ];
  for (const start of starts) {
    if (state[start]) continue;
    const stack: Array<[number, number]> = [[start, 0]];
    state[start] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [v, next] = top;
      if (next < out[v].length) {
        top[1]++;
        const w = out[v][next];
        if (state[w] === 1) backEdge.add(`${v}>${w}`);
        else if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }
  const forward = links.filter(([s, t]) => !backEdge.has(`${s}>${t}`));

  // Longest-path layers, in topological order (Kahn).
  const incoming = new Int32Array(nodes.length);
  const succ: number[][] = nodes.map(() => []);
  const pred: number[][] = nodes.map(() => []);
  for (const [s, t] of forward) {
    succ[s].push(t);
    pred[t].push(s);
    incoming[t]++;
  }
  const layer = new Int32Array(nodes.length);
  const queue: number[] = [];
  nodes.forEach((_, i) => incoming[i] === 0 && queue.push(i));
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const w of succ[v]) {
      layer[w] = Math.max(layer[w], layer[v] + 1);
      if (--incoming[w] === 0) queue.push(w);
    }
  }
  const layers: number[][] = [];
  for (const v of queue) (layers[layer[v]] ??= []).push(v);

  // Order inside each layer: the mean position of the neighbours in the
  // layer before (sweeping right) or after (sweeping left).
  const position = new Float64Array(nodes.length);
  const place = () =>
    layers.forEach(l => l.forEach((v, i) => (position[v] = i)));
  place();
  const reorder = (l: number[], neighbours: number[][]) => {
    const key = new Map<number, number>();
    for (const v of l) {
      const n = neighbours[v];
      key.set(
        v,
        n.length
          ? n.reduce((sum, u) => sum + position[u], 0) / n.length
          : position[v],
      );
    }
    l.sort((a, b) => key.get(a)! - key.get(b)!);
    l.forEach((v, i) => (position[v] = i));
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let i = 1; i < layers.length; i++) reorder(layers[i], pred);
    for (let i = layers.length - 2; i >= 0; i--) reorder(layers[i], succ);
  }

  const tallest = Math.max(0, ...layers.map(l => l.length));
  const pitch = size.height + NODE_GAP;
  const placed = new Map<number, { x: number; y: number }>();
  layers.forEach((l, depth) => {
    const top = PADDING + ((tallest - l.length) * pitch) / 2;
    l.forEach((v, i) =>
      placed.set(v, {
        x: PADDING + depth * (size.width + LAYER_GAP),
        y: top + i * pitch,
      }),
    );
  });

  return {
    width: PADDING * 2 + layers.length * (size.width + LAYER_GAP) - LAYER_GAP,
    height: PADDING * 2 + tallest * pitch - NODE_GAP,
    nodes: nodes.map((n, i) => ({
      ref: n.ref,
      ...placed.get(i)!,
      width: size.width,
      height: size.height,
    })),
    groups: [],
    edges: edges.flatMap((edge, i) => {
      const s = index.get(edge.source);
      const t = index.get(edge.target);
      if (s === undefined || t === undefined) return [];
      const a = placed.get(s)!;
      const b = placed.get(t)!;
      return [
        {
          id: `e${i}`,
          source: edge.source,
          target: edge.target,
          protocol: edge.protocol,
          description: edge.description,
          points: [
            { x: a.x + size.width, y: a.y + size.height / 2 },
            { x: b.x, y: b.y + size.height / 2 },
          ],
        },
      ];
    }),
  };
}
