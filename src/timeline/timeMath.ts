/**
 * Pure time ↔ frame ↔ pixel conversions for the timeline. No React, no DOM, no three.js.
 *
 * Spaces:
 * ```
 *   seconds   0 ─────────────── t ─────────────── duration
 *   fraction  0 ─────────────── t/duration ────── 1          (what the playhead's translateX uses)
 *   pixels    left ──────────── left + f·width ── left+width (pointer clientX on the track)
 *   frames    0 ─────────────── round(t·fps) ──── round(duration·fps)
 * ```
 * The track has no zoom or scroll yet, so fraction ↔ pixel is a plain affine map; when zoom arrives it slots in
 * between those two spaces without touching callers of `timeToFraction`.
 */

/** Frame rate assumed when a clip gives no hint (the local engine samples at 30 fps). */
export const DEFAULT_FPS = 30;

export function clampTime(t: number, duration: number): number {
  if (!Number.isFinite(t) || duration <= 0) return 0;
  return Math.min(Math.max(t, 0), duration);
}

/** 0..1 position of time `t` along a clip; 0 for an empty clip. */
export function timeToFraction(t: number, duration: number): number {
  if (duration <= 0) return 0;
  return clampTime(t, duration) / duration;
}

export function fractionToTime(fraction: number, duration: number): number {
  if (duration <= 0 || !Number.isFinite(fraction)) return 0;
  return clampTime(fraction * duration, duration);
}

/** Pointer x (client pixels) on a track spanning [left, left + width] → seconds, clamped to the clip. */
export function xToTime(x: number, left: number, width: number, duration: number): number {
  if (width <= 0) return 0;
  return fractionToTime((x - left) / width, duration);
}

/** Seconds → x offset in pixels from the track's left edge. */
export function timeToX(t: number, width: number, duration: number): number {
  return timeToFraction(t, duration) * width;
}

/**
 * The frame shown at time `t`. A tiny epsilon keeps values like 1.2333333 (frame 37 at 30 fps, stored as
 * 37/30 in floating point) from rounding down to the previous frame.
 */
export function timeToFrame(t: number, fps: number): number {
  if (fps <= 0 || !Number.isFinite(t)) return 0;
  return Math.floor(t * fps + 1e-6);
}

export function frameToTime(frame: number, fps: number): number {
  if (fps <= 0) return 0;
  return frame / fps;
}

/** Index of the last frame of a clip (a 4 s clip at 30 fps has frames 0..120). */
export function lastFrame(duration: number, fps: number): number {
  return Math.max(0, Math.round(duration * fps));
}

/** Move `frames` frames from the frame shown at `t`, staying inside the clip. */
export function stepFrames(t: number, frames: number, fps: number, duration: number): number {
  const target = Math.min(Math.max(timeToFrame(t, fps) + frames, 0), lastFrame(duration, fps));
  return clampTime(frameToTime(target, fps), duration);
}

/** Nearest frame boundary, for snapping a scrub. */
export function snapToFrame(t: number, fps: number, duration: number): number {
  if (fps <= 0) return clampTime(t, duration);
  return clampTime(Math.round(t * fps) / fps, duration);
}

/** The readout text under the viewport: `1.23 s · f 37`. */
export function formatTimecode(t: number, fps: number): string {
  const safe = Number.isFinite(t) && t > 0 ? t : 0;
  return `${safe.toFixed(2)} s · f ${timeToFrame(safe, fps)}`;
}

/**
 * Advance the playhead by `dt` seconds of wall time. Looping wraps around; otherwise playback stops on the
 * last frame. Returns the new time and whether playback should continue.
 */
export function advanceTime(
  t: number,
  dt: number,
  duration: number,
  loop: boolean,
): { time: number; playing: boolean } {
  if (duration <= 0) return { time: 0, playing: false };
  const next = t + Math.max(0, dt);
  if (next < duration) return { time: next, playing: true };
  if (!loop) return { time: duration, playing: false };
  return { time: next % duration, playing: true };
}

/**
 * Spacing in seconds between labelled ruler ticks so that labels are at least `minPx` apart.
 * Picks from 1/2/5 × 10ⁿ, the steps a reader can count in.
 */
export function rulerStep(duration: number, width: number, minPx = 56): number {
  if (duration <= 0 || width <= 0) return 1;
  const raw = (duration * minPx) / width;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) {
    if (m * pow >= raw) return m * pow;
  }
  return 10 * pow;
}

/** Tick times 0, step, 2·step … ≤ duration (no floating drift: computed by index). */
export function rulerTicks(duration: number, step: number): number[] {
  if (duration <= 0 || step <= 0) return [];
  const count = Math.floor(duration / step + 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toFixed(6)));
}
