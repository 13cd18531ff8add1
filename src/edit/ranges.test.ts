import { describe, expect, it } from 'vitest';
import { addRange, fitRanges, moveEdge, normalizeRange, removeRange, toIntervals, totalLength } from './ranges.ts';

describe('normalizeRange', () => {
  it('orders, snaps to frames and clamps to the clip', () => {
    expect(normalizeRange(2.01, 1.02, 30, 5)).toEqual({ start: 31 / 30, end: 60 / 30 });
    expect(normalizeRange(-1, 9, 30, 5)).toEqual({ start: 0, end: 5 });
  });
  it('refuses a range shorter than one frame (a click, not a drag)', () => {
    expect(normalizeRange(1, 1.01, 30, 5)).toBeNull();
    expect(normalizeRange(1, 1 + 1 / 30, 30, 5)).not.toBeNull();
  });
});

describe('addRange', () => {
  it('keeps separate ranges sorted', () => {
    const r = addRange([{ start: 3, end: 4 }], { start: 1, end: 2 });
    expect(r).toEqual([
      { start: 1, end: 2 },
      { start: 3, end: 4 },
    ]);
  });
  it('joins overlapping and touching ranges', () => {
    const r = addRange(
      [
        { start: 1, end: 2 },
        { start: 3, end: 4 },
      ],
      { start: 1.5, end: 3 },
    );
    expect(r).toEqual([{ start: 1, end: 4 }]);
  });
});

describe('moveEdge', () => {
  const ranges = [
    { start: 1, end: 2 },
    { start: 3, end: 4 },
  ];
  it('moves an edge to a frame boundary', () => {
    expect(moveEdge(ranges, 0, 'end', 2.51, 30, 5)[0]).toEqual({ start: 1, end: 2.5 });
  });
  it('stops at the neighbour and keeps one frame', () => {
    expect(moveEdge(ranges, 0, 'end', 3.5, 30, 5)[0]!.end).toBe(3);
    expect(moveEdge(ranges, 1, 'start', 9, 30, 5)[1]!.start).toBeCloseTo(4 - 1 / 30, 9);
    expect(moveEdge(ranges, 1, 'end', 99, 30, 5)[1]!.end).toBe(5);
  });
  it('ignores an unknown index', () => {
    expect(moveEdge(ranges, 5, 'end', 1, 30, 5)).toEqual(ranges);
  });
});

describe('intervals for the API', () => {
  it('rounds frame times to milliseconds, sorted', () => {
    expect(
      toIntervals([
        { start: 61 / 30, end: 90 / 30 },
        { start: 1 / 30, end: 10 / 30 },
      ]),
    ).toEqual([
      { start: 0.033, end: 0.333 },
      { start: 2.033, end: 3 },
    ]);
  });
  it('fits ranges into a shorter clip and sums lengths', () => {
    expect(
      fitRanges(
        [
          { start: 1, end: 3 },
          { start: 4, end: 5 },
        ],
        2.5,
      ),
    ).toEqual([{ start: 1, end: 2.5 }]);
    expect(
      totalLength([
        { start: 1, end: 2 },
        { start: 3, end: 3.5 },
      ]),
    ).toBe(1.5);
    expect(
      removeRange(
        [
          { start: 1, end: 2 },
          { start: 3, end: 4 },
        ],
        0,
      ),
    ).toEqual([{ start: 3, end: 4 }]);
  });
});
