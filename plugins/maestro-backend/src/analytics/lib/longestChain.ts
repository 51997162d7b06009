/**
 * The longest dependency chain. Finding the longest simple path is NP-hard
 * once there are cycles, so edges that close a cycle (back edges of a
 * depth-first search from the entries) are ignored: on an acyclic graph the
 * result is exact.
 */
export function longestChain(
  entries: string[],
  successors: Map<string, string[]>,
): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const postOrder: string[] = [];
  const dagSuccessors = new Map<string, string[]>();
  const roots = [...entries, ...successors.keys()];
  for (const root of roots) {
    if (state.has(root) || !successors.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [
      { node: root, next: 0 },
    ];
    state.set(root, 'open');
    dagSuccessors.set(root, []);
    while (work.length) {
      const frame = work[work.length - 1];
      const succ = successors.get(frame.node) ?? [];
      if (frame.next < succ.length) {
        const w = succ[frame.next++];
        if (state.get(w) === 'open') continue; // closes a cycle
        dagSuccessors.get(frame.node)!.push(w);
        if (!state.has(w)) {
          state.set(w, 'open');
          dagSuccessors.set(w, []);
          work.push({ node: w, next: 0 });
        }
        continue;
      }
      state.set(frame.node, 'done');
      postOrder.push(frame.node);
      work.pop();
    }
  }
  // Post-order visits every node after all its successors.
  const length = new Map<string, number>();
  const next = new Map<string, string>();
  for (const node of postOrder) {
    let best = 0;
    for (const w of dagSuccessors.get(node) ?? []) {
      if (length.get(w)! + 1 > best) {
        best = length.get(w)! + 1;
        next.set(node, w);
      }
    }
    length.set(node, best);
  }
  let start: string | undefined;
  for (const node of postOrder) {
    if (start === undefined || length.get(node)! > length.get(start)!)
      start = node;
  }
  const chain: string[] = [];
  for (let n = start; n !== undefined; n = next.get(n)) chain.push(n);
  return chain;
}
