import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rateLimiter.ts';

describe('RateLimiter', () => {
  it('allows a burst, then refills at the sustained rate, per client', () => {
    let now = 0;
    const rl = new RateLimiter(60, 3, () => now);
    expect([1, 2, 3].map(() => rl.take('a').allowed)).toEqual([true, true, true]);
    const denied = rl.take('a');
    expect(denied.allowed).toBe(false);
    expect(denied.retryAfterSec).toBe(1);
    expect(rl.take('b').allowed).toBe(true);
    now += 1000;
    expect(rl.take('a').allowed).toBe(true);
    expect(rl.take('a').allowed).toBe(false);
  });
});
