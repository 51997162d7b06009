import { Writable } from 'stream';

/** Bytes gathered before one write: one write per row is far slower. */
const WRITE_SIZE = 64 * 1024;

function drained(out: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const listeners = {
      drain: () => settle(),
      close: () => settle(),
      error: (error: Error) => settle(error),
    };
    function settle(error?: Error) {
      out.off('drain', listeners.drain);
      out.off('close', listeners.close);
      out.off('error', listeners.error);
      if (error) reject(error);
      else resolve();
    }
    out.on('drain', listeners.drain);
    out.on('close', listeners.close);
    out.on('error', listeners.error);
  });
}

/**
 * Writes text chunks in blocks of about 64 KB, waiting whenever the reader
 * is slower than the database, so memory holds a block, not the result.
 * Stops reading (and so ends the query) when the reader goes away.
 */
export async function writeChunks(
  out: Writable,
  chunks: AsyncIterable<string>,
): Promise<void> {
  let block = '';
  const flush = async () => {
    const ok = out.write(block);
    block = '';
    if (!ok) await drained(out);
  };
  for await (const chunk of chunks) {
    block += chunk;
    if (block.length >= WRITE_SIZE) {
      await flush();
      if (out.destroyed) return;
    }
  }
  if (block) await flush();
}
