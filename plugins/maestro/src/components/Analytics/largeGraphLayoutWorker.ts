import { largeGraphLayout } from './largeGraphLayout';

/** The worker's side of largeGraphLayoutInWorker: one graph in, its layout out. */
const scope = globalThis as unknown as {
  onmessage: (event: { data: { result: any; size: any } }) => void;
  postMessage: (message: unknown) => void;
};

scope.onmessage = event =>
  scope.postMessage(largeGraphLayout(event.data.result, event.data.size));
