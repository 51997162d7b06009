import { Readable } from 'stream';
import { Parser as TarParser, ReadEntry } from 'tar';
import yauzl from 'yauzl';
import { FileUpload, UploadedFile } from '@maestro/plugin-maestro-node';

/** An upload that cannot be read at all; the message names the file or entry. */
export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadError';
  }
}

const MAX_ENTRIES = 20_000;

/**
 * Refuses names that would leave the upload's own tree (a path traversal in
 * an archive), and normalises the rest to `a/b/c`.
 */
export function safeEntryPath(name: string): string {
  const parts = name.replace(/\\/g, '/').split('/');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || parts.includes('..'))
    throw new UploadError(
      `'${name}': entry names must stay inside the archive`,
    );
  return parts.filter(p => p && p !== '.').join('/');
}

function isGzip(body: Buffer) {
  return body.length > 2 && body[0] === 0x1f && body[1] === 0x8b;
}

/** A plain (uncompressed) POSIX tar, as a browser builds of several dropped files. */
function isTar(body: Buffer) {
  return body.length >= 512 && body.toString('latin1', 257, 262) === 'ustar';
}

function isZip(body: Buffer) {
  return body.length > 4 && body.readUInt32LE(0) === 0x04034b50;
}

/**
 * Counts unpacked bytes and files across entries, refusing past the limit
 * (zip bombs). One budget may span several uploads: the files fetched from
 * one folder or bucket share it.
 */
export class UnpackBudget {
  private used = 0;
  private entries = 0;
  constructor(
    private readonly maxBytes: number,
    private readonly upload: string,
  ) {}
  entry() {
    if (++this.entries > MAX_ENTRIES)
      throw new UploadError(`${this.upload}: more than ${MAX_ENTRIES} files`);
  }
  take(bytes: number, entry: string) {
    this.used += bytes;
    if (this.used > this.maxBytes)
      throw new UploadError(
        `${this.upload}: unpacks to more than ${this.maxBytes} bytes (at '${entry}'); raise maestro.import.maxUploadBytes to allow it`,
      );
  }
}

function unpackTarGz(
  upload: FileUpload,
  budget: UnpackBudget,
): Promise<UploadedFile[]> {
  return new Promise((resolve, reject) => {
    const files: UploadedFile[] = [];
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      reject(
        error instanceof UploadError
          ? error
          : new UploadError(
              `${upload.filename}: not a readable .tar.gz (${
                (error as Error).message
              })`,
            ),
      );
    };
    const parser = new TarParser({
      onReadEntry: (entry: ReadEntry) => {
        if (failed || entry.type !== 'File') {
          entry.resume();
          return;
        }
        let path: string;
        try {
          budget.entry();
          path = safeEntryPath(entry.path);
        } catch (e) {
          fail(e);
          entry.resume();
          return;
        }
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => {
          if (failed) return;
          try {
            budget.take(chunk.length, path);
            chunks.push(chunk);
          } catch (e) {
            fail(e);
          }
        });
        entry.on('end', () => {
          if (!failed) files.push({ path, content: Buffer.concat(chunks) });
        });
      },
    });
    parser.on('error', fail);
    parser.on('warn', (_code: string, message: string) =>
      fail(new Error(message)),
    );
    parser.on('end', () => {
      if (!failed) resolve(files);
    });
    Readable.from([upload.body]).pipe(parser);
  });
}

function unpackZip(
  upload: FileUpload,
  budget: UnpackBudget,
): Promise<UploadedFile[]> {
  return new Promise((resolve, reject) => {
    // Names are checked here, with the same rule as tar entries.
    yauzl.fromBuffer(
      upload.body,
      { lazyEntries: true, decodeStrings: false },
      (openError, zip) => {
        if (openError || !zip) {
          reject(
            new UploadError(
              `${upload.filename}: not a readable .zip (${openError?.message})`,
            ),
          );
          return;
        }
        const files: UploadedFile[] = [];
        const fail = (error: unknown) => {
          zip.close();
          reject(
            error instanceof UploadError
              ? error
              : new UploadError(
                  `${upload.filename}: not a readable .zip (${
                    (error as Error).message
                  })`,
                ),
          );
        };
        zip.on('error', fail);
        zip.on('end', () => resolve(files));
        zip.on('entry', (entry: yauzl.Entry) => {
          const name = (entry.fileName as unknown as Buffer).toString('utf8');
          if (name.endsWith('/')) {
            zip.readEntry();
            return;
          }
          let path: string;
          try {
            budget.entry();
            path = safeEntryPath(name);
          } catch (e) {
            fail(e);
            return;
          }
          // The bytes read are counted, not the sizes the headers declare:
          // a forged header can understate them.
          zip.openReadStream(entry, (streamError, stream) => {
            if (streamError || !stream) {
              fail(streamError);
              return;
            }
            const chunks: Buffer[] = [];
            stream.on('data', (chunk: Buffer) => {
              try {
                budget.take(chunk.length, path);
                chunks.push(chunk);
              } catch (e) {
                stream.destroy();
                fail(e);
              }
            });
            stream.on('error', fail);
            stream.on('end', () => {
              files.push({ path, content: Buffer.concat(chunks) });
              zip.readEntry();
            });
          });
        });
        zip.readEntry();
      },
    );
  });
}

/** True for the archives an upload may be: .tar, .tar.gz, .zip. */
export function isArchive(body: Buffer) {
  return isGzip(body) || isTar(body) || isZip(body);
}

/**
 * The files of an upload: the members of a .tar, .tar.gz or .zip (recognised by
 * their first bytes, not their name), or the upload itself. A budget shared
 * by several uploads bounds what they unpack to together.
 */
export async function unpackUpload(
  upload: FileUpload,
  maxBytes: number,
  budget: UnpackBudget = new UnpackBudget(maxBytes, upload.filename),
): Promise<UploadedFile[]> {
  if (upload.body.length > maxBytes)
    throw new UploadError(`${upload.filename}: larger than ${maxBytes} bytes`);
  if (isGzip(upload.body) || isTar(upload.body))
    return unpackTarGz(upload, budget);
  if (isZip(upload.body)) return unpackZip(upload, budget);
  const path = safeEntryPath(upload.filename);
  budget.entry();
  budget.take(upload.body.length, path);
  return [{ path, content: upload.body }];
}
