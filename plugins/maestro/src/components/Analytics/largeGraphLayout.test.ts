import { GraphResult } from '../../api/analytics';
import { largeGraphLayout } from './largeGraphLayout';

const SIZE = { width: 190, height: 44 };
const ref = (i: number) => `component:default/app-${i}`;

function graph(count: number, links: Array<[number, number]>): GraphResult {
  return {
    graph: {
      entries: [ref(0)],
      nodes: Array.from({ length: count }, (_, i) => ({
        ref: ref(i),
        kind: 'component',
        name: `app-${i}`,
        title: `app-${i}`,
        family: 'Application',
        systems: [],
        servers: [],
        depth: 0,
        entry: i === 0,
      })),
      edges: links.map(([s, t]) => ({ source: ref(s), target: ref(t) })),
      problems: [],
    },
    metrics: {} as GraphResult['metrics'],
    seq: 1,
  };
}

const xOf = (layout: ReturnType<typeof largeGraphLayout>, i: number) =>
  layout.nodes.find(n => n.ref === ref(i))!.x;

describe('largeGraphLayout', () => {
  it('puts each node one layer right of its furthest dependent, ignoring the edge that closes a cycle', () => {
    // 0 -> 1 -> 2 -> 3, 0 -> 3, and 3 -> 1 closing a cycle.
    const layout = largeGraphLayout(
      graph(4, [
        [0, 1],
        [1, 2],
        [2, 3],
        [0, 3],
        [3, 1],
      ]),
      SIZE,
    );
    const step = SIZE.width + 70;
    expect([0, 1, 2, 3].map(i => xOf(layout, i))).toEqual([
      20,
      20 + step,
      20 + 2 * step,
      20 + 3 * step,
    ]);
    expect(layout.edges).toHaveLength(5);
    expect(layout.width).toBe(40 + 4 * step - 70);
  });

  it('lays out 5,000 nodes with a 4,999-hop chain without recursion, nodes never overlapping', () => {
    const n = 5000;
    const links: Array<[number, number]> = [];
    for (let i = 1; i < n; i++) links.push([i - 1, i]);
    for (let i = 0; i + 7 < n; i += 3) links.push([i, i + 7]);
    links.push([n - 1, 0]);
    const layout = largeGraphLayout(graph(n, links), SIZE);
    expect(layout.nodes).toHaveLength(n);
    expect(new Set(layout.nodes.map(p => `${p.x},${p.y}`)).size).toBe(n);
    expect(xOf(layout, n - 1)).toBeGreaterThan(xOf(layout, 0));
    for (const edge of layout.edges) expect(edge.points).toHaveLength(2);
  });

  it('orders a layer by where the neighbours sit, so edges cross less', () => {
    // 0 -> (1, 2); 1 -> 4, 2 -> 3: the layer after puts 4 above 3.
    const layout = largeGraphLayout(
      graph(5, [
        [0, 1],
        [0, 2],
        [1, 4],
        [2, 3],
      ]),
      SIZE,
    );
    const y = (i: number) => layout.nodes.find(p => p.ref === ref(i))!.y;
    expect(Math.sign(y(4) - y(3))).toBe(Math.sign(y(1) - y(2)));
  });
});
