import { ReportRow } from '@maestro/plugin-maestro-common';

// Characters XML 1.0 cannot carry at all, even escaped.
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(value: string): string {
  return value
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A value as XML: objects as named fields, arrays as items. */
function valueXml(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    return value.map(v => `<item>${valueXml(v)}</item>`).join('');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `<field name="${xmlText(k)}">${valueXml(v)}</field>`)
      .join('');
  }
  return xmlText(String(value));
}

/**
 * `<report><row><field name="spec.hostname">web-1</field>...</row></report>`:
 * column ids go in attributes, since paths are not valid element names.
 */
export async function* xmlChunks(
  name: string,
  rows: AsyncIterable<ReportRow>,
): AsyncGenerator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<report name="${xmlText(
    name,
  )}">\n`;
  for await (const row of rows) {
    yield `<row>${Object.entries(row)
      .map(([k, v]) => `<field name="${xmlText(k)}">${valueXml(v)}</field>`)
      .join('')}</row>\n`;
  }
  yield '</report>\n';
}
