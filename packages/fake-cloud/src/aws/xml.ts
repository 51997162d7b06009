/** Minimal XML writing for the AWS Query wire format. */

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export type XmlValue =
  | string
  | number
  | boolean
  | undefined
  | null
  | XmlNode
  | XmlValue[];

/** An element's children by name; arrays become `<item>` lists (EC2 style). */
export type XmlNode = { [name: string]: XmlValue };

function renderValue(value: XmlValue): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value))
    return value.map(item => `<item>${renderValue(item)}</item>`).join('');
  if (typeof value === 'object') return renderNode(value);
  return escapeXml(String(value));
}

export function renderNode(node: XmlNode): string {
  let out = '';
  for (const [name, value] of Object.entries(node)) {
    if (value === undefined) continue;
    out += `<${name}>${renderValue(value)}</${name}>`;
  }
  return out;
}

export function document(root: string, xmlns: string, body: string) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${xmlns}">${body}</${root}>`;
}
