/**
 * Inpaint ranges on a clip: pure operations, frame-snapped, so what the lane shows is exactly what is sent.
 * Ranges never overlap (an overlapping drag joins them: two inpaints of one moment would fight) and always
 * lie inside the clip, which is also what the server checks.
 */
import { clampTime, snapToFrame } from '../lib/timeMath.ts';

export interface TimeRange {
  start: number;
  end: number;
}

/** The API allows at most 16 intervals per inpaint. */
export const MAX_RANGES = 16;

/** A range from two times in any order, snapped to frames and clamped to the clip; null when shorter than a frame. */
export function normalizeRange(a: number, b: number, fps: number, duration: number): TimeRange | null {
  const s = snapToFrame(Math.min(a, b), fps, duration);
  const e = snapToFrame(Math.max(a, b), fps, duration);
  if (e - s < 1 / fps - 1e-9) return null;
  return { start: s, end: e };
}

/** Adds a range, joining it with any it overlaps or touches; the result is sorted. */
export function addRange(ranges: readonly TimeRange[], r: TimeRange): TimeRange[] {
  let merged = { ...r };
  const rest: TimeRange[] = [];
  for (const x of ranges) {
    if (x.end >= merged.start - 1e-9 && x.start <= merged.end + 1e-9) {
      merged = { start: Math.min(x.start, merged.start), end: Math.max(x.end, merged.end) };
    } else rest.push(x);
  }
  return sortRanges([...rest, merged]);
}

export function removeRange(ranges: readonly TimeRange[], index: number): TimeRange[] {
  return ranges.filter((_, i) => i !== index);
}

function sortRanges(ranges: readonly TimeRange[]): TimeRange[] {
  return [...ranges].sort((a, b) => a.start - b.start);
}

/**
 * Moves one edge of range `index` to time `t` (snapped), keeping at least one frame and not crossing its
 * neighbours. Returns the ranges unchanged when `index` is out of bounds.
 */
export function moveEdge(ranges: readonly TimeRange[], index: number, edge: 'start' | 'end', t: number, fps: number, duration: number): TimeRange[] {
  const r = ranges[index];
  if (!r) return [...ranges];
  const frame = 1 / fps;
  const prevEnd = ranges[index - 1]?.end ?? 0;
  const nextStart = ranges[index + 1]?.start ?? duration;
  const snapped = snapToFrame(clampTime(t, duration), fps, duration);
  const next =
    edge === 'start'
      ? { start: Math.min(Math.max(snapped, prevEnd), r.end - frame), end: r.end }
      : { start: r.start, end: Math.max(Math.min(snapped, nextStart), r.start + frame) };
  return ranges.map((x, i) => (i === index ? next : x));
}

/** Drops or trims ranges that a shorter clip no longer contains. */
export function fitRanges(ranges: readonly TimeRange[], duration: number): TimeRange[] {
  return ranges
    .filter((r) => r.start < duration)
    .map((r) => ({ start: r.start, end: Math.min(r.end, duration) }))
    .filter((r) => r.end > r.start);
}

/** The API's `intervals`: seconds rounded to the millisecond (frame times like 1/30 are not exact decimals). */
export function toIntervals(ranges: readonly TimeRange[]): Array<{ start: number; end: number }> {
  const ms = (t: number) => Math.round(t * 1000) / 1000;
  return sortRanges(ranges).map((r) => ({ start: ms(r.start), end: ms(r.end) }));
}

export function totalLength(ranges: readonly TimeRange[]): number {
  return ranges.reduce((sum, r) => sum + (r.end - r.start), 0);
}
