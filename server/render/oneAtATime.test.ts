import { describe, expect, it } from 'vitest';
import { OneAtATime } from './oneAtATime.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('OneAtATime', () => {
  it('runs one holder at a time, waiters in arrival order', async () => {
    const gate = new OneAtATime();
    const order: string[] = [];
    const signal = new AbortController().signal;
    await gate.acquire(signal);
    const b = gate.acquire(signal).then(() => order.push('b'));
    const c = gate.acquire(signal).then(() => order.push('c'));
    await tick();
    expect(order).toEqual([]);
    expect(gate.busy).toBe(true);
    gate.release();
    await b;
    await tick();
    expect(order).toEqual(['b']);
    gate.release();
    await c;
    expect(order).toEqual(['b', 'c']);
    gate.release();
    expect(gate.busy).toBe(false);
  });

  it('a waiter that is aborted leaves the queue and rejects with the reason', async () => {
    const gate = new OneAtATime();
    await gate.acquire(new AbortController().signal);
    const ac = new AbortController();
    const waiting = gate.acquire(ac.signal);
    ac.abort(new Error('canceled'));
    await expect(waiting).rejects.toThrow('canceled');
    gate.release();
    expect(gate.busy).toBe(false);
  });
});
