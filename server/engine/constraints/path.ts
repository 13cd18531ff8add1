/**
 * Path following as motion warping: the prompt's own locomotion (its gait, cadence, sway) is bent
 * onto the drawn floor path. Each frame gets a rigid floor transform that carries the original
 * travel reference (smoothed root position and travel direction) onto the path point and tangent at
 * the mapped arc length, so the hips ride the path and the body turns with it. Planted feet use the
 * transform of their contact's middle frame for the whole contact, so they stay put while the body
 * turns over them; swing feet blend between consecutive footprints; legs are re-solved by IK.
 */
import { fkAll } from '../core/fk.ts';
import { cloneMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { qHeading, qMul, qYaw } from '../core/quat.ts';
import { LEG } from '../core/skeleton.ts';
import { smootherstep } from '../synth/smooth.ts';
import { fkInto, frameScratch, placeFoot } from './limbs.ts';
import { pathPolyline, pointAt } from './spline.ts';
import type { PathPolyline } from './spline.ts';
import { ConstraintError } from './types.ts';
import type { PathConstraint } from './types.ts';

/** Lateral sway kept from the gait (m): enough to look alive, well inside the 5 cm path tolerance. */
const MAX_SWAY = 0.025;
/** The body faces a little ahead along the path, so it turns into curves rather than after them. */
const LOOK_BACK = 0.1,
  LOOK_AHEAD = 0.3;

function movingAverage(src: Float64Array, half: number): Float64Array {
  const n = src.length,
    out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0,
      c = 0;
    for (let k = Math.max(0, i - half); k <= Math.min(n - 1, i + half); k++) {
      s += src[k]!;
      c++;
    }
    out[i] = s / c;
  }
  return out;
}

/**
 * Arc length reached at each frame. With arrival times: a monotone cubic (Fritsch–Carlson) through
 * (time, arc length), so speed changes smoothly at waypoints; without: the gait's own progress,
 * stretched so the clip ends on the last waypoint.
 */
function arcSchedule(p: PathConstraint, poly: PathPolyline, sOrig: Float64Array, fps: number): Float64Array {
  const n = sOrig.length;
  const out = new Float64Array(n);
  const wps = p.waypoints;
  if (!wps.some((w) => w.t !== undefined)) {
    const total = sOrig[n - 1]!;
    if (total < 0.1) throw new ConstraintError('path', 'the prompt has no travelling action to follow the path with; say how to move, e.g. "walks" or "runs"');
    const k = poly.length / total;
    for (let f = 0; f < n; f++) out[f] = sOrig[f]! * k;
    return out;
  }
  // Knots: the start (t = 0) and every waypoint with a time; times in between follow distance.
  const ts: number[] = [0],
    ss: number[] = [0];
  wps.forEach((w, i) => {
    if (i === 0 || w.t === undefined) return;
    ts.push(w.t);
    ss.push(poly.waypointS[i]!);
  });
  const endT = (n - 1) / fps;
  if (ss[ss.length - 1]! < poly.length - 1e-9) {
    // The last waypoint has no time: reach it at the average speed so far, or at the clip end.
    const lastT = ts[ts.length - 1]!,
      lastS = ss[ss.length - 1]!;
    const v = lastT > 0 ? lastS / lastT : poly.length / endT;
    ts.push(Math.min(endT, lastT + (poly.length - lastS) / Math.max(v, 1e-3)));
    ss.push(poly.length);
  }
  const m = ts.length;
  const d: number[] = [];
  for (let i = 0; i < m - 1; i++) d.push((ss[i + 1]! - ss[i]!) / Math.max(1e-6, ts[i + 1]! - ts[i]!));
  const tan: number[] = [0];
  for (let i = 1; i < m - 1; i++) tan.push(d[i - 1]! * d[i]! <= 0 ? 0 : (2 * d[i - 1]! * d[i]!) / (d[i - 1]! + d[i]!));
  tan.push(0); // start and stop at rest
  for (let f = 0; f < n; f++) {
    const t = f / fps;
    if (t >= ts[m - 1]!) {
      out[f] = poly.length;
      continue;
    }
    let i = 0;
    while (i < m - 2 && t > ts[i + 1]!) i++;
    const h = ts[i + 1]! - ts[i]!,
      u = (t - ts[i]!) / h;
    const h00 = 2 * u ** 3 - 3 * u ** 2 + 1,
      h10 = u ** 3 - 2 * u ** 2 + u,
      h01 = -2 * u ** 3 + 3 * u ** 2,
      h11 = u ** 3 - u ** 2;
    out[f] = h00 * ss[i]! + h10 * h * tan[i]! + h01 * ss[i + 1]! + h11 * h * tan[i + 1]!;
  }
  return out;
}

interface Xf {
  px: number;
  pz: number;
  rx: number;
  rz: number;
  dyaw: number;
}

/** Applies floor transform x to (x, z) into out[0], out[1]. */
function apply(x: Xf, wx: number, wz: number, out: Float64Array): void {
  const c = Math.cos(x.dyaw),
    s = Math.sin(x.dyaw);
  const dx = wx - x.rx,
    dz = wz - x.rz;
  // Yaw about +Y: x' = x cos + z sin, z' = −x sin + z cos.
  out[0] = x.px + dx * c + dz * s;
  out[1] = x.pz - dx * s + dz * c;
}

export function followPath(src: Motion, path: PathConstraint): Motion {
  const m = cloneMotion(src);
  const n = m.frames,
    fps = m.fps,
    jc = m.skeleton.parents.length;
  const poly = pathPolyline(path.waypoints);
  const { pos, rot } = fkAll(src);

  // Travel reference: the root path smoothed over ±0.25 s (removes sway), its arc length and direction.
  const half = Math.max(1, Math.round(fps * 0.25));
  const rx0 = new Float64Array(n),
    rz0 = new Float64Array(n);
  for (let f = 0; f < n; f++) {
    rx0[f] = src.rootPos[f * 3]!;
    rz0[f] = src.rootPos[f * 3 + 2]!;
  }
  const rx = movingAverage(rx0, half),
    rz = movingAverage(rz0, half);
  const sOrig = new Float64Array(n);
  for (let f = 1; f < n; f++) sOrig[f] = sOrig[f - 1]! + Math.hypot(rx[f]! - rx[f - 1]!, rz[f]! - rz[f - 1]!);
  const theta = new Float64Array(n).fill(NaN);
  for (let f = 0; f < n; f++) {
    const a = Math.max(0, f - half),
      b = Math.min(n - 1, f + half);
    const dx = rx[b]! - rx[a]!,
      dz = rz[b]! - rz[a]!;
    // Below 5 cm/s the direction of travel is noise: take it from the neighbours.
    if (Math.hypot(dx, dz) > 0.05 * ((b - a) / fps)) theta[f] = Math.atan2(dx, dz);
  }
  let firstDefined = theta.findIndex((v) => !Number.isNaN(v));
  if (firstDefined < 0) {
    firstDefined = 0;
    theta[0] = qHeading([src.rot[0]!, src.rot[1]!, src.rot[2]!, src.rot[3]!]);
  }
  for (let f = firstDefined - 1; f >= 0; f--) theta[f] = theta[f + 1]!;
  for (let f = firstDefined + 1; f < n; f++) if (Number.isNaN(theta[f]!)) theta[f] = theta[f - 1]!;

  const sNew = arcSchedule(path, poly, sOrig, fps);
  const pt = { x: 0, z: 0, tx: 0, tz: 1 },
    pa = { x: 0, z: 0, tx: 0, tz: 1 },
    pb = { x: 0, z: 0, tx: 0, tz: 1 };
  const xf: Xf[] = [];
  for (let f = 0; f < n; f++) {
    pointAt(poly, sNew[f]!, pt);
    pointAt(poly, sNew[f]! - LOOK_BACK, pa);
    pointAt(poly, sNew[f]! + LOOK_AHEAD, pb);
    const phi = Math.atan2(pb.x - pa.x || pt.tx, pb.z - pa.z || pt.tz);
    xf.push({ px: pt.x, pz: pt.z, rx: rx[f]!, rz: rz[f]!, dyaw: phi - theta[f]! });
  }
  // Unwrap the yaw change so slerps and blends never take the long way round.
  for (let f = 1; f < n; f++) {
    let d = xf[f]!.dyaw - xf[f - 1]!.dyaw;
    d -= 2 * Math.PI * Math.round(d / (2 * Math.PI));
    xf[f]!.dyaw = xf[f - 1]!.dyaw + d;
  }

  // Body: hips onto the path (with the gait's sway, clamped), hips rotation turned by the yaw change.
  const q = new Float64Array(4),
    yq = new Float64Array(4),
    o = new Float64Array(2);
  for (let f = 0; f < n; f++) {
    const x = xf[f]!;
    let sx = src.rootPos[f * 3]! - x.rx,
      sz = src.rootPos[f * 3 + 2]! - x.rz;
    const sl = Math.hypot(sx, sz);
    if (sl > MAX_SWAY) {
      sx *= MAX_SWAY / sl;
      sz *= MAX_SWAY / sl;
    }
    apply(x, x.rx + sx, x.rz + sz, o);
    m.rootPos[f * 3] = o[0]!;
    m.rootPos[f * 3 + 2] = o[1]!;
    qYaw(yq, x.dyaw);
    for (let k = 0; k < 4; k++) q[k] = src.rot[f * jc * 4 + k]!;
    qMul(q, yq, q);
    for (let k = 0; k < 4; k++) m.rot[f * jc * 4 + k] = q[k]!;
  }

  // Feet: each contact keeps the transform of its middle frame; swings blend between footprints.
  const s = frameScratch(m);
  const targets = [0, 1].map(() => ({ x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n), yaw: new Float64Array(n) }));
  for (const side of [0, 1] as const) {
    const j = LEG[side].foot;
    const cx = new Float64Array(n),
      cz = new Float64Array(n),
      cy = new Float64Array(n),
      has = new Uint8Array(n);
    for (let a = 0; a < n;) {
      if (!src.contacts[a * 2 + side]) {
        a++;
        continue;
      }
      let b = a;
      while (b + 1 < n && src.contacts[(b + 1) * 2 + side]) b++;
      const c = xf[(a + b) >> 1]!;
      for (let f = a; f <= b; f++) {
        const fx = pos[(f * jc + j) * 3]!,
          fz = pos[(f * jc + j) * 3 + 2]!;
        apply(c, fx, fz, o);
        const ox = o[0]!,
          oz = o[1]!;
        apply(xf[f]!, fx, fz, o);
        cx[f] = ox - o[0]!;
        cz[f] = oz - o[1]!;
        cy[f] = c.dyaw - xf[f]!.dyaw;
        has[f] = 1;
      }
      a = b + 1;
    }
    // Swing frames: ease the correction from the previous footprint's to the next one's.
    let prev = -1;
    for (let f = 0; f <= n; f++) {
      if (f < n && !has[f]) continue;
      const gapA = prev + 1,
        gapB = f - 1;
      for (let g = gapA; g <= gapB; g++) {
        const u = prev < 0 ? 1 : f >= n ? 0 : smootherstep((g - prev) / (f - prev));
        const ia = prev < 0 ? f : prev,
          ib = f >= n ? prev : f;
        if (ia < 0 || ia >= n) continue;
        cx[g] = cx[ia]! * (1 - u) + cx[ib]! * u;
        cz[g] = cz[ia]! * (1 - u) + cz[ib]! * u;
        cy[g] = cy[ia]! * (1 - u) + cy[ib]! * u;
      }
      prev = f;
    }
    const t = targets[side]!;
    for (let f = 0; f < n; f++) {
      const b = (f * jc + j) * 3;
      apply(xf[f]!, pos[b]!, pos[b + 2]!, o);
      t.x[f] = o[0]! + cx[f]!;
      t.z[f] = o[1]! + cz[f]!;
      t.y[f] = pos[b + 1]!;
      t.yaw[f] = xf[f]!.dyaw + cy[f]!;
    }
  }
  const fw = new Float64Array(4);
  for (let f = 0; f < n; f++) {
    fkInto(m, f, s);
    for (const side of [0, 1] as const) {
      const t = targets[side]!,
        j = LEG[side].foot;
      qYaw(yq, t.yaw[f]!);
      for (let k = 0; k < 4; k++) fw[k] = rot[(f * jc + j) * 4 + k]!;
      qMul(fw, yq, fw);
      placeFoot(m, f, s, side, t.x[f]!, t.y[f]!, t.z[f]!, fw);
    }
  }
  return m;
}
