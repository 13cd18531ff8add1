/**
 * Pose filtering (engine.md §2.7): a zero-phase low-pass on joint rotations in log space.
 * Quaternions are made hemisphere-consistent over time, expressed as rotation vectors relative to
 * each joint's mean orientation (so the log map is far from its singularity), filtered with a
 * second-order Butterworth run forward and backward, and mapped back. The cutoff falls from 12 Hz
 * at strength 0 to 2 Hz at strength 1, and the root translation gets half the strength.
 */
import { cloneMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { qExp, qHeading, qLog, qMul, qMulInvA, qNormalize, qYaw } from '../core/quat.ts';

/** Butterworth 2nd-order low-pass coefficients (bilinear transform with pre-warping). */
function butter2(cutoff: number, fps: number): [number, number, number, number, number] {
  const wc = Math.tan((Math.PI * Math.min(cutoff, fps * 0.45)) / fps);
  const k = Math.SQRT2 * wc, w2 = wc * wc, norm = 1 / (1 + k + w2);
  const b0 = w2 * norm;
  return [b0, 2 * b0, b0, 2 * (w2 - 1) * norm, (1 - k + w2) * norm];
}

/** In-place forward-backward (filtfilt) pass over `n` samples of channel c with `stride`; ends padded by reflection. */
export function filtfilt(x: Float64Array, cutoff: number, fps: number): void {
  const n = x.length;
  if (n < 4) return;
  const [b0, b1, b2, a1, a2] = butter2(cutoff, fps);
  const pad = Math.min(n - 1, Math.ceil(fps / Math.max(cutoff, 0.5)));
  const ext = new Float64Array(n + 2 * pad);
  // Odd reflection keeps value and slope continuous at the ends, so filtering adds no end transient.
  for (let i = 0; i < pad; i++) ext[i] = 2 * x[0]! - x[pad - i]!;
  ext.set(x, pad);
  for (let i = 0; i < pad; i++) ext[pad + n + i] = 2 * x[n - 1]! - x[n - 2 - i]!;
  const run = (arr: Float64Array): void => {
    let x1 = arr[0]!, x2 = arr[0]!, y1 = arr[0]!, y2 = arr[0]!;
    for (let i = 0; i < arr.length; i++) {
      const xi = arr[i]!;
      const yi = b0 * xi + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1; x1 = xi; y2 = y1; y1 = yi;
      arr[i] = yi;
    }
  };
  run(ext);
  ext.reverse();
  run(ext);
  ext.reverse();
  for (let i = 0; i < n; i++) x[i] = ext[pad + i]!;
}

export function cutoffFor(strength: number): number {
  const s = Math.max(0, Math.min(1, strength));
  return 12 * (1 - s) + 2 * s;
}

export function poseFilter(m: Motion, strength: number): Motion {
  if (!(strength > 0)) return m;
  const out = cloneMotion(m);
  const jc = m.skeleton.parents.length;
  const n = m.frames;
  const fc = cutoffFor(strength);
  const ch = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const q = new Float64Array(4), ref = new Float64Array(4), v = new Float64Array(3);
  const src = m.rot.slice();
  // The root joint can turn any number of times (a 360° spin), which no single log map covers:
  // filter its heading as an unwrapped angle and only its heading-relative tilt in log space.
  const heading = new Float64Array(n);
  const yq = new Float64Array(4), rq = new Float64Array(4);
  for (let f = 0; f < n; f++) {
    const o = f * jc * 4;
    rq[0] = m.rot[o]!; rq[1] = m.rot[o + 1]!; rq[2] = m.rot[o + 2]!; rq[3] = m.rot[o + 3]!;
    let h = qHeading(rq);
    if (f > 0) h += 2 * Math.PI * Math.round((heading[f - 1]! - h) / (2 * Math.PI));
    heading[f] = h;
    qYaw(yq, -h);
    qMul(rq, yq, rq);
    src[o] = rq[0]!; src[o + 1] = rq[1]!; src[o + 2] = rq[2]!; src[o + 3] = rq[3]!;
  }
  filtfilt(heading, fc, m.fps);
  for (let j = 0; j < jc; j++) {
    // Hemisphere-align over time and build a reference (normalised mean) for the log map.
    let px = 0, py = 0, pz = 0, pw = 1;
    ref.fill(0);
    const aligned = new Float64Array(n * 4);
    for (let f = 0; f < n; f++) {
      const o = (f * jc + j) * 4;
      let x = src[o]!, y = src[o + 1]!, z = src[o + 2]!, w = src[o + 3]!;
      if (f > 0 && x * px + y * py + z * pz + w * pw < 0) { x = -x; y = -y; z = -z; w = -w; }
      aligned[f * 4] = x; aligned[f * 4 + 1] = y; aligned[f * 4 + 2] = z; aligned[f * 4 + 3] = w;
      px = x; py = y; pz = z; pw = w;
      ref[0] = ref[0]! + x; ref[1] = ref[1]! + y; ref[2] = ref[2]! + z; ref[3] = ref[3]! + w;
    }
    qNormalize(ref);
    for (let f = 0; f < n; f++) {
      q[0] = aligned[f * 4]!; q[1] = aligned[f * 4 + 1]!; q[2] = aligned[f * 4 + 2]!; q[3] = aligned[f * 4 + 3]!;
      qMulInvA(q, ref, q);
      qLog(v, q);
      // Unwrap: a rotation vector crossing angle π flips to the far side of the ball; the equivalent
      // vector with angle − 2π keeps the channel continuous so the filter never averages across the cut.
      const a = Math.hypot(v[0]!, v[1]!, v[2]!);
      if (f > 0 && a > 1e-6) {
        const k = 1 - (2 * Math.PI) / a;
        const d0 = Math.hypot(v[0]! - ch[0]![f - 1]!, v[1]! - ch[1]![f - 1]!, v[2]! - ch[2]![f - 1]!);
        const d1 = Math.hypot(v[0]! * k - ch[0]![f - 1]!, v[1]! * k - ch[1]![f - 1]!, v[2]! * k - ch[2]![f - 1]!);
        if (d1 < d0) { v[0] = v[0]! * k; v[1] = v[1]! * k; v[2] = v[2]! * k; }
      }
      ch[0]![f] = v[0]!; ch[1]![f] = v[1]!; ch[2]![f] = v[2]!;
    }
    for (const c of ch) filtfilt(c, fc, m.fps);
    for (let f = 0; f < n; f++) {
      v[0] = ch[0]![f]!; v[1] = ch[1]![f]!; v[2] = ch[2]![f]!;
      qExp(q, v);
      qMul(q, ref, q);
      if (j === 0) { qYaw(yq, heading[f]!); qMul(q, yq, q); }
      const o = (f * jc + j) * 4;
      out.rot[o] = q[0]!; out.rot[o + 1] = q[1]!; out.rot[o + 2] = q[2]!; out.rot[o + 3] = q[3]!;
    }
  }
  const rc = cutoffFor(strength / 2);
  const r = new Float64Array(n);
  for (let c = 0; c < 3; c++) {
    for (let f = 0; f < n; f++) r[f] = m.rootPos[f * 3 + c]!;
    filtfilt(r, rc, m.fps);
    for (let f = 0; f < n; f++) out.rootPos[f * 3 + c] = r[f]!;
  }
  return out;
}
