const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside XML/HTML text and quoted attributes. */
export function escapeXml(text: string): string {
  // Control characters other than tab/newline are invalid in XML 1.0.
  let clean = '';
  for (const c of String(text)) {
    const code = c.charCodeAt(0);
    if (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d)
      clean += ENTITIES[c] ?? c;
  }
  return clean;
}
