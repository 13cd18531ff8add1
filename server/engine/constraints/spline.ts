/**
 * The floor path as the engine and the studio both draw it: a centripetal Catmull-Rom spline through
 * the waypoints (no cusps or self-loops on uneven spacing), sampled densely into a polyline with an
 * arc-length table. Hand-written: it is 40 lines, and the engine must not import three.
 */
import type { PathWaypoint } from './types.ts';

export interface PathPolyline {
  xs: Float64Array;
  zs: Float64Array;
  /** Cumulative arc length at each sample. */
  s: Float64Array;
  /** Arc length at each waypoint. */
  waypointS: number[];
  length: number;
}

/** Samples per spline segment; 2 cm spacing on a 1 m segment is far below the 5 cm path tolerance. */
const SAMPLES = 48;

function knot(t: number, ax: number, az: number, bx: number, bz: number): number {
  return t + Math.max(1e-4, Math.sqrt(Math.hypot(bx - ax, bz - az)));
}

export function pathPolyline(wps: readonly PathWaypoint[]): PathPolyline {
  const n = wps.length;
  const xs: number[] = [],
    zs: number[] = [],
    waypointS: number[] = [];
  // Phantom end points continue the first and last segments straight on.
  const P = (i: number): [number, number] => {
    if (i < 0) return [2 * wps[0]!.x - wps[1]!.x, 2 * wps[0]!.z - wps[1]!.z];
    if (i >= n) return [2 * wps[n - 1]!.x - wps[n - 2]!.x, 2 * wps[n - 1]!.z - wps[n - 2]!.z];
    return [wps[i]!.x, wps[i]!.z];
  };
  for (let i = 0; i < n - 1; i++) {
    const [x0, z0] = P(i - 1),
      [x1, z1] = P(i),
      [x2, z2] = P(i + 1),
      [x3, z3] = P(i + 2);
    const t0 = 0,
      t1 = knot(t0, x0, z0, x1, z1),
      t2 = knot(t1, x1, z1, x2, z2),
      t3 = knot(t2, x2, z2, x3, z3);
    for (let k = i === 0 ? 0 : 1; k <= SAMPLES; k++) {
      const t = t1 + ((t2 - t1) * k) / SAMPLES;
      // Barry–Goldman pyramid.
      const a1x = ((t1 - t) * x0 + (t - t0) * x1) / (t1 - t0),
        a1z = ((t1 - t) * z0 + (t - t0) * z1) / (t1 - t0);
      const a2x = ((t2 - t) * x1 + (t - t1) * x2) / (t2 - t1),
        a2z = ((t2 - t) * z1 + (t - t1) * z2) / (t2 - t1);
      const a3x = ((t3 - t) * x2 + (t - t2) * x3) / (t3 - t2),
        a3z = ((t3 - t) * z2 + (t - t2) * z3) / (t3 - t2);
      const b1x = ((t2 - t) * a1x + (t - t0) * a2x) / (t2 - t0),
        b1z = ((t2 - t) * a1z + (t - t0) * a2z) / (t2 - t0);
      const b2x = ((t3 - t) * a2x + (t - t1) * a3x) / (t3 - t1),
        b2z = ((t3 - t) * a2z + (t - t1) * a3z) / (t3 - t1);
      xs.push(((t2 - t) * b1x + (t - t1) * b2x) / (t2 - t1));
      zs.push(((t2 - t) * b1z + (t - t1) * b2z) / (t2 - t1));
    }
  }
  const s = new Float64Array(xs.length);
  for (let i = 1; i < xs.length; i++) s[i] = s[i - 1]! + Math.hypot(xs[i]! - xs[i - 1]!, zs[i]! - zs[i - 1]!);
  for (let i = 0; i < n; i++) waypointS.push(s[i * SAMPLES]!);
  return { xs: Float64Array.from(xs), zs: Float64Array.from(zs), s, waypointS, length: s[s.length - 1]! };
}

/** Point and unit tangent at arc length `at` (clamped to the path). */
export function pointAt(p: PathPolyline, at: number, out: { x: number; z: number; tx: number; tz: number }): void {
  const n = p.s.length;
  const s = Math.min(Math.max(at, 0), p.length);
  let lo = 0,
    hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (p.s[mid]! <= s) lo = mid;
    else hi = mid;
  }
  const seg = p.s[hi]! - p.s[lo]!;
  const u = seg > 1e-12 ? (s - p.s[lo]!) / seg : 0;
  out.x = p.xs[lo]! + (p.xs[hi]! - p.xs[lo]!) * u;
  out.z = p.zs[lo]! + (p.zs[hi]! - p.zs[lo]!) * u;
  const dx = p.xs[hi]! - p.xs[lo]!,
    dz = p.zs[hi]! - p.zs[lo]!;
  const l = Math.hypot(dx, dz) || 1;
  out.tx = dx / l;
  out.tz = dz / l;
}

/** Shortest floor distance from (x, z) to the path. */
export function distanceToPath(p: PathPolyline, x: number, z: number): number {
  let best = Infinity;
  for (let i = 1; i < p.xs.length; i++) {
    const ax = p.xs[i - 1]!,
      az = p.zs[i - 1]!,
      dx = p.xs[i]! - ax,
      dz = p.zs[i]! - az;
    const l2 = dx * dx + dz * dz;
    const u = l2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (z - az) * dz) / l2)) : 0;
    best = Math.min(best, Math.hypot(ax + dx * u - x, az + dz * u - z));
  }
  return best;
}
