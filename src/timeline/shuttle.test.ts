import { describe, expect, it } from 'vitest';
import { SHUTTLE_STOPPED, nextShuttle, reverseTime } from './shuttle.ts';

describe('J/K/L shuttle', () => {
  it('L plays forward and each press goes faster, up to 8×', () => {
    let s = SHUTTLE_STOPPED;
    const rates: number[] = [];
    for (let i = 0; i < 5; i++) {
      s = nextShuttle(s, 'l');
      rates.push(s.rate);
    }
    expect(s.dir).toBe(1);
    expect(rates).toEqual([1, 2, 4, 8, 8]);
  });
  it('J reverses at 1× from any forward speed, K stops', () => {
    const fast = nextShuttle(nextShuttle(SHUTTLE_STOPPED, 'l'), 'l');
    expect(nextShuttle(fast, 'j')).toEqual({ dir: -1, rate: 1 });
    expect(nextShuttle(nextShuttle(fast, 'j'), 'j')).toEqual({ dir: -1, rate: 2 });
    expect(nextShuttle(fast, 'k')).toEqual(SHUTTLE_STOPPED);
  });
});

describe('reverseTime', () => {
  it('steps back', () => {
    expect(reverseTime(2, 0.5, 4, true)).toEqual({ time: 1.5, playing: true });
  });
  it('stops at the first frame when not looping', () => {
    expect(reverseTime(0.1, 0.5, 4, false)).toEqual({ time: 0, playing: false });
  });
  it('wraps to the end when looping', () => {
    const r = reverseTime(0.1, 0.3, 4, true);
    expect(r.playing).toBe(true);
    expect(r.time).toBeCloseTo(3.8, 9);
  });
  it('does nothing on an empty clip or a negative step', () => {
    expect(reverseTime(1, 1, 0, true)).toEqual({ time: 0, playing: false });
    expect(reverseTime(1, -1, 4, true)).toEqual({ time: 1, playing: true });
  });
});
