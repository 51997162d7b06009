import { nextScheduledRun } from './nextRun';

describe('nextScheduledRun', () => {
  const start = new Date('2026-11-26T13:00:00Z');
  const fiveMinutes = 5 * 60_000;

  it('is one interval after the start of a short run', () => {
    expect(
      nextScheduledRun(start, new Date('2026-11-26T13:00:20Z'), fiveMinutes),
    ).toEqual(new Date('2026-11-26T13:05:00Z'));
  });

  it('is the end of a run that outlasted its interval', () => {
    expect(
      nextScheduledRun(start, new Date('2026-11-26T13:07:30Z'), fiveMinutes),
    ).toEqual(new Date('2026-11-26T13:07:30Z'));
  });
});
