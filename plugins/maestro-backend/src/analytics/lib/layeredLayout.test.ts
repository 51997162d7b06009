import { layeredLayout } from './layeredLayout';
import { edges, nodesOf } from './testGraphs';
import { DependencyGraph, GraphNode } from './types';

/** Nodes at their fewest-hops depth from `a`, as collectGraph gives them. */
function graphOf(text: string): DependencyGraph {
  const list = edges(text);
  const refs = nodesOf(list);
  const depth = new Map([['a', 0]]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const { source, target } of list)
      if (depth.has(source) && !depth.has(target)) {
        depth.set(target, depth.get(source)! + 1);
        changed = true;
      }
  }
  const nodes: GraphNode[] = refs.map(ref => ({
    ref,
    kind: 'component',
    name: ref,
    title: ref,
    family: 'Application',
    systems: [],
    servers: [],
    depth: depth.get(ref)!,
    entry: ref === 'a',
  }));
  return { entries: ['a'], nodes, edges: list, problems: [] };
}

describe('layeredLayout', () => {
  it('puts a record used at several depths right of all its users', () => {
    // db is one hop from a, but d (three hops) uses it too.
    const graph = graphOf('a>b a>db b>c c>d d>db');
    const { positions } = layeredLayout(graph);
    const x = (ref: string) => positions.get(ref)!.x;
    for (const { source, target } of graph.edges)
      expect(x(source)).toBeLessThan(x(target));
  });

  it('lays cycles and self-dependencies out without looping, no boxes overlapping', () => {
    const graph = graphOf('a>b b>c c>a c>c c>d d>b');
    const { positions, width, height } = layeredLayout(graph);
    expect(positions.size).toBe(4);
    const x = (ref: string) => positions.get(ref)!.x;
    expect(x('a')).toBeLessThan(x('b'));
    expect(x('b')).toBeLessThan(x('c'));
    const boxes = [...positions.values()];
    for (const p of boxes) {
      expect(p.x + p.width).toBeLessThanOrEqual(width);
      expect(p.y + p.height).toBeLessThanOrEqual(height);
      const overlapping = boxes.filter(
        q =>
          q.x < p.x + p.width &&
          p.x < q.x + q.width &&
          q.y < p.y + p.height &&
          p.y < q.y + q.height,
      );
      expect(overlapping).toEqual([p]);
    }
  });
});
