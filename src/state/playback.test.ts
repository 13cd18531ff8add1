import { describe, expect, it } from 'vitest';
import { advancePlayback, clampSpeed, effectiveRange, withInPoint, withOutPoint } from './playback.ts';

const whole = { start: 0, end: 4 };

describe('advancePlayback', () => {
  it('loops inside the range', () => {
    expect(advancePlayback({ time: 1, direction: 1 }, 0.5, whole, 'loop')).toEqual({ time: 1.5, direction: 1, playing: true });
    const r = advancePlayback({ time: 3.9, direction: 1 }, 0.2, whole, 'loop');
    expect(r.time).toBeCloseTo(0.1, 9);
    expect(r.playing).toBe(true);
    const inner = advancePlayback({ time: 2.9, direction: 1 }, 0.3, { start: 1, end: 3 }, 'loop');
    expect(inner.time).toBeCloseTo(1.2, 9);
  });

  it('stops on the last frame when playing once', () => {
    expect(advancePlayback({ time: 3.9, direction: 1 }, 0.2, whole, 'once')).toEqual({ time: 4, direction: 1, playing: false });
    expect(advancePlayback({ time: 1.9, direction: 1 }, 0.2, { start: 1, end: 2 }, 'once')).toEqual({ time: 2, direction: 1, playing: false });
  });

  it('ping-pongs off both ends', () => {
    const a = advancePlayback({ time: 3.9, direction: 1 }, 0.3, whole, 'pingpong');
    expect(a.time).toBeCloseTo(3.8, 9);
    expect(a.direction).toBe(-1);
    const b = advancePlayback({ time: 0.1, direction: -1 }, 0.3, whole, 'pingpong');
    expect(b.time).toBeCloseTo(0.2, 9);
    expect(b.direction).toBe(1);
    const c = advancePlayback({ time: 2, direction: -1 }, 0.5, whole, 'pingpong');
    expect(c).toEqual({ time: 1.5, direction: -1, playing: true });
  });

  it('survives a step longer than the range (a background tab, a long hitch)', () => {
    const r = advancePlayback({ time: 1, direction: 1 }, 9, { start: 0, end: 2 }, 'pingpong');
    // 1 + 9 = 10 along a period of 4: phase 2 → exactly at the end, about to come back
    expect(r.time).toBeCloseTo(2, 9);
    const l = advancePlayback({ time: 1, direction: 1 }, 9, { start: 0, end: 2 }, 'loop');
    expect(l.time).toBeCloseTo(0, 9);
  });

  it('jumps into the range when the playhead is outside it', () => {
    expect(advancePlayback({ time: 3.5, direction: 1 }, 0.1, { start: 1, end: 2 }, 'loop').time).toBeCloseTo(1.1, 9);
    expect(advancePlayback({ time: 0.2, direction: 1 }, 0.1, { start: 1, end: 2 }, 'once').time).toBeCloseTo(1.1, 9);
  });

  it('never runs backwards on a negative step, and an empty range does not play', () => {
    expect(advancePlayback({ time: 1, direction: 1 }, -1, whole, 'loop').time).toBe(1);
    expect(advancePlayback({ time: 1, direction: 1 }, 1, { start: 0, end: 0 }, 'loop').playing).toBe(false);
  });
});

describe('ranges', () => {
  it('falls back to the whole clip', () => {
    expect(effectiveRange(null, 4)).toEqual(whole);
    expect(effectiveRange({ start: 3, end: 3 }, 4)).toEqual(whole);
    expect(effectiveRange({ start: 1, end: 9 }, 4)).toEqual({ start: 1, end: 4 });
  });

  it('sets in and out points like an NLE', () => {
    expect(withInPoint(null, 1, 4)).toEqual({ start: 1, end: 4 });
    expect(withOutPoint({ start: 1, end: 4 }, 3, 4)).toEqual({ start: 1, end: 3 });
    // in after out: out goes to the clip end
    expect(withInPoint({ start: 1, end: 2 }, 3, 4)).toEqual({ start: 3, end: 4 });
    // out before in: in goes to 0
    expect(withOutPoint({ start: 2, end: 3 }, 1, 4)).toEqual({ start: 0, end: 1 });
    expect(withInPoint(null, 4, 4)).toBeNull();
    expect(withOutPoint(null, 0, 4)).toBeNull();
  });

  it('clamps speed to 0.1× … 8× (the menu offers up to 2×, shuttling goes further)', () => {
    expect(clampSpeed(0.01)).toBe(0.1);
    expect(clampSpeed(20)).toBe(8);
    expect(clampSpeed(0.5)).toBe(0.5);
    expect(clampSpeed(Number.NaN)).toBe(1);
  });
});
