/** Easing curves used for swing trajectories, ramps and cross-fades. */
function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
/** C1 ease (zero slope at both ends). */
export function smoothstep(x: number): number {
  const t = clamp01(x);
  return t * t * (3 - 2 * t);
}
/** C2 ease (zero slope and curvature at both ends), for foot swing so landing has no acceleration spike. */
export function smootherstep(x: number): number {
  const t = clamp01(x);
  return t * t * t * (t * (6 * t - 15) + 10);
}
export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}
/** 0 → 1 → 0 over [0, 1] with zero slope at the ends; used for in/out envelopes of gestures. */
export function bump(x: number): number {
  const t = clamp01(x);
  return Math.sin(Math.PI * t) ** 2;
}
/** Envelope that ramps in over `rin` and out over `rout` (fractions of the span), smooth at both ends. */
export function envelope(x: number, rin: number, rout: number): number {
  if (x <= 0 || x >= 1) return 0;
  return Math.min(rin > 0 ? smoothstep(x / rin) : 1, rout > 0 ? smoothstep((1 - x) / rout) : 1);
}
