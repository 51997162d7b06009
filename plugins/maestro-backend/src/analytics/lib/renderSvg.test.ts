import { renderSvg } from './renderSvg';
import { DependencyGraph, GraphNode } from './types';

function node(ref: string, title: string, depth: number): GraphNode {
  return {
    ref,
    kind: 'component',
    name: ref.split('/')[1],
    title,
    family: 'Application',
    systems: [],
    servers: [],
    depth,
    entry: depth === 0,
  };
}

describe('renderSvg', () => {
  it('keeps names with markup as text', () => {
    const evil = '<script>alert("x")</script>';
    const graph: DependencyGraph = {
      entries: ['component:default/a'],
      nodes: [
        node('component:default/a', evil, 0),
        node('component:default/b', 'B & <img src=x onerror=alert(1)>', 1),
      ],
      edges: [
        {
          source: 'component:default/a',
          target: 'component:default/b',
          protocol: '"><script>',
        },
      ],
      problems: [],
    };
    const svg = renderSvg(graph, { title: '</title><script>' });
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/<img/i);
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(svg).toContain('B &amp; &lt;img');
    expect(svg).toContain('&quot;&gt;&lt;script&gt;');
    // Well-formed: one edge path and two node boxes, positioned.
    expect(svg.match(/<g class="node"/g)).toHaveLength(2);
    expect(svg.match(/<g class="edge"/g)).toHaveLength(1);
  });
});
