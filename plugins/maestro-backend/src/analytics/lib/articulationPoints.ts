/**
 * Articulation points of the undirected graph: the nodes whose failure
 * splits it in two (Hopcroft-Tarjan, iterative for deep graphs).
 */
export function articulationPoints(
  neighbours: Map<string, string[]>,
): string[] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const points = new Set<string>();
  let counter = 0;
  for (const root of neighbours.keys()) {
    if (order.has(root)) continue;
    order.set(root, counter);
    low.set(root, counter++);
    let rootChildren = 0;
    const work: Array<{ node: string; parent?: string; next: number }> = [
      { node: root, next: 0 },
    ];
    while (work.length) {
      const frame = work[work.length - 1];
      const adj = neighbours.get(frame.node) ?? [];
      if (frame.next < adj.length) {
        const w = adj[frame.next++];
        if (w === frame.parent) continue;
        if (order.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, order.get(w)!));
        } else {
          order.set(w, counter);
          low.set(w, counter++);
          if (frame.node === root) rootChildren++;
          work.push({ node: w, parent: frame.node, next: 0 });
        }
        continue;
      }
      work.pop();
      const parent = frame.parent;
      if (parent === undefined) continue;
      low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      if (parent !== root && low.get(frame.node)! >= order.get(parent)!)
        points.add(parent);
    }
    if (rootChildren > 1) points.add(root);
  }
  return [...points];
}
