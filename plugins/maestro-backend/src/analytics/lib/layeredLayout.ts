import { successorsOf } from './adjacency';
import { DependencyGraph } from './types';

export interface NodePosition {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  positions: Map<string, NodePosition>;
}

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 44;
const GAP_X = 90;
const GAP_Y = 18;
const MARGIN = 20;
/** Barycenter sweeps: a few are enough to untangle most crossings. */
const SWEEPS = 4;

/**
 * The column of each node: the longest path to it from the entries, over
 * the graph without the edges that close a cycle (found depth first). Every
 * other dependency then points right, so no edge crosses back over nodes,
 * which the fewest-hops depth did for a database used at several depths.
 */
function columnsOf(graph: DependencyGraph): Map<string, number> {
  const refs = graph.nodes.map(n => n.ref);
  const successors = successorsOf(refs, graph.edges);
  const state = new Map<string, 'open' | 'done'>();
  const order: string[] = [];
  const forward = new Map<string, string[]>(refs.map(r => [r, []]));
  const starts = [
    ...graph.entries.filter(r => successors.has(r)),
    ...graph.nodes.filter(n => n.depth === 0).map(n => n.ref),
    ...refs,
  ];
  for (const start of starts) {
    if (state.has(start)) continue;
    // Iterative depth-first walk: graphs can be thousands of nodes deep.
    const stack: Array<{ ref: string; next: number }> = [
      { ref: start, next: 0 },
    ];
    state.set(start, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1];
      const targets = successors.get(top.ref)!;
      if (top.next < targets.length) {
        const target = targets[top.next++];
        const seen = state.get(target);
        if (seen === 'open') continue; // closes a cycle: left out
        forward.get(top.ref)!.push(target);
        if (!seen) {
          state.set(target, 'open');
          stack.push({ ref: target, next: 0 });
        }
      } else {
        state.set(top.ref, 'done');
        order.push(top.ref);
        stack.pop();
      }
    }
  }
  const column = new Map<string, number>(refs.map(r => [r, 0]));
  // `order` is a post-order: reversed, every node comes before its targets.
  for (let i = order.length - 1; i >= 0; i--) {
    const ref = order[i];
    for (const target of forward.get(ref)!)
      column.set(target, Math.max(column.get(target)!, column.get(ref)! + 1));
  }
  return column;
}

/**
 * Columns by longest dependency path (entries on the left), rows ordered
 * by the mean row of each node's neighbours (barycenter sweeps, fewer
 * crossings), starting from system then title: a deterministic layout for
 * the server-side SVG (public page and export), near linear in the graph's
 * size. The interactive page lays out with elkjs instead.
 */
export function layeredLayout(graph: DependencyGraph): GraphLayout {
  const byRef = new Map(graph.nodes.map(n => [n.ref, n]));
  const column = columnsOf(graph);
  const columns: string[][] = [];
  for (const node of graph.nodes)
    (columns[column.get(node.ref)!] ??= []).push(node.ref);
  for (const refs of columns) {
    refs?.sort((a, b) => {
      const na = byRef.get(a)!;
      const nb = byRef.get(b)!;
      const sa = na.systems[0] ?? '';
      const sb = nb.systems[0] ?? '';
      return sa.localeCompare(sb) || na.title.localeCompare(nb.title);
    });
  }
  const predecessors = new Map<string, string[]>(
    graph.nodes.map(n => [n.ref, []]),
  );
  const successors = new Map<string, string[]>(
    graph.nodes.map(n => [n.ref, []]),
  );
  for (const { source, target } of graph.edges) {
    if (source === target || !byRef.has(source) || !byRef.has(target)) continue;
    successors.get(source)!.push(target);
    predecessors.get(target)!.push(source);
  }
  const row = new Map<string, number>();
  const number = () =>
    columns.forEach(refs => refs?.forEach((ref, i) => row.set(ref, i)));
  number();
  const reorder = (refs: string[], neighbours: Map<string, string[]>) => {
    const weight = new Map<string, number>();
    refs.forEach((ref, i) => {
      const rows = neighbours
        .get(ref)!
        .map(n => row.get(n)!)
        .filter(r => r !== undefined);
      weight.set(
        ref,
        rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : i,
      );
    });
    refs.sort((a, b) => weight.get(a)! - weight.get(b)!);
    refs.forEach((ref, i) => row.set(ref, i));
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    if (sweep % 2 === 0)
      for (let c = 1; c < columns.length; c++)
        if (columns[c]) reorder(columns[c], predecessors);
    if (sweep % 2 === 1)
      for (let c = columns.length - 2; c >= 0; c--)
        if (columns[c]) reorder(columns[c], successors);
  }

  const tallest = Math.max(1, ...columns.map(refs => refs?.length ?? 0));
  const height = tallest * (NODE_HEIGHT + GAP_Y) - GAP_Y;
  const positions = new Map<string, NodePosition>();
  columns.forEach((refs, c) => {
    // Short columns are centred on the tallest one.
    const top =
      MARGIN + (height - (refs.length * (NODE_HEIGHT + GAP_Y) - GAP_Y)) / 2;
    refs.forEach((ref, i) => {
      positions.set(ref, {
        x: MARGIN + c * (NODE_WIDTH + GAP_X),
        y: Math.round(top + i * (NODE_HEIGHT + GAP_Y)),
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
      });
    });
  });
  return {
    width:
      2 * MARGIN + Math.max(1, columns.length) * (NODE_WIDTH + GAP_X) - GAP_X,
    height: 2 * MARGIN + height,
    positions,
  };
}
