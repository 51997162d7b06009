import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, IconButton, Tooltip, Typography } from '@material-ui/core';
import ZoomInIcon from '@material-ui/icons/ZoomIn';
import ZoomOutIcon from '@material-ui/icons/ZoomOut';
import FitIcon from '@material-ui/icons/ZoomOutMap';
import FullscreenIcon from '@material-ui/icons/Fullscreen';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { GraphNode, GraphResult } from '../../api/analytics';
import {
  GraphLayout,
  LARGE_GRAPH_LIMIT,
  NODE_SIZE,
  layoutGraph,
  workerElk,
} from './layoutGraph';
import { SvgDrawing } from './SvgDrawing';
import { CanvasDrawing } from './CanvasDrawing';

const MIN_HEIGHT = 320;
const MAX_HEIGHT = 640;
/**
 * Above this many nodes the graph is painted on a canvas: as SVG, a
 * 5,000-node graph kept the page busy for minutes (`yarn bench graphs`).
 */
export const CANVAS_LIMIT = 400;

type Layouter = (result: GraphResult) => Promise<GraphLayout>;

/** In workers: ELK, or for very large graphs our own layered layout. */
const defaultLayouter: Layouter = async result =>
  result.graph.nodes.length > LARGE_GRAPH_LIMIT
    ? (await import('./layoutWorkers')).largeGraphLayoutInWorker(
        result,
        NODE_SIZE,
      )
    : layoutGraph(result, await workerElk());

/**
 * The diagram: laid out by ELK in a worker (the page stays responsive
 * while it computes), drawn as SVG, or on a canvas when large; wheel
 * zooms, dragging pans, buttons fit and go full screen; a click on a node
 * opens it.
 */
export function GraphDiagram(props: {
  result: GraphResult;
  highlight?: Set<string>;
  onOpenNode?: (node: GraphNode) => void;
  /** Adds a "+" on each node (dependency maker). */
  onAddFrom?: (node: GraphNode) => void;
  layouter?: Layouter;
  svgRef?: React.Ref<SVGSVGElement>;
}) {
  const { result, highlight, onOpenNode, onAddFrom } = props;
  const layouter = props.layouter ?? defaultLayouter;
  const [layout, setLayout] = useState<GraphLayout>();
  const [error, setError] = useState<Error>();
  const [view, setView] = useState({ x: 0, y: 0, scale: 1 });
  const box = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number } | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    setError(undefined);
    layouter(result).then(
      laid => !cancelled && setLayout(laid),
      e => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [result, layouter]);

  const byRef = useMemo(
    () => new Map(result.graph.nodes.map(n => [n.ref, n])),
    [result],
  );

  const [boxHeight, setBoxHeight] = useState(560);
  const [boxWidth, setBoxWidth] = useState(800);
  const fit = () => {
    if (!layout || !box.current) return;
    const width = box.current.clientWidth || 800;
    setBoxWidth(width);
    const scale = Math.min(
      1,
      width / Math.max(layout.width, 1),
      MAX_HEIGHT / Math.max(layout.height, 1),
    );
    // A wide, flat graph gets a lower box rather than a band of white.
    const height = Math.max(MIN_HEIGHT, Math.ceil(layout.height * scale) + 2);
    setBoxHeight(height);
    setView({
      x: (width - layout.width * scale) / 2,
      y: (height - layout.height * scale) / 2,
      scale,
    });
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(fit, [layout]);
  useEffect(() => {
    const resized = () => setBoxWidth(box.current?.clientWidth || 800);
    window.addEventListener('resize', resized);
    document.addEventListener('fullscreenchange', resized);
    return () => {
      window.removeEventListener('resize', resized);
      document.removeEventListener('fullscreenchange', resized);
    };
  }, []);
  const onCanvas = Boolean(
    layout && layout.nodes.length > CANVAS_LIMIT && !onAddFrom,
  );

  const zoom = (factor: number) =>
    setView(v => ({
      ...v,
      scale: Math.min(4, Math.max(0.02, v.scale * factor)),
    }));

  // Drawn once per layout: panning and zooming only change the transform
  // of the group around it, so React does not revisit thousands of nodes.
  const drawing = useMemo(
    () =>
      layout &&
      !onCanvas && (
        <SvgDrawing
          layout={layout}
          byRef={byRef}
          highlight={highlight}
          onOpenNode={onOpenNode}
          onAddFrom={onAddFrom}
        />
      ),
    [layout, onCanvas, byRef, highlight, onOpenNode, onAddFrom],
  );

  if (error) return <ResponseErrorPanel error={error} />;
  if (!layout) return <LayoutProgress nodes={result.graph.nodes.length} />;

  return (
    <Box>
      <Box display="flex" alignItems="center">
        <Tooltip title="Zoom in">
          <IconButton aria-label="Zoom in" onClick={() => zoom(1.25)}>
            <ZoomInIcon />
          </IconButton>
        </Tooltip>
        <Tooltip title="Zoom out">
          <IconButton aria-label="Zoom out" onClick={() => zoom(0.8)}>
            <ZoomOutIcon />
          </IconButton>
        </Tooltip>
        <Tooltip title="Fit">
          <IconButton aria-label="Fit" onClick={fit}>
            <FitIcon />
          </IconButton>
        </Tooltip>
        <Tooltip title="Full screen">
          <IconButton
            aria-label="Full screen"
            onClick={() => box.current?.requestFullscreen?.()}
          >
            <FullscreenIcon />
          </IconButton>
        </Tooltip>
        <Typography variant="caption" color="textSecondary">
          {result.graph.nodes.length} nodes, {result.graph.edges.length}{' '}
          dependencies · drag to pan, wheel to zoom
        </Typography>
      </Box>
      {/* Mouse pan and wheel zoom; the buttons above do the same by keyboard. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        ref={box}
        data-testid="graph-diagram"
        style={{
          height: boxHeight,
          overflow: 'hidden',
          border: '1px solid rgba(0,0,0,0.12)',
          background: '#fff',
          cursor: drag.current ? 'grabbing' : 'grab',
        }}
        onWheel={e => zoom(e.deltaY < 0 ? 1.1 : 0.9)}
        onMouseDown={e => {
          drag.current = { x: e.clientX - view.x, y: e.clientY - view.y };
        }}
        onMouseMove={e => {
          const start = drag.current;
          if (start)
            setView(v => ({
              ...v,
              x: e.clientX - start.x,
              y: e.clientY - start.y,
            }));
        }}
        onMouseUp={() => {
          drag.current = undefined;
        }}
        onMouseLeave={() => {
          drag.current = undefined;
        }}
      >
        {onCanvas ? (
          <CanvasDrawing
            layout={layout}
            byRef={byRef}
            view={view}
            width={boxWidth}
            height={boxHeight}
            highlight={highlight}
            onOpenNode={onOpenNode}
          />
        ) : (
          <svg
            ref={props.svgRef}
            xmlns="http://www.w3.org/2000/svg"
            width="100%"
            height="100%"
            fontFamily="Helvetica, Arial, sans-serif"
            fontSize={12}
          >
            <defs>
              <marker
                id="maestro-arrow"
                viewBox="0 0 10 10"
                refX="10"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M 0 0 L 10 5 L 0 10 z" fill="#607d8b" />
              </marker>
            </defs>
            <g
              transform={`translate(${view.x} ${view.y}) scale(${view.scale})`}
            >
              {drawing}
            </g>
          </svg>
        )}
      </div>
    </Box>
  );
}

/** While ELK works in its worker: what it is doing and for how long. */
function LayoutProgress(props: { nodes: number }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(
      () => setSeconds(Math.round((Date.now() - started) / 1000)),
      1000,
    );
    return () => clearInterval(timer);
  }, []);
  return (
    <Box>
      <Progress />
      <Typography variant="caption" color="textSecondary">
        Laying out {props.nodes} nodes{seconds ? ` · ${seconds} s` : ''}
        {props.nodes > 1000
          ? ' · large graphs take a while; the page stays usable meanwhile'
          : ''}
      </Typography>
    </Box>
  );
}
