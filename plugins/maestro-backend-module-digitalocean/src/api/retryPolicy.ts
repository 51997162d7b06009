/** When and how long to wait before trying an API call again. */

/** Statuses worth another try: rate limiting and the server's own failures. */
export const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

const MAX_BACKOFF_MS = 20_000;

/**
 * Exponential backoff with jitter: half the exponential step plus a random
 * part of the other half, so clients of one account do not retry in step.
 */
export function backoffMs(
  attempt: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  const step = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (attempt - 1));
  return step / 2 + random() * (step / 2);
}

/**
 * How long the API asks us to wait: `retry-after` (seconds or an HTTP
 * date), or for a 429 the `ratelimit-reset` epoch second at which a slot
 * of the rate limit frees. Undefined when the answer does not say.
 */
export function requestedWaitMs(
  status: number,
  headers: Headers,
  now: number = Date.now(),
): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = Number(headers.get('ratelimit-reset'));
  if (status === 429 && Number.isFinite(reset) && reset > 0) {
    return Math.max(0, reset * 1000 - now);
  }
  return undefined;
}

/** Waits, or rejects as soon as the run is cut short. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason ?? new Error('The run was cut short'));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    function onAbort() {
      clearTimeout(timer);
      reject(signal.reason ?? new Error('The run was cut short'));
    }
    timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
