import { familyColor } from '@maestro/plugin-maestro-common';
import { GraphNode } from '../../api/analytics';
import { GraphLayout, PlacedNode } from './layoutGraph';
import { truncate } from './graphText';

/** Pan and zoom: screen = world * scale + (x, y). */
export interface View {
  x: number;
  y: number;
  scale: number;
}

/** Below this zoom, names would be unreadable: nodes are drawn as boxes. */
export const LABEL_SCALE = 0.35;

/** The part of the drawing (world coordinates) a view of this size shows. */
export function visibleWorld(view: View, width: number, height: number) {
  return {
    left: -view.x / view.scale,
    top: -view.y / view.scale,
    right: (width - view.x) / view.scale,
    bottom: (height - view.y) / view.scale,
  };
}

type World = ReturnType<typeof visibleWorld>;

function overlaps(node: PlacedNode, world: World) {
  return (
    node.x + node.width >= world.left &&
    node.x <= world.right &&
    node.y + node.height >= world.top &&
    node.y <= world.bottom
  );
}

/** The placed nodes inside the view, the only ones worth painting. */
export function nodesInView(
  layout: GraphLayout,
  view: View,
  width: number,
  height: number,
) {
  const world = visibleWorld(view, width, height);
  return layout.nodes.filter(n => overlaps(n, world));
}

/** The node under a point of the canvas (CSS pixels), if any. */
export function nodeAt(
  layout: GraphLayout,
  view: View,
  px: number,
  py: number,
): PlacedNode | undefined {
  const x = (px - view.x) / view.scale;
  const y = (py - view.y) / view.scale;
  // Last drawn is on top.
  for (let i = layout.nodes.length - 1; i >= 0; i--) {
    const n = layout.nodes[i];
    if (x >= n.x && x <= n.x + n.width && y >= n.y && y <= n.y + n.height)
      return n;
  }
  return undefined;
}

/**
 * Paints a large graph on a 2D canvas: one path for all edges, boxes
 * grouped by colour, names only when zoomed in enough to read them, and
 * only what the view shows. Thousands of SVG elements cost the page
 * seconds of layout and style work; this costs milliseconds per frame.
 */
export function paintGraph(
  context: CanvasRenderingContext2D,
  input: {
    layout: GraphLayout;
    byRef: Map<string, GraphNode>;
    view: View;
    width: number;
    height: number;
    pixelRatio: number;
    highlight?: Set<string>;
  },
) {
  const { layout, byRef, view, width, height, pixelRatio, highlight } = input;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width * pixelRatio, height * pixelRatio);
  context.setTransform(
    pixelRatio * view.scale,
    0,
    0,
    pixelRatio * view.scale,
    pixelRatio * view.x,
    pixelRatio * view.y,
  );
  const world = visibleWorld(view, width, height);
  // At least one screen pixel wide, whatever the zoom.
  const hairline = 1 / view.scale;

  context.strokeStyle = '#cfd8dc';
  context.lineWidth = hairline;
  for (const group of layout.groups)
    context.strokeRect(group.x, group.y, group.width, group.height);

  context.beginPath();
  for (const edge of layout.edges) {
    const [first, ...rest] = edge.points;
    if (!first || !rest.length) continue;
    context.moveTo(first.x, first.y);
    for (const p of rest) context.lineTo(p.x, p.y);
  }
  context.strokeStyle = '#90a4ae';
  context.lineWidth = Math.max(1.3, hairline);
  context.stroke();

  const visible = layout.nodes.filter(n => overlaps(n, world));
  const byColor = new Map<string, PlacedNode[]>();
  for (const placed of visible) {
    const node = byRef.get(placed.ref);
    if (!node) continue;
    const color = node.missing ? '#9e9e9e' : familyColor(node.family);
    if (!byColor.has(color)) byColor.set(color, []);
    byColor.get(color)!.push(placed);
  }
  for (const [color, nodes] of byColor) {
    context.fillStyle = '#fafafa';
    for (const n of nodes) context.fillRect(n.x, n.y, n.width, n.height);
    context.fillStyle = color;
    for (const n of nodes) context.fillRect(n.x, n.y, 6, n.height);
    context.strokeStyle = color;
    context.lineWidth = Math.max(2, hairline);
    for (const n of nodes) context.strokeRect(n.x, n.y, n.width, n.height);
  }
  if (highlight?.size) {
    context.strokeStyle = '#d50000';
    context.lineWidth = Math.max(4, 2 * hairline);
    for (const n of visible)
      if (highlight.has(n.ref)) context.strokeRect(n.x, n.y, n.width, n.height);
  }

  if (view.scale < LABEL_SCALE) return;
  context.font = 'bold 12px Helvetica, Arial, sans-serif';
  context.fillStyle = '#212121';
  for (const n of visible) {
    const node = byRef.get(n.ref);
    if (node) context.fillText(truncate(node.title, 26), n.x + 14, n.y + 18);
  }
  context.font = '12px Helvetica, Arial, sans-serif';
  context.fillStyle = '#616161';
  for (const n of visible) {
    const node = byRef.get(n.ref);
    if (node)
      context.fillText(
        truncate(`${node.family}${node.missing ? ' (missing)' : ''}`, 28),
        n.x + 14,
        n.y + 34,
      );
  }
}
