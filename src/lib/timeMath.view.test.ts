/** Zoom/scroll half of timeMath: the edit lane's time ↔ pixel map must round-trip at any zoom and scroll. */
import { describe, expect, it } from 'vitest';
import { clampView, maxZoom, pxPerSecond, revealTime, scrollByPx, snapToFrame, timeToFrame, viewTimeToX, viewXToTime, visibleSpan, visibleTicks, zoomAt } from './timeMath.ts';
import type { TimeView } from './timeMath.ts';

const view = (p: Partial<TimeView> = {}): TimeView => clampView({ extent: 10, width: 800, zoom: 1, scroll: 0, ...p });

describe('time ↔ lane pixels', () => {
  const settings: Array<[zoom: number, scroll: number]> = [
    [1, 0],
    [2, 0],
    [2, 5],
    [4, 3.3],
    [7.5, 8.6],
    [40, 9.7],
  ];
  it.each(settings)('round-trips at zoom %s, scroll %s', (zoom, scroll) => {
    const v = view({ zoom, scroll });
    const span = visibleSpan(v);
    for (const k of [0, 0.13, 0.5, 0.99, 1]) {
      const t = v.scroll + k * span;
      expect(viewXToTime(viewTimeToX(t, v), v)).toBeCloseTo(t, 9);
    }
    for (const x of [0, 1, 333.3, 799, 800]) {
      expect(viewTimeToX(viewXToTime(x, v), v)).toBeCloseTo(x, 9);
    }
  });

  it('puts the window edges at the lane edges', () => {
    const v = view({ zoom: 4, scroll: 2 });
    expect(visibleSpan(v)).toBe(2.5);
    expect(viewTimeToX(2, v)).toBe(0);
    expect(viewTimeToX(4.5, v)).toBeCloseTo(800, 9);
    expect(pxPerSecond(v)).toBe(320);
  });

  it('is frame accurate when zoomed in: each frame boundary lands on its own pixel column', () => {
    const v = view({ zoom: 20, scroll: 4 });
    const fps = 30;
    for (let f = 120; f < 120 + 15; f++) {
      const x = viewTimeToX(f / fps, v);
      // A click anywhere inside the frame's column snaps to that frame.
      const inside = viewXToTime(x + pxPerSecond(v) / fps / 3, v);
      expect(timeToFrame(snapToFrame(inside, fps, 10), fps)).toBe(f);
    }
  });

  it('reports positions outside the window without clamping', () => {
    const v = view({ zoom: 2, scroll: 5 });
    expect(viewTimeToX(1, v)).toBeLessThan(0);
    expect(viewXToTime(-80, v)).toBeCloseTo(4.5, 9);
  });
});

describe('clampView', () => {
  it('keeps zoom ≥ 1 and the window inside the content', () => {
    expect(view({ zoom: 0.2 }).zoom).toBe(1);
    expect(view({ zoom: 2, scroll: 9 }).scroll).toBe(5);
    expect(view({ scroll: -3 }).scroll).toBe(0);
    expect(view({ zoom: Number.NaN, scroll: Number.NaN })).toMatchObject({ zoom: 1, scroll: 0 });
  });
  it('caps zoom at a useful frame width', () => {
    expect(maxZoom(10, 800, 30)).toBe((300 * 48) / 800);
    expect(view({ zoom: 1e6 }).zoom).toBe(maxZoom(10, 800, 30));
    expect(maxZoom(0, 800, 30)).toBe(1);
  });
  it('handles an empty lane', () => {
    const v = clampView({ extent: 0, width: 0, zoom: 3, scroll: 2 });
    expect(v).toEqual({ extent: 0, width: 0, zoom: 1, scroll: 0 });
    expect(viewXToTime(50, v)).toBe(0);
    expect(viewTimeToX(3, v)).toBe(0);
  });
});

describe('zoomAt', () => {
  it.each([
    [1, 0, 2, 400],
    [2, 3, 2, 100],
    [4, 6, 0.5, 700],
    [8, 1, 3, 0],
  ])('from zoom %s scroll %s, ×%s around x=%s keeps the time under the anchor', (zoom, scroll, factor, anchor) => {
    const v = view({ zoom, scroll });
    const before = viewXToTime(anchor, v);
    const z = zoomAt(v, factor, anchor);
    expect(z.zoom).toBeCloseTo(Math.min(Math.max(1, zoom * factor), maxZoom(10, 800, 30)), 9);
    expect(viewXToTime(anchor, z)).toBeCloseTo(before, 9);
  });
  it('zooming out fully shows everything again', () => {
    const z = zoomAt(view({ zoom: 8, scroll: 4 }), 1 / 100, 300);
    expect(z).toMatchObject({ zoom: 1, scroll: 0 });
  });
});

describe('scrolling', () => {
  it('scrolls by pixels at the current scale and stops at the ends', () => {
    const v = view({ zoom: 2 }); // 5 s over 800 px = 160 px/s
    expect(scrollByPx(v, 160).scroll).toBeCloseTo(1, 9);
    expect(scrollByPx(v, 1e6).scroll).toBe(5);
    expect(scrollByPx(v, -50).scroll).toBe(0);
  });
  it('reveals a time outside the window and leaves a visible one alone', () => {
    const v = view({ zoom: 4, scroll: 0 }); // 0–2.5 s visible
    expect(revealTime(v, 1)).toBe(v);
    const r = revealTime(v, 6);
    expect(viewTimeToX(6, r)).toBeCloseTo(800 - 24, 6);
    const back = revealTime(r, 0.5);
    expect(viewTimeToX(0.5, back)).toBeCloseTo(24, 6);
  });
});

describe('visibleTicks', () => {
  it('lists only ticks inside the window', () => {
    const { step, ticks } = visibleTicks(view({ zoom: 4, scroll: 3.3 }));
    expect(step).toBeGreaterThan(0);
    expect(ticks[0]!).toBeGreaterThanOrEqual(3.3);
    expect(ticks.at(-1)!).toBeLessThanOrEqual(3.3 + 2.5 + 1e-9);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
  });
});
