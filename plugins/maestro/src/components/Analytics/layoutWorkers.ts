import ELK from 'elkjs/lib/elk-api';
import { GraphResult } from '../../api/analytics';
import type { GraphLayout } from './layoutGraph';

/**
 * The layouts' Web Workers, so that laying out thousands of nodes never
 * blocks the page. `new Worker(new URL(..., import.meta.url))` is the form
 * the app's bundler turns into a worker chunk. Kept alone in this file:
 * only browsers load it (tests lay out in-thread).
 */

/** ELK with its layout engine in a worker. */
export function createWorkerElk() {
  return new ELK({
    workerFactory: () =>
      new Worker(new URL('elkjs/lib/elk-worker.min.js', import.meta.url)),
  });
}

/** largeGraphLayout, in a worker of its own for each graph. */
export function largeGraphLayoutInWorker(
  result: GraphResult,
  size: { width: number; height: number },
): Promise<GraphLayout> {
  const worker = new Worker(
    new URL('./largeGraphLayoutWorker.ts', import.meta.url),
  );
  return new Promise<GraphLayout>((resolve, reject) => {
    worker.onmessage = event => resolve(event.data);
    worker.onerror = event =>
      reject(new Error(event.message || 'The graph could not be laid out'));
    worker.postMessage({ result, size });
  }).finally(() => worker.terminate());
}
