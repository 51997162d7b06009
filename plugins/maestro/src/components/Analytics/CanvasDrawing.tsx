import { useEffect, useRef, useState } from 'react';
import { GraphNode } from '../../api/analytics';
import { GraphLayout } from './layoutGraph';
import { View, nodeAt, paintGraph } from './canvasPaint';

/** A press that moved further than this (CSS pixels) was a pan, not a click. */
const CLICK_SLOP = 4;

/**
 * A large graph drawn on a canvas, repainted once per animation frame when
 * the view changes. Hovering a node names it (the canvas' title), clicking
 * opens it, as on the SVG drawing of smaller graphs.
 */
export function CanvasDrawing(props: {
  layout: GraphLayout;
  byRef: Map<string, GraphNode>;
  view: View;
  width: number;
  height: number;
  highlight?: Set<string>;
  onOpenNode?: (node: GraphNode) => void;
}) {
  const { layout, byRef, view, width, height, highlight, onOpenNode } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const pressed = useRef<{ x: number; y: number }>();
  const [hovered, setHovered] = useState<string>();
  const [painted, setPainted] = useState(0);
  const pixelRatio = window.devicePixelRatio || 1;

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const context = canvas.current?.getContext('2d');
      if (!context) return;
      paintGraph(context, {
        layout,
        byRef,
        view,
        width,
        height,
        pixelRatio,
        highlight,
      });
      setPainted(layout.nodes.length);
    });
    return () => cancelAnimationFrame(frame);
  }, [layout, byRef, view, width, height, pixelRatio, highlight]);

  const at = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const placed = nodeAt(
      layout,
      view,
      e.clientX - box.left,
      e.clientY - box.top,
    );
    return placed && byRef.get(placed.ref);
  };

  return (
    <canvas
      ref={canvas}
      data-testid="graph-canvas"
      data-nodes={painted}
      data-edges={layout.edges.length}
      role="img"
      aria-label={`Dependency graph of ${layout.nodes.length} records`}
      title={hovered}
      width={Math.round(width * pixelRatio)}
      height={Math.round(height * pixelRatio)}
      style={{
        width,
        height,
        display: 'block',
        cursor: hovered ? 'pointer' : undefined,
      }}
      onMouseDown={e => {
        pressed.current = { x: e.clientX, y: e.clientY };
      }}
      onMouseMove={e => {
        if (pressed.current) return;
        const node = at(e);
        setHovered(node && !node.missing ? node.ref : undefined);
      }}
      onMouseUp={e => {
        const start = pressed.current;
        pressed.current = undefined;
        if (
          !start ||
          Math.hypot(e.clientX - start.x, e.clientY - start.y) > CLICK_SLOP
        )
          return;
        const node = at(e);
        if (node && !node.missing) onOpenNode?.(node);
      }}
    />
  );
}
