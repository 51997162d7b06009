/** A file to put in an archive: its path and bytes. */
export interface ArchiveEntry {
  path: string;
  content: Uint8Array;
}

const BLOCK = 512;
const encoder = new TextEncoder();

function writeString(
  block: Uint8Array,
  offset: number,
  length: number,
  text: string,
) {
  const bytes = encoder.encode(text);
  if (bytes.length > length)
    throw new Error(`'${text}' is too long for a tar header`);
  block.set(bytes, offset);
}

function writeOctal(
  block: Uint8Array,
  offset: number,
  length: number,
  value: number,
) {
  writeString(
    block,
    offset,
    length,
    `${value.toString(8).padStart(length - 1, '0')}\0`,
  );
}

/** Splits a path into the ustar name (100 bytes) and prefix (155 bytes). */
function splitPath(path: string): [string, string] {
  if (encoder.encode(path).length <= 100) return [path, ''];
  const cut = path.lastIndexOf('/', 155);
  if (cut <= 0 || encoder.encode(path.slice(cut + 1)).length > 100)
    throw new Error(`'${path}' is too long to upload`);
  return [path.slice(cut + 1), path.slice(0, cut)];
}

/**
 * A POSIX ustar archive of several files, so that dropped files go up as one
 * upload and are imported all or nothing. (Uncompressed: the server
 * recognises a tar by its header.)
 */
export function tarArchive(entries: ArchiveEntry[]): Uint8Array {
  const size = entries.reduce(
    (sum, e) => sum + BLOCK + Math.ceil(e.content.length / BLOCK) * BLOCK,
    2 * BLOCK,
  );
  const out = new Uint8Array(size);
  let offset = 0;
  for (const entry of entries) {
    const header = new Uint8Array(BLOCK);
    const [name, prefix] = splitPath(entry.path);
    writeString(header, 0, 100, name);
    writeOctal(header, 100, 8, 0o644);
    writeOctal(header, 108, 8, 0);
    writeOctal(header, 116, 8, 0);
    writeOctal(header, 124, 12, entry.content.length);
    writeOctal(header, 136, 12, 0);
    header.fill(0x20, 148, 156); // checksum counted as spaces
    header[156] = 0x30; // '0': a regular file
    writeString(header, 257, 6, 'ustar\0');
    writeString(header, 263, 2, '00');
    writeString(header, 345, 155, prefix);
    const checksum = header.reduce((sum, byte) => sum + byte, 0);
    writeString(header, 148, 8, `${checksum.toString(8).padStart(6, '0')}\0 `);
    out.set(header, offset);
    out.set(entry.content, offset + BLOCK);
    offset += BLOCK + Math.ceil(entry.content.length / BLOCK) * BLOCK;
  }
  return out; // the two zero blocks that end an archive are already zero
}
