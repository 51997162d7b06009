import { Entity } from '@backstage/catalog-model';
import { collectGraph } from './collectGraph';
import { graphMetrics } from './graphMetrics';

function app(name: string, deps: Array<[string, string?]>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, title: name.toUpperCase() },
    spec: {
      type: 'service',
      family: 'Application',
      dependencies: deps.map(([target, protocol]) => ({
        target: `component:default/${target}`,
        ...(protocol ? { protocol } : {}),
      })),
    },
  };
}

/** An in-memory inventory; counts queries to show one per depth. */
function inventory(...apps: Entity[]) {
  const byRef = new Map(
    apps.map(a => [`component:default/${a.metadata.name}`, a]),
  );
  const calls: string[][] = [];
  const load = async (refs: string[]) => {
    calls.push(refs);
    return new Map(refs.filter(r => byRef.has(r)).map(r => [r, byRef.get(r)!]));
  };
  return { load, calls };
}

const ref = (name: string) => `component:default/${name}`;

describe('collectGraph', () => {
  it('walks a cycle once and reports it through the metrics', async () => {
    const { load } = inventory(
      app('a', [['b', 'rest']]),
      app('b', [['c', 'tcp']]),
      app('c', [['a', 'amqp']]),
    );
    const graph = await collectGraph([ref('a')], load, { maxDepth: 30 });
    expect(graph.nodes.map(n => [n.name, n.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    expect(graph.edges.map(e => e.protocol)).toEqual(['rest', 'tcp', 'amqp']);
    const metrics = graphMetrics(graph, () => []);
    expect(metrics.cycles.map(c => c.sort())).toEqual([
      [ref('a'), ref('b'), ref('c')],
    ]);
    expect(metrics.density).toBeCloseTo(3 / 6);
  });

  it('draws self-dependencies and missing targets and reports them', async () => {
    const { load } = inventory(
      app('a', [
        ['a', 'rest'],
        ['ghost', 'tcp'],
      ]),
    );
    const graph = await collectGraph([ref('a')], load, { maxDepth: 30 });
    expect(graph.edges).toHaveLength(2);
    expect(graph.nodes.find(n => n.name === 'ghost')).toMatchObject({
      missing: true,
      depth: 1,
    });
    expect(graph.problems.map(p => [p.type, p.refs])).toEqual([
      ['missing-target', [ref('ghost')]],
      ['self-dependency', [ref('a')]],
    ]);
    const metrics = graphMetrics(graph, () => []);
    expect(metrics.connections).toBe(2);
    expect(metrics.cycles).toEqual([]);
  });

  it('stops at the depth limit, marking where it cut', async () => {
    const chain = Array.from({ length: 10 }, (_, i) =>
      app(`n${i}`, i < 9 ? [[`n${i + 1}`]] : []),
    );
    const { load, calls } = inventory(...chain);
    const graph = await collectGraph([ref('n0')], load, { maxDepth: 3 });
    expect(graph.nodes.map(n => n.name)).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(graph.nodes[3].truncated).toBe(true);
    expect(graph.problems).toEqual([
      expect.objectContaining({ type: 'depth-limit', refs: [ref('n3')] }),
    ]);
    expect(calls).toHaveLength(4);
  });

  it('reports an entry that is not in the inventory', async () => {
    const { load } = inventory();
    const graph = await collectGraph([ref('nope')], load, { maxDepth: 30 });
    expect(graph.problems[0]).toMatchObject({
      type: 'missing-entry',
      refs: [ref('nope')],
    });
    expect(graphMetrics(graph, () => []).density).toBe(0);
  });
});
