import { FileProblem, UploadedFile } from '@maestro/plugin-maestro-node';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Line and column of a character offset, for error messages. */
function lineOf(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${
    before[before.length - 1].length + 1
  }`;
}

/**
 * A file's JSON, or the problem that keeps it from being read: bytes that
 * are not UTF-8, or JSON that is truncated or malformed (with its line).
 */
export function readJsonFile(
  file: UploadedFile,
): { value: unknown } | { problem: FileProblem } {
  let text: string;
  try {
    text = utf8.decode(file.content);
  } catch {
    const bad = firstNonUtf8Byte(file.content);
    return {
      problem: {
        file: file.path,
        location: `byte ${bad}`,
        message: 'is not UTF-8 text',
      },
    };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message;
    const position = message.match(/position (\d+)/);
    let location: string | undefined;
    if (position) location = lineOf(text, Number(position[1]));
    else if (text.trim()) location = `line ${text.split('\n').length}`;
    return {
      problem: {
        file: file.path,
        location,
        message: text.trim()
          ? `is not valid JSON (${message.replace(/ in JSON at.*$/, '')})`
          : 'is empty',
      },
    };
  }
}

/** Offset of the first byte that breaks UTF-8 (binary search on prefixes). */
function firstNonUtf8Byte(content: Buffer): number {
  const validPrefix = (length: number) => {
    try {
      // stream: an unfinished character at the end is not an error yet.
      new TextDecoder('utf-8', { fatal: true }).decode(
        content.subarray(0, length),
        { stream: true },
      );
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = content.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (validPrefix(mid)) low = mid;
    else high = mid - 1;
  }
  // The longest valid prefix may end inside a character that the next byte
  // breaks: the error is where that character starts.
  for (let back = 1; back <= 3 && low - back >= 0; back++) {
    const byte = content[low - back];
    if (byte >= 0xc0) {
      let length = 2;
      if (byte >= 0xf0) length = 4;
      else if (byte >= 0xe0) length = 3;
      return length > back ? low - back : low;
    }
    if (byte < 0x80) break;
  }
  return low;
}
