/**
 * A one-slot gate: renders are CPU heavy (a software-WebGL browser plus two video encoders on a small
 * machine), so a second render waits for the first instead of halving the speed of both.
 * The slot is handed straight to the oldest waiter, so waiting renders run in arrival order.
 */
export class OneAtATime {
  private held = false;
  private readonly waiters: Array<() => void> = [];

  get busy(): boolean {
    return this.held;
  }

  /** Resolves when the slot is ours; rejects with the signal's reason if aborted while waiting. */
  async acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw signal.reason;
    if (!this.held) {
      this.held = true;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const wake = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const i = this.waiters.indexOf(wake);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(signal.reason);
      };
      this.waiters.push(wake);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.held = false;
  }
}
