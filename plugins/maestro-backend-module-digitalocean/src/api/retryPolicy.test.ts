import { backoffMs, requestedWaitMs, sleep } from './retryPolicy';

const headers = (values: Record<string, string>) => new Headers(values);
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('requestedWaitMs', () => {
  it('takes retry-after in seconds first', () => {
    expect(
      requestedWaitMs(
        429,
        headers({
          'retry-after': '7',
          'ratelimit-reset': String(NOW / 1000 + 60),
        }),
        NOW,
      ),
    ).toBe(7000);
  });

  it('takes retry-after as an HTTP date', () => {
    expect(
      requestedWaitMs(
        503,
        headers({ 'retry-after': new Date(NOW + 4000).toUTCString() }),
        NOW,
      ),
    ).toBe(4000);
  });

  it('waits for ratelimit-reset on a 429 that gives no retry-after', () => {
    expect(
      requestedWaitMs(
        429,
        headers({ 'ratelimit-reset': String(NOW / 1000 + 12) }),
        NOW,
      ),
    ).toBe(12000);
    // A reset already past: no wait.
    expect(
      requestedWaitMs(
        429,
        headers({ 'ratelimit-reset': String(NOW / 1000 - 5) }),
        NOW,
      ),
    ).toBe(0);
  });

  it('ignores ratelimit-reset on other errors, which every answer carries', () => {
    expect(
      requestedWaitMs(
        500,
        headers({ 'ratelimit-reset': String(NOW / 1000 + 3000) }),
        NOW,
      ),
    ).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('doubles each attempt, jittered within the upper half, and is capped', () => {
    expect(backoffMs(1, 500, () => 0)).toBe(250);
    expect(backoffMs(1, 500, () => 1)).toBe(500);
    expect(backoffMs(3, 500, () => 0)).toBe(1000);
    expect(backoffMs(30, 500, () => 1)).toBe(20000);
  });
});

describe('sleep', () => {
  it('rejects as soon as the run is aborted', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const waiting = sleep(10_000, abort.signal);
    abort.abort(new Error('cut short'));
    await expect(waiting).rejects.toThrow('cut short');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
