import { escapeXml } from './lib/escapeXml';
import { GraphMetrics } from './lib/types';

/**
 * The read-only page a public link opens: the server-rendered SVG and the
 * main figures, no script at all, so it needs neither sign-in nor the app.
 */
export function publicPage(opts: {
  name: string;
  svg: string;
  metrics: GraphMetrics;
  expiresAt: string;
}): string {
  const m = opts.metrics;
  // Up to about ten columns, the diagram shrinks to the window's width;
  // wider ones stay legible at their own size and scroll.
  const width = Number(/^<svg[^>]* width="(\d+)"/.exec(opts.svg)?.[1] ?? 0);
  const fit = width > 0 && width <= 3000;
  const figures = [
    ['Applications', String(m.nodes)],
    ['Connections', String(m.connections)],
    ['Density', m.density.toFixed(3)],
    ['Nodes per depth', m.depthHistogram.join(' · ')],
    ['Systems', String(m.systems.length)],
    ['Clients', String(m.clients.length)],
  ];
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(opts.name)} · Maestro graph</title>
</head><body style="margin:0;font-family:Helvetica,Arial,sans-serif;color:#212121">
<header style="padding:12px 16px;border-bottom:1px solid #e0e0e0">
<h1 style="font-size:18px;margin:0 0 6px 0">${escapeXml(opts.name)}</h1>
<dl style="display:flex;flex-wrap:wrap;gap:16px;margin:0;font-size:13px">${figures
    .map(
      ([k, v]) =>
        `<div><dt style="color:#757575">${escapeXml(
          k,
        )}</dt><dd style="margin:0">${escapeXml(v)}</dd></div>`,
    )
    .join('')}</dl>
<p style="font-size:12px;color:#757575;margin:6px 0 0 0">Read-only view shared from Maestro; the link expires ${escapeXml(
    opts.expiresAt,
  )}.</p>
</header>
${
  fit
    ? '<style>main > svg { max-width: 100%; height: auto; display: block; }</style>'
    : ''
}
<main style="overflow:auto;padding:8px">${opts.svg}</main>
</body></html>`;
}

/** What a dead link shows: no graph data at all. */
export function unavailablePage(status: number, message: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Maestro graph unavailable</title></head><body style="font-family:Helvetica,Arial,sans-serif"><h1>${status}</h1><p>${escapeXml(
    message,
  )}</p></body></html>`;
}
