import { GraphLayout } from './layoutGraph';
import { nodeAt, nodesInView, visibleWorld } from './canvasPaint';

const box = (ref: string, x: number, y: number) => ({
  ref,
  x,
  y,
  width: 100,
  height: 40,
});

const layout: GraphLayout = {
  width: 2000,
  height: 1000,
  nodes: [box('a', 0, 0), box('b', 500, 0), box('c', 1800, 900)],
  groups: [],
  edges: [],
};

describe('canvasPaint', () => {
  it('maps the view back to the part of the drawing it shows', () => {
    expect(visibleWorld({ x: -100, y: -50, scale: 0.5 }, 400, 300)).toEqual({
      left: 200,
      top: 100,
      right: 1000,
      bottom: 700,
    });
  });

  it('paints only the nodes inside the view', () => {
    const at1 = { x: 0, y: 0, scale: 1 };
    expect(nodesInView(layout, at1, 800, 600).map(n => n.ref)).toEqual([
      'a',
      'b',
    ]);
    // Zoomed out to a tenth, the whole drawing fits in 200 × 100 pixels.
    const fitted = { x: 0, y: 0, scale: 0.1 };
    expect(nodesInView(layout, fitted, 200, 100)).toHaveLength(3);
    // Panned to the far corner.
    const corner = { x: -1700, y: -850, scale: 1 };
    expect(nodesInView(layout, corner, 300, 200).map(n => n.ref)).toEqual([
      'c',
    ]);
  });

  it('finds the node under a point of the canvas at any zoom and pan', () => {
    expect(nodeAt(layout, { x: 0, y: 0, scale: 1 }, 50, 20)?.ref).toBe('a');
    expect(nodeAt(layout, { x: 0, y: 0, scale: 1 }, 300, 20)).toBeUndefined();
    // Scale 0.5, panned 10 px right: b's box spans 260..310 on screen.
    const view = { x: 10, y: 0, scale: 0.5 };
    expect(nodeAt(layout, view, 265, 10)?.ref).toBe('b');
    expect(nodeAt(layout, view, 255, 10)).toBeUndefined();
  });
});
