/**
 * Token-bucket rate limit per client. Job submissions spend paid provider credits and CPU, so a
 * runaway script (or a stuck retry loop in a client) must not be able to flood the queue.
 */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until one more request would be allowed. */
  retryAfterSec: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    /** Sustained rate, requests per minute. */
    private readonly perMinute: number,
    /** Largest burst. */
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(client: string): RateDecision {
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.buckets.set(client, b);
    if (this.buckets.size > 10_000) this.evictFull(now, rate);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { allowed: true, retryAfterSec: 0 };
    }
    return { allowed: false, retryAfterSec: Math.ceil((1 - b.tokens) / rate / 1000) };
  }

  /** Buckets that have refilled completely carry no information; dropping them bounds memory. */
  private evictFull(now: number, rate: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * rate >= this.burst) this.buckets.delete(k);
  }
}
