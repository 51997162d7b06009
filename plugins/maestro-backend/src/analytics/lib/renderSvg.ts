import { escapeXml } from './escapeXml';
import { familyColor } from '@maestro/plugin-maestro-common';
import { GraphLayout, layeredLayout } from './layeredLayout';
import { DependencyGraph } from './types';

function truncate(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

interface LabelBox {
  x: number;
  y: number;
  width: number;
}

function bezier(
  p0: { x: number; y: number },
  p1: { x: number; y: number },
  p2: { x: number; y: number },
  p3: { x: number; y: number },
  t: number,
) {
  const u = 1 - t;
  return {
    x:
      u * u * u * p0.x +
      3 * u * u * t * p1.x +
      3 * u * t * t * p2.x +
      t * t * t * p3.x,
    y:
      u * u * u * p0.y +
      3 * u * u * t * p1.y +
      3 * u * t * t * p2.y +
      t * t * t * p3.y,
  };
}

/**
 * Where a protocol label goes on its edge: the middle, or else the first
 * point along the curve where it overlaps no label already placed; none
 * when every place is taken (the edge's title still tells on hover).
 */
function labelPlace(
  placed: LabelBox[],
  p0: { x: number; y: number },
  p1: { x: number; y: number },
  p2: { x: number; y: number },
  p3: { x: number; y: number },
  chars: number,
) {
  if (!chars) return undefined;
  // Escaped text is longer than what shows; close enough for spacing.
  const width = Math.min(chars, 12) * 6 + 6;
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    const at = bezier(p0, p1, p2, p3, t);
    const free = placed.every(
      b =>
        Math.abs(b.x - at.x) * 2 >= b.width + width ||
        Math.abs(b.y - at.y) >= 13,
    );
    if (free) {
      placed.push({ ...at, width });
      return { x: Math.round(at.x), y: Math.round(at.y) };
    }
  }
  return undefined;
}

/**
 * The diagram as a standalone SVG document. Every name, family and
 * protocol goes through `escapeXml`: a record named `<script>` stays text.
 */
export function renderSvg(
  graph: DependencyGraph,
  options: { title?: string; layout?: GraphLayout } = {},
): string {
  const layout = options.layout ?? layeredLayout(graph);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
  );
  if (options.title) parts.push(`<title>${escapeXml(options.title)}</title>`);
  parts.push(
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#607d8b"/></marker></defs>',
    '<rect width="100%" height="100%" fill="#ffffff"/>',
  );
  parts.push('<g class="edges">');
  const labels: LabelBox[] = [];
  for (const edge of graph.edges) {
    const from = layout.positions.get(edge.source);
    const to = layout.positions.get(edge.target);
    if (!from || !to) continue;
    const label = edge.protocol ? escapeXml(edge.protocol) : '';
    const tip = escapeXml(
      `${edge.source} → ${edge.target}${
        edge.protocol ? ` (${edge.protocol})` : ''
      }`,
    );
    if (edge.source === edge.target) {
      const x = from.x + from.width - 30;
      const y = from.y;
      parts.push(
        `<g class="edge self"><title>${tip}</title><path d="M ${x} ${y} C ${x} ${
          y - 30
        } ${x + 40} ${y - 30} ${
          x + 30
        } ${y}" fill="none" stroke="#e53935" marker-end="url(#arrow)"/>${
          label
            ? `<text x="${x + 15}" y="${y - 24}" fill="#e53935">${label}</text>`
            : ''
        }</g>`,
      );
      continue;
    }
    const x1 = from.x + from.width;
    const y1 = from.y + from.height / 2;
    const x2 = to.x;
    const y2 = to.y + to.height / 2;
    // An edge closing a cycle points left: it loops below both boxes.
    const back = x2 < x1;
    const bend = back ? Math.max(60, Math.abs(x1 - x2) / 4) : (x2 - x1) / 2;
    const c1 = { x: x1 + (back ? 60 : bend), y: y1 + (back ? bend : 0) };
    const c2 = { x: x2 - (back ? 60 : bend), y: y2 + (back ? bend : 0) };
    const at = labelPlace(
      labels,
      { x: x1, y: y1 },
      c1,
      c2,
      { x: x2, y: y2 },
      label.length,
    );
    parts.push(
      `<g class="edge"><title>${tip}</title><path d="M ${x1} ${y1} C ${c1.x} ${
        c1.y
      } ${c2.x} ${c2.y} ${x2} ${y2}" fill="none" stroke="${
        back ? '#e57373' : '#90a4ae'
      }" marker-end="url(#arrow)"/>${
        label && at
          ? `<text x="${at.x}" y="${at.y}" text-anchor="middle" dominant-baseline="central" fill="#37474f" font-size="10" paint-order="stroke" stroke="#ffffff" stroke-width="3">${label}</text>`
          : ''
      }</g>`,
    );
  }
  parts.push('</g><g class="nodes">');
  for (const node of graph.nodes) {
    const p = layout.positions.get(node.ref);
    if (!p) continue;
    const color = node.missing ? '#9e9e9e' : familyColor(node.family);
    parts.push(
      `<g class="node" data-ref="${escapeXml(node.ref)}"><title>${escapeXml(
        node.ref,
      )}</title><rect x="${p.x}" y="${p.y}" width="${p.width}" height="${
        p.height
      }" rx="6" fill="#fafafa" stroke="${color}" stroke-width="2"${
        node.missing ? ' stroke-dasharray="4 3"' : ''
      }/><rect x="${p.x}" y="${p.y}" width="6" height="${
        p.height
      }" fill="${color}"/><text x="${p.x + 14}" y="${
        p.y + 18
      }" font-weight="bold">${escapeXml(
        truncate(node.title, 28),
      )}</text><text x="${p.x + 14}" y="${p.y + 34}" fill="#616161">${escapeXml(
        truncate(
          `${node.family}${node.missing ? ' (missing)' : ''}${
            node.truncated ? ' (more…)' : ''
          }`,
          30,
        ),
      )}</text></g>`,
    );
  }
  parts.push('</g></svg>');
  return parts.join('\n');
}
