const PALETTE = [
  '#1e88e5',
  '#43a047',
  '#fb8c00',
  '#8e24aa',
  '#e53935',
  '#00897b',
  '#6d4c41',
  '#3949ab',
  '#c0ca33',
  '#d81b60',
  '#546e7a',
  '#fdd835',
];

/** A stable colour per family, the same in the SVG export and the UI. */
export function familyColor(family: string): string {
  let hash = 0;
  for (const c of family) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}
