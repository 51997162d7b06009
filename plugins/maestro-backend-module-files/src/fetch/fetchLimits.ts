import {
  DiscoveryProviderError,
  FileUpload,
} from '@maestro/plugin-maestro-node';

/** Bounds on what one run fetches from a folder or bucket. */
export interface FetchLimits {
  /**
   * Largest file, and largest total of the files of one run, in bytes: the
   * upload limit, `maestro.import.maxUploadBytes`.
   */
  maxBytes: number;
  /** Most files one run reads. */
  maxFiles: number;
  /** Longest wait for the server's answer to one request (connect, list, read). */
  timeoutMs: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_FILES = 20_000;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The files of one run, named relative to the folder or prefix, and where they came from. */
export interface FetchedFiles {
  /** e.g. `sftp://deploy@facts.example:22/opt/facts`, for messages. */
  origin: string;
  files: FileUpload[];
}

/** A file a transport found, before it is read. */
export interface ListedFile {
  /** Name relative to the folder or prefix, `/`-separated. */
  name: string;
  /** Where the transport reads it from (remote path, object key). */
  location: string;
  size: number;
}

function tooLarge(message: string) {
  return new DiscoveryProviderError({
    kind: 'provider',
    code: 'TooLarge',
    message: `${message}; raise maestro.import.maxUploadBytes to allow it. Nothing was written`,
  });
}

/**
 * Keeps a run within its limits: every listed file is admitted by its
 * declared size before any byte is read, and the bytes that do arrive are
 * counted again (a file may grow between listing and reading).
 */
export class FetchBudget {
  private admitted = 0;
  private files = 0;
  private received = 0;

  constructor(
    private readonly limits: FetchLimits,
    private readonly origin: string,
  ) {}

  admit(file: ListedFile) {
    if (++this.files > this.limits.maxFiles)
      throw new DiscoveryProviderError({
        kind: 'provider',
        code: 'TooManyFiles',
        message: `${this.origin} holds more than ${this.limits.maxFiles} files; point the connection at a narrower path. Nothing was written`,
      });
    if (file.size > this.limits.maxBytes)
      throw tooLarge(
        `${file.name} has ${file.size} bytes, more than the ${this.limits.maxBytes} a file may have`,
      );
    this.admitted += file.size;
    if (this.admitted > this.limits.maxBytes)
      throw tooLarge(
        `the files of ${this.origin} add up to more than ${this.limits.maxBytes} bytes (at ${file.name})`,
      );
  }

  take(bytes: number, name: string) {
    this.received += bytes;
    if (this.received > this.limits.maxBytes)
      throw tooLarge(
        `the files of ${this.origin} grew past ${this.limits.maxBytes} bytes while being read (at ${name})`,
      );
  }
}

/** The error of a run stopped by its signal, as the engine words it. */
export const cutShort = () => new Error('The run was cut short');

/** Hidden files and folders (`.git`, `.terraform`, `.DS_Store`) are never inventory. */
export function isHidden(name: string) {
  return name.split('/').some(part => part.startsWith('.'));
}

/** Reads a stream into a buffer, counting its bytes against the budget. */
export function readCounted(
  stream: NodeJS.ReadableStream & { destroy(error?: Error): void },
  budget: FetchBudget,
  name: string,
  timeoutMs: number,
  onTimeout: () => Error,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) {
        stream.destroy();
        reject(error);
      } else resolve(Buffer.concat(chunks));
    };
    // An inactivity timer: a slow, steady transfer is fine, silence is not.
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(onTimeout()), timeoutMs);
    };
    arm();
    stream.on('data', (chunk: Buffer) => {
      try {
        budget.take(chunk.length, name);
        chunks.push(chunk);
        arm();
      } catch (e) {
        finish(e as Error);
      }
    });
    stream.on('error', (e: Error) => finish(e));
    stream.on('end', () => finish());
  });
}
