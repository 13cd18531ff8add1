import { describe, expect, it } from 'vitest';
import {
  advanceTime,
  clampTime,
  formatTimecode,
  fractionToTime,
  frameToTime,
  lastFrame,
  rulerStep,
  rulerTicks,
  snapToFrame,
  stepFrames,
  timeToFraction,
  timeToFrame,
  timeToX,
  xToTime,
} from './timeMath.ts';

describe('clampTime', () => {
  it.each([
    [-1, 4, 0],
    [2, 4, 2],
    [9, 4, 4],
    [Number.NaN, 4, 0],
    [2, 0, 0],
  ])('clampTime(%s, %s) = %s', (t, d, out) => expect(clampTime(t, d)).toBe(out));
});

describe('time ↔ pixels', () => {
  it.each([
    // x, left, width, duration, expected seconds
    [100, 100, 400, 4, 0],
    [300, 100, 400, 4, 2],
    [500, 100, 400, 4, 4],
    [50, 100, 400, 4, 0], // left of the track clamps to 0
    [900, 100, 400, 4, 4], // right of the track clamps to the end
    [300, 100, 0, 4, 0], // zero-width track never divides by zero
  ])('xToTime(%s, left %s, width %s, dur %s) = %s', (x, left, width, dur, t) => {
    expect(xToTime(x, left, width, dur)).toBeCloseTo(t, 9);
  });

  it('round-trips for several widths and durations', () => {
    for (const width of [120, 640, 1333]) {
      for (const duration of [0.5, 4, 17.3]) {
        for (const t of [0, duration / 3, duration / 2, duration]) {
          const x = timeToX(t, width, duration);
          expect(xToTime(x + 10, 10, width, duration)).toBeCloseTo(t, 9);
        }
      }
    }
  });

  it('fractions stay in 0..1', () => {
    expect(timeToFraction(2, 4)).toBe(0.5);
    expect(timeToFraction(-2, 4)).toBe(0);
    expect(timeToFraction(8, 4)).toBe(1);
    expect(timeToFraction(1, 0)).toBe(0);
    expect(fractionToTime(0.25, 4)).toBe(1);
    expect(fractionToTime(2, 4)).toBe(4);
  });
});

describe('frames', () => {
  it('does not lose a frame to floating point', () => {
    for (let f = 0; f <= 300; f++) {
      expect(timeToFrame(frameToTime(f, 30), 30)).toBe(f);
      expect(timeToFrame(frameToTime(f, 24), 24)).toBe(f);
    }
  });

  it('counts the last frame of a clip', () => {
    expect(lastFrame(4, 30)).toBe(120);
    expect(lastFrame(0, 30)).toBe(0);
  });

  it('steps frame by frame and stops at the ends', () => {
    expect(stepFrames(0, 1, 30, 4)).toBeCloseTo(1 / 30, 9);
    expect(stepFrames(1, -1, 30, 4)).toBeCloseTo(29 / 30, 9);
    expect(stepFrames(0, -1, 30, 4)).toBe(0);
    expect(stepFrames(4, 1, 30, 4)).toBe(4);
    // between frames, stepping starts from the frame being shown
    expect(stepFrames(0.05, 1, 30, 4)).toBeCloseTo(2 / 30, 9);
  });

  it('snaps to the nearest frame', () => {
    expect(snapToFrame(0.049, 30, 4)).toBeCloseTo(1 / 30, 9);
    expect(snapToFrame(0.016, 30, 4)).toBe(0);
    expect(snapToFrame(5, 30, 4)).toBe(4);
  });
});

describe('formatTimecode', () => {
  it.each([
    [0, 30, '0.00 s · f 0'],
    [37 / 30, 30, '1.23 s · f 37'],
    [4, 30, '4.00 s · f 120'],
    [-1, 30, '0.00 s · f 0'],
  ])('%s s at %s fps → %s', (t, fps, text) => expect(formatTimecode(t, fps)).toBe(text));
});

describe('advanceTime', () => {
  it('plays forward', () => {
    expect(advanceTime(1, 0.5, 4, true)).toEqual({ time: 1.5, playing: true });
  });
  it('wraps when looping', () => {
    const r = advanceTime(3.9, 0.2, 4, true);
    expect(r.playing).toBe(true);
    expect(r.time).toBeCloseTo(0.1, 9);
  });
  it('stops on the last frame when not looping', () => {
    expect(advanceTime(3.9, 0.2, 4, false)).toEqual({ time: 4, playing: false });
  });
  it('never runs backwards or on an empty clip', () => {
    expect(advanceTime(1, -1, 4, true)).toEqual({ time: 1, playing: true });
    expect(advanceTime(1, 1, 0, true)).toEqual({ time: 0, playing: false });
  });
});

describe('ruler', () => {
  it('picks 1/2/5 steps that keep labels apart', () => {
    expect(rulerStep(4, 800)).toBe(0.5);
    expect(rulerStep(4, 200)).toBe(2);
    expect(rulerStep(60, 600)).toBe(10);
    expect(rulerStep(0, 600)).toBe(1);
  });
  it('lists ticks without drift', () => {
    expect(rulerTicks(1, 0.2)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(rulerTicks(4.5, 1)).toEqual([0, 1, 2, 3, 4]);
    expect(rulerTicks(0, 1)).toEqual([]);
  });
});
