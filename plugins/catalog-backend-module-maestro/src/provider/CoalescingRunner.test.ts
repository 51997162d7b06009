import { CoalescingRunner } from './CoalescingRunner';

describe('CoalescingRunner', () => {
  it('never runs the job twice at once and reruns once for requests made meanwhile', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    let release: () => void = () => {};
    const runner = new CoalescingRunner(async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      runs += 1;
      await new Promise<void>(resolve => {
        release = resolve;
      });
      active -= 1;
    });

    const first = runner.run();
    const second = runner.run();
    const third = runner.run();
    release();
    await new Promise(resolve => setImmediate(resolve));
    release();
    await Promise.all([first, second, third]);

    expect(maxActive).toBe(1);
    expect(runs).toBe(2);
  });

  it('starts afresh after a failed run', async () => {
    const job = jest
      .fn<Promise<void>, []>()
      .mockRejectedValueOnce(new Error('boom'))
      .mockResolvedValueOnce();
    const runner = new CoalescingRunner(job);
    await expect(runner.run()).rejects.toThrow('boom');
    await expect(runner.run()).resolves.toBeUndefined();
    expect(job).toHaveBeenCalledTimes(2);
  });
});
