import ELK from 'elkjs/lib/elk-api';

/**
 * ELK with its layout engine in a Web Worker, so that laying out thousands
 * of nodes never blocks the page. `new Worker(new URL(..., import.meta.url))`
 * is the form the app's bundler (rspack/webpack) turns into a worker chunk.
 * Kept alone in this file: only browsers load it (tests lay out in-thread).
 */
export function createWorkerElk() {
  return new ELK({
    workerFactory: () =>
      new Worker(new URL('elkjs/lib/elk-worker.min.js', import.meta.url)),
  });
}
