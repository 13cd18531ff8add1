/**
 * Inertialized transitions (Bollo, GDC 2018), using Holden's critically damped decay:
 * at a boundary the new segment plays immediately and the offset to where the old one was heading
 * (position and velocity) decays to zero on top of it: x(t) = e^{−yt}(x₀ + (v₀ + y·x₀)t), y = 2·ln2/H.
 * Rotations decay in rotation-vector space. No double evaluation, no floaty cross-fade, momentum kept.
 */
import { qExp, qLog, qMul, qMulInvB } from '../core/quat.ts';

const q0 = new Float64Array(4),
  q1 = new Float64Array(4),
  q2 = new Float64Array(4),
  qs = new Float64Array(4);
const vA = new Float64Array(3),
  vB = new Float64Array(3),
  off = new Float64Array(3),
  offV = new Float64Array(3);

/** Frames after which the decay is negligible (e^{−yt} < 1e−3 ⇒ about 10 half-lives). */
function span(halfLife: number, fps: number): number {
  return Math.ceil(halfLife * 10 * fps);
}

/**
 * Inertializes quaternion channel `c` (stride `stride` quaternions per frame) at boundary frame b,
 * where frames < b belong to the old segment and frames ≥ b to the new one. Frames before b are untouched.
 */
export function inertializeQuat(data: Float32Array, stride: number, c: number, b: number, frames: number, fps: number, halfLife: number): void {
  if (b < 2 || b >= frames - 1) return;
  const at = (f: number, out: Float64Array): void => {
    const o = (f * stride + c) * 4;
    out[0] = data[o]!;
    out[1] = data[o + 1]!;
    out[2] = data[o + 2]!;
    out[3] = data[o + 3]!;
  };
  // Source extrapolated one frame: q_src(b) = (q[b−1]·q[b−2]⁻¹)·q[b−1].
  at(b - 2, q0);
  at(b - 1, q1);
  qMulInvB(q2, q1, q0);
  qLog(vA, q2); // source angular velocity per frame
  qMul(qs, q2, q1);
  at(b, q0);
  at(b + 1, q1);
  qMulInvB(q2, q1, q0);
  qLog(vB, q2); // destination angular velocity per frame
  qMulInvB(q2, qs, q0);
  qLog(off, q2);
  offV[0] = (vA[0]! - vB[0]!) * fps;
  offV[1] = (vA[1]! - vB[1]!) * fps;
  offV[2] = (vA[2]! - vB[2]!) * fps;
  const mag = Math.hypot(off[0]!, off[1]!, off[2]!);
  if (mag < 1e-6 && Math.hypot(offV[0]!, offV[1]!, offV[2]!) < 1e-5) return;
  const y = (2 * Math.LN2) / halfLife;
  const end = Math.min(frames, b + span(halfLife, fps));
  for (let f = b; f < end; f++) {
    const t = (f - b) / fps;
    const e = Math.exp(-y * t);
    for (let k = 0; k < 3; k++) vA[k] = e * (off[k]! + (offV[k]! + y * off[k]!) * t);
    qExp(q2, vA);
    at(f, q0);
    qMul(q0, q2, q0);
    const o = (f * stride + c) * 4;
    data[o] = q0[0]!;
    data[o + 1] = q0[1]!;
    data[o + 2] = q0[2]!;
    data[o + 3] = q0[3]!;
  }
}

/** Same for scalar channel `c` of `stride` floats per frame. `wrap` treats the channel as an angle. */
export function inertializeScalar(data: Float32Array, stride: number, c: number, b: number, frames: number, fps: number, halfLife: number, wrap = false): void {
  if (b < 2 || b >= frames - 1) return;
  const g = (f: number): number => data[f * stride + c]!;
  const srcV = g(b - 1) - g(b - 2),
    dstV = g(b + 1) - g(b);
  let x0 = g(b - 1) + srcV - g(b);
  if (wrap) x0 = x0 - 2 * Math.PI * Math.round(x0 / (2 * Math.PI));
  const v0 = (srcV - dstV) * fps;
  if (Math.abs(x0) < 1e-7 && Math.abs(v0) < 1e-6) return;
  const y = (2 * Math.LN2) / halfLife;
  const end = Math.min(frames, b + span(halfLife, fps));
  for (let f = b; f < end; f++) {
    const t = (f - b) / fps;
    data[f * stride + c] = g(f) + Math.exp(-y * t) * (x0 + (v0 + y * x0) * t);
  }
}
