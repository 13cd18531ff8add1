/**
 * Throttles failed logins per client, so the local SayMotion endpoint's secret cannot be guessed at
 * request speed. Only failures count: an SDK logging in correctly is never slowed down.
 */
const MAX_FAILURES = 10;
const WINDOW_MS = 60_000;
/** Bounds memory when many addresses fail (only loopback is expected, but the map must not grow forever). */
const MAX_CLIENTS = 10_000;

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly maxFailures = MAX_FAILURES,
    private readonly windowMs = WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds the client must wait before trying again, or 0 when it may try now. */
  retryAfterSec(client: string): number {
    const f = this.failures.get(client);
    if (!f) return 0;
    const left = f.since + this.windowMs - this.now();
    if (left <= 0) {
      this.failures.delete(client);
      return 0;
    }
    return f.count >= this.maxFailures ? Math.ceil(left / 1000) : 0;
  }

  fail(client: string): void {
    const now = this.now();
    const f = this.failures.get(client);
    if (!f || f.since + this.windowMs <= now) this.failures.set(client, { count: 1, since: now });
    else f.count += 1;
    if (this.failures.size > MAX_CLIENTS) this.failures.delete(this.failures.keys().next().value as string);
  }

  succeed(client: string): void {
    this.failures.delete(client);
  }
}
