const ARMOUR =
  /^-----BEGIN ([A-Z0-9 ]+)-----\s*([\s\S]*?)\s*-----END \1-----\s*$/;
// Legacy encrypted PEM headers; the IV's length follows from the cipher.
const LEGACY_HEADERS =
  /^Proc-Type:\s*(\S+?)\s*DEK-Info:\s*([A-Z0-9-]+),([0-9A-Fa-f]+)\s*([\s\S]*)$/;

function wrap(base64: string) {
  return (
    base64
      .replace(/\s+/g, '')
      .match(/.{1,64}/g)
      ?.join('\n') ?? ''
  );
}

/**
 * A private key as PEM and OpenSSH write it, even when it went through a
 * single-line form field that dropped its line breaks (browsers strip them
 * from `<input>` values) or turned them into spaces.
 */
export function normalizePrivateKey(key: string): string {
  const text = key.replace(/\r\n?/g, '\n').trim();
  const armour = ARMOUR.exec(text);
  // Keys with their line breaks are left as written.
  if (!armour || armour[2].includes('\n')) return key;
  const [, label, inner] = armour;
  let body = inner;
  let headers = '';
  const legacy = LEGACY_HEADERS.exec(inner);
  if (legacy) {
    const [, procType, cipher, hex] = legacy;
    const ivLength = cipher.startsWith('DES') ? 16 : 32;
    headers = `Proc-Type: ${procType}\nDEK-Info: ${cipher},${hex.slice(
      0,
      ivLength,
    )}\n\n`;
    body = hex.slice(ivLength) + legacy[4];
  }
  return `-----BEGIN ${label}-----\n${headers}${wrap(
    body,
  )}\n-----END ${label}-----\n`;
}
