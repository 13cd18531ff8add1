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
export function advanceTime(t: number, dt: number, duration: number, loop: boolean): { time: number; playing: boolean } {
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

/*
 * Zoom and scroll (the edit lane). A view shows a window of `extent` seconds of content:
 * ```
 *   content   0 ──── scroll ══════ visible span = extent / zoom ══════ scroll + span ──── extent
 *   pixels              0 ─────────────────────────────────────────── width
 * ```
 * `zoom` 1 shows everything; 4 shows a quarter. `scroll` is the time at the left edge, so the map is
 * x = (t − scroll) · width / span and its inverse; both are left unclamped, so callers can tell "left of the
 * view" (x < 0) from "at the left edge". Pixel x is relative to the lane's left edge (clientX − rect.left).
 */

export interface TimeView {
  /** Seconds of content the lane can show (the clip, or more when a loop/merge preview extends it). */
  extent: number;
  /** Lane width in CSS pixels. */
  width: number;
  /** ≥ 1; 1 = the whole extent fits the width. */
  zoom: number;
  /** Time at the left edge, seconds. */
  scroll: number;
}

/** Zooming further than this many pixels per frame helps nobody. */
const MAX_PX_PER_FRAME = 48;

export function visibleSpan(v: TimeView): number {
  return v.extent > 0 ? v.extent / Math.max(v.zoom, 1) : 0;
}

export function pxPerSecond(v: TimeView): number {
  const span = visibleSpan(v);
  return span > 0 && v.width > 0 ? v.width / span : 0;
}

/** Largest useful zoom for a lane: one frame at most MAX_PX_PER_FRAME wide. */
export function maxZoom(extent: number, width: number, fps: number): number {
  if (extent <= 0 || width <= 0) return 1;
  const frames = Math.max(extent * (fps > 0 ? fps : DEFAULT_FPS), 1);
  return Math.max(1, (frames * MAX_PX_PER_FRAME) / width);
}

/** Keeps zoom within [1, maxZoom] and the window inside the content. */
export function clampView(v: TimeView, fps: number = DEFAULT_FPS): TimeView {
  const extent = Math.max(0, Number.isFinite(v.extent) ? v.extent : 0);
  const zoom = Math.min(Math.max(Number.isFinite(v.zoom) ? v.zoom : 1, 1), maxZoom(extent, v.width, fps));
  const span = extent > 0 ? extent / zoom : 0;
  const scroll = Math.min(Math.max(Number.isFinite(v.scroll) ? v.scroll : 0, 0), Math.max(0, extent - span));
  return { extent, width: Math.max(0, v.width), zoom, scroll };
}

/** Seconds → lane x (px from the left edge). Unclamped. */
export function viewTimeToX(t: number, v: TimeView): number {
  return (t - v.scroll) * pxPerSecond(v);
}

/** Lane x (px from the left edge) → seconds. Unclamped; clamp with clampTime for a position in the clip. */
export function viewXToTime(x: number, v: TimeView): number {
  const pps = pxPerSecond(v);
  return pps > 0 ? v.scroll + x / pps : v.scroll;
}

/** Zoom by `factor` keeping the time under `anchorX` where it is (the pointer, or the playhead). */
export function zoomAt(v: TimeView, factor: number, anchorX: number, fps: number = DEFAULT_FPS): TimeView {
  if (!(factor > 0) || v.width <= 0 || v.extent <= 0) return clampView(v, fps);
  const anchorT = viewXToTime(anchorX, v);
  const zoomed = clampView({ ...v, zoom: v.zoom * factor }, fps);
  const span = visibleSpan(zoomed);
  return clampView({ ...zoomed, scroll: anchorT - (anchorX / v.width) * span }, fps);
}

/** Scroll by a pixel distance (wheel / trackpad). */
export function scrollByPx(v: TimeView, dx: number, fps: number = DEFAULT_FPS): TimeView {
  const pps = pxPerSecond(v);
  return pps > 0 ? clampView({ ...v, scroll: v.scroll + dx / pps }, fps) : v;
}

/**
 * The view scrolled so that `t` is visible with `marginPx` to spare; unchanged when it already is.
 * Playback uses it to page along with the playhead.
 */
export function revealTime(v: TimeView, t: number, marginPx = 24, fps: number = DEFAULT_FPS): TimeView {
  const x = viewTimeToX(t, v);
  const pps = pxPerSecond(v);
  if (pps <= 0) return v;
  const margin = Math.min(marginPx, v.width / 4);
  if (x < margin) return clampView({ ...v, scroll: t - margin / pps }, fps);
  if (x > v.width - margin) return clampView({ ...v, scroll: t - (v.width - margin) / pps }, fps);
  return v;
}

/** Labelled ruler ticks inside the visible window (computed by index, like rulerTicks). */
export function visibleTicks(v: TimeView, minPx = 56): { step: number; ticks: number[] } {
  const span = visibleSpan(v);
  const step = rulerStep(span, v.width, minPx);
  if (span <= 0 || step <= 0) return { step, ticks: [] };
  const first = Math.ceil(v.scroll / step - 1e-9);
  const last = Math.floor(Math.min(v.scroll + span, v.extent) / step + 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toFixed(6)));
  return { step, ticks };
}
