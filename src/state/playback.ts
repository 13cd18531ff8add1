/**
 * Pure playback rules: how the playhead moves for each play mode inside an in/out range.
 * No React, no DOM, no three.js (this is first-chunk code and unit-tested on its own).
 *
 * ```
 *   0 ──── start ═══════════ played range ═══════════ end ──── duration
 *   loop      → → → → → → → → → → → → → → → → → → → →┐ wraps to start
 *   once      → → → → → → → → → → → → → → → → → → → →│ stops on end
 *   pingpong  → → → → → → → → → → → → → → → → → → → →┘ turns back, and again at start
 * ```
 */

export type PlayMode = 'loop' | 'once' | 'pingpong';

export interface PlayRange {
  start: number;
  end: number;
}

/** Slowest and fastest rates offered in the speed menu (Uthana's range: slow motion reads timing, 2× checks flow). */
const MIN_SPEED = 0.1;
/** J/K/L shuttling may go faster than the menu (up to 8×, as NLEs do). */
const MAX_SHUTTLE_SPEED = 8;

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SHUTTLE_SPEED, Math.max(MIN_SPEED, speed));
}

/** The range playback actually uses: the in/out range clamped into the clip, or the whole clip. */
export function effectiveRange(range: PlayRange | null, duration: number): PlayRange {
  const d = Math.max(0, duration);
  if (!range) return { start: 0, end: d };
  const start = Math.min(Math.max(range.start, 0), d);
  const end = Math.min(Math.max(range.end, 0), d);
  return end > start ? { start, end } : { start: 0, end: d };
}

/**
 * Sets an in or out point at `t`. Setting in after out (or out before in) moves the other end to the clip's
 * edge rather than refusing, as NLEs do; a zero-length range means "no range".
 */
export function withInPoint(range: PlayRange | null, t: number, duration: number): PlayRange | null {
  const end = range && range.end > t ? range.end : duration;
  return end > t ? { start: Math.max(0, t), end } : null;
}

export function withOutPoint(range: PlayRange | null, t: number, duration: number): PlayRange | null {
  const start = range && range.start < t ? range.start : 0;
  return t > start ? { start, end: Math.min(t, duration) } : null;
}

export interface PlaybackState {
  time: number;
  /** +1 forwards, −1 backwards (ping-pong's return leg). */
  direction: 1 | -1;
}

/**
 * Advance by `dt` seconds of clip time (wall time × speed). Returns the new time and direction, and whether
 * playback continues (false only when a one-shot reaches the end).
 */
export function advancePlayback(s: PlaybackState, dt: number, range: PlayRange, mode: PlayMode): PlaybackState & { playing: boolean } {
  const { start, end } = range;
  const span = end - start;
  if (span <= 0) return { time: start, direction: 1, playing: false };
  const step = Math.max(0, Number.isFinite(dt) ? dt : 0);
  // Outside the range (scrubbed past it): continue from the range's start, as a player with in/out marks does.
  let t = s.time < start || s.time > end ? start : s.time;

  if (mode === 'pingpong') {
    // Unfold the back-and-forth onto a line of period 2·span, move along it, fold back.
    const phase = s.direction === 1 ? t - start : 2 * span - (t - start);
    const p = (phase + step) % (2 * span);
    return p <= span ? { time: start + p, direction: 1, playing: true } : { time: start + (2 * span - p), direction: -1, playing: true };
  }

  t += step;
  if (t < end) return { time: t, direction: 1, playing: true };
  if (mode === 'once') return { time: end, direction: 1, playing: false };
  return { time: start + ((t - start) % span), direction: 1, playing: true };
}
