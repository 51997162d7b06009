import { GraphNode } from '../../api/analytics';
import { familyColor } from '@maestro/plugin-maestro-common';
import { GraphLayout, PlacedEdge } from './layoutGraph';
import { shortRef, truncate } from './graphText';

/** Above this many edges, edges are drawn in batches, without labels. */
const BATCHED_EDGES = 600;
const EDGES_PER_PATH = 500;

function edgePath(points: Array<{ x: number; y: number }>) {
  return points.map((p, i) => `${i ? 'L' : 'M'} ${p.x} ${p.y}`).join(' ');
}

/**
 * Large graphs: a few `<path>`s of many edges each instead of one element
 * group per edge (thousands of elements made the first paint take seconds).
 */
function BatchedEdges(props: { edges: PlacedEdge[] }) {
  const paths: string[] = [];
  for (let i = 0; i < props.edges.length; i += EDGES_PER_PATH) {
    paths.push(
      props.edges
        .slice(i, i + EDGES_PER_PATH)
        .filter(e => e.points.length > 1)
        .map(e => edgePath(e.points))
        .join(' '),
    );
  }
  return (
    <g className="graph-edges" data-edges={props.edges.length}>
      {paths.map((d, i) => (
        <path key={i} d={d} fill="none" stroke="#90a4ae" strokeWidth={1.3} />
      ))}
    </g>
  );
}

interface LabelBox {
  x: number;
  y: number;
  width: number;
}

/**
 * Where an edge's protocol label goes: the middle of its longest segment
 * that no label placed before overlaps; none if all are taken (the edge's
 * tooltip still says it).
 */
function labelPlace(
  placed: LabelBox[],
  points: Array<{ x: number; y: number }>,
  chars: number,
) {
  const width = chars * 6 + 4;
  const segments = points
    .slice(1)
    .map((p, i) => ({ a: points[i], b: p }))
    .sort(
      (s, t) =>
        Math.hypot(t.b.x - t.a.x, t.b.y - t.a.y) -
        Math.hypot(s.b.x - s.a.x, s.b.y - s.a.y),
    );
  for (const { a, b } of segments) {
    const horizontal = Math.abs(b.y - a.y) < 1;
    const at = {
      x: (a.x + b.x) / 2,
      // Above a horizontal segment, centred on any other.
      y: (a.y + b.y) / 2 - (horizontal ? 7 : 0),
    };
    if (
      placed.every(
        l =>
          Math.abs(l.x - at.x) * 2 >= l.width + width ||
          Math.abs(l.y - at.y) >= 12,
      )
    ) {
      placed.push({ ...at, width });
      return at;
    }
  }
  return undefined;
}

export function SvgDrawing(props: {
  layout: GraphLayout;
  byRef: Map<string, GraphNode>;
  highlight?: Set<string>;
  onOpenNode?: (node: GraphNode) => void;
  onAddFrom?: (node: GraphNode) => void;
}) {
  const { layout, byRef, highlight, onOpenNode, onAddFrom } = props;
  const batched = layout.edges.length > BATCHED_EDGES;
  const placedLabels: LabelBox[] = [];
  return (
    <>
      {layout.groups.map(group => (
        <g key={group.ref} className="system-group">
          <rect
            x={group.x}
            y={group.y}
            width={group.width}
            height={group.height}
            rx={8}
            fill="#f5f7fa"
            stroke="#cfd8dc"
            strokeDasharray="4 3"
          />
          <text x={group.x + 8} y={group.y + 17} fill="#546e7a">
            {shortRef(group.ref)}
          </text>
        </g>
      ))}
      {batched && <BatchedEdges edges={layout.edges} />}
      {!batched &&
        layout.edges.map(edge => {
          if (edge.points.length < 2) return null;
          const d = edgePath(edge.points);
          const label = edge.protocol
            ? labelPlace(placedLabels, edge.points, edge.protocol.length)
            : undefined;
          return (
            <g key={edge.id} className="graph-edge" data-testid="graph-edge">
              <title>
                {`${shortRef(edge.source)} → ${shortRef(edge.target)}${
                  edge.protocol ? ` (${edge.protocol})` : ''
                }${edge.description ? `: ${edge.description}` : ''}`}
              </title>
              <path
                d={d}
                fill="none"
                stroke={edge.source === edge.target ? '#e53935' : '#90a4ae'}
                strokeWidth={1.3}
                markerEnd="url(#maestro-arrow)"
              />
              {/* A wide transparent stroke makes thin edges easy to hover. */}
              <path d={d} fill="none" stroke="transparent" strokeWidth={8} />
              {edge.protocol && label && (
                <text
                  x={label.x}
                  y={label.y}
                  textAnchor="middle"
                  dominantBaseline="central"
                  fontSize={10}
                  fill="#37474f"
                >
                  {edge.protocol}
                </text>
              )}
            </g>
          );
        })}
      {layout.nodes.map(placed => {
        const node = byRef.get(placed.ref);
        if (!node) return null;
        const color = node.missing ? '#9e9e9e' : familyColor(node.family);
        const lit = highlight?.has(node.ref);
        return (
          <g
            key={node.ref}
            className="graph-node"
            data-testid="graph-node"
            data-ref={node.ref}
            style={{ cursor: node.missing ? 'default' : 'pointer' }}
            onClick={() => !node.missing && onOpenNode?.(node)}
          >
            <title>{node.ref}</title>
            <rect
              x={placed.x}
              y={placed.y}
              width={placed.width}
              height={placed.height}
              rx={6}
              fill={lit ? '#ffebee' : '#fafafa'}
              stroke={lit ? '#d50000' : color}
              strokeWidth={lit ? 4 : 2}
              strokeDasharray={node.missing ? '4 3' : undefined}
            />
            <rect
              x={placed.x}
              y={placed.y}
              width={6}
              height={placed.height}
              fill={color}
            />
            <text x={placed.x + 14} y={placed.y + 18} fontWeight="bold">
              {truncate(node.title, 26)}
            </text>
            <text x={placed.x + 14} y={placed.y + 34} fill="#616161">
              {truncate(
                `${node.family}${node.missing ? ' (missing)' : ''}${
                  node.truncated ? ' (more…)' : ''
                }`,
                28,
              )}
            </text>
            {onAddFrom && !node.missing && (
              <g
                data-testid="add-dependency"
                aria-label={`Add a dependency to ${node.title}`}
                onClick={e => {
                  e.stopPropagation();
                  onAddFrom(node);
                }}
              >
                <circle
                  cx={placed.x + placed.width - 12}
                  cy={placed.y + 12}
                  r={9}
                  fill="#1976d2"
                />
                <text
                  x={placed.x + placed.width - 12}
                  y={placed.y + 16}
                  textAnchor="middle"
                  fill="#fff"
                  fontWeight="bold"
                >
                  +
                </text>
              </g>
            )}
          </g>
        );
      })}
    </>
  );
}
