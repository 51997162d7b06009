/**
 * Runs an async job one at a time. A request made while the job runs does not
 * start a second run beside it; it makes the running one go round once more
 * when done, so a change announced mid-run is still picked up.
 */
export class CoalescingRunner {
  private running?: Promise<void>;
  private rerunRequested = false;

  constructor(private readonly job: () => Promise<void>) {}

  /** Resolves when a run that started after this call has finished. */
  run(): Promise<void> {
    if (this.running) {
      this.rerunRequested = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.rerunRequested = false;
      await this.job();
    } while (this.rerunRequested);
  }
}
