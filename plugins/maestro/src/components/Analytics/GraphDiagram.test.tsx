import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ELK from 'elkjs/lib/elk.bundled.js';
import { GraphResult } from '../../api/analytics';
import { CANVAS_LIMIT, GraphDiagram } from './GraphDiagram';
import { layoutGraph } from './layoutGraph';

// The real ELK engine, run in-thread (jsdom has no Worker).
const elk = new ELK();
const layouter = (result: GraphResult) => layoutGraph(result, elk);

function node(name: string, depth: number, system?: string, title = name) {
  return {
    ref: `component:default/${name}`,
    kind: 'component',
    name,
    title,
    family: 'Application',
    systems: system ? [`system:default/${system}`] : [],
    servers: [],
    depth,
    entry: depth === 0,
  };
}

const result: GraphResult = {
  graph: {
    entries: ['component:default/lb'],
    nodes: [
      node('lb', 0),
      node('web', 1, 'shop', '<script>alert(1)</script>'),
      node('db', 2, 'shop'),
    ],
    edges: [
      {
        source: 'component:default/lb',
        target: 'component:default/web',
        protocol: 'rest',
      },
      {
        source: 'component:default/web',
        target: 'component:default/db',
        protocol: 'tcp',
      },
      { source: 'component:default/db', target: 'component:default/lb' },
    ],
    problems: [],
  },
  metrics: {} as any,
  seq: 1,
};

describe('GraphDiagram', () => {
  it('lays out with ELK left to right, grouped by system, and opens a node on click', async () => {
    const opened: string[] = [];
    const { container } = render(
      <GraphDiagram
        result={result}
        layouter={layouter}
        onOpenNode={n => opened.push(n.ref)}
      />,
    );
    // ELK runs in-thread here: allow for a busy machine.
    await waitFor(
      () => expect(screen.getAllByTestId('graph-node')).toHaveLength(3),
      { timeout: 10_000 },
    );
    expect(screen.getAllByTestId('graph-edge')).toHaveLength(3);
    expect(container.querySelectorAll('.system-group')).toHaveLength(1);
    expect(screen.getByText('rest')).toBeInTheDocument();
    // The name is text, never markup.
    expect(screen.getByText('<script>alert(1)</script>')).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
    fireEvent.click(screen.getAllByTestId('graph-node')[1]);
    expect(opened).toHaveLength(1);
  });

  it('paints a large graph on a canvas instead of thousands of SVG elements', async () => {
    const many = Array.from({ length: CANVAS_LIMIT + 1 }, (_, i) =>
      node(`app-${i}`, i === 0 ? 0 : 1),
    );
    const large: GraphResult = {
      ...result,
      graph: {
        ...result.graph,
        entries: [many[0].ref],
        nodes: many,
        edges: many.slice(1).map(n => ({ source: many[0].ref, target: n.ref })),
      },
    };
    const { container } = render(
      <GraphDiagram result={large} layouter={layouter} />,
    );
    const canvas = await screen.findByTestId(
      'graph-canvas',
      {},
      { timeout: 30_000 },
    );
    expect(canvas).toHaveAttribute('data-edges', String(CANVAS_LIMIT));
    expect(
      container.querySelectorAll('[data-testid="graph-node"]'),
    ).toHaveLength(0);
    expect(
      screen.getByText(new RegExp(`${CANVAS_LIMIT + 1} nodes`)),
    ).toBeInTheDocument();
  });

  it('places entries left of their dependencies', async () => {
    const layout = await layouter(result);
    const x = (name: string) =>
      layout.nodes.find(n => n.ref === `component:default/${name}`)!.x;
    expect(x('lb')).toBeLessThan(x('web'));
    expect(x('web')).toBeLessThan(x('db'));
    for (const edge of layout.edges)
      expect(edge.points.length).toBeGreaterThan(1);
  });
});
