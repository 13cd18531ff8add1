/**
 * Looping (engine.md §2.8, after Holden's "looping animations" method): make the clip's end flow
 * into its start, then repeat it. For every joint the seam mismatch — the jump from the last frame
 * to the first minus a normal frame step (the mean of the start and end velocities) — is cancelled
 * with offsets in rotation-vector space: spread linearly over the whole clip (acrossEntireMotion)
 * or only within `blendSec` of each end. Root components are handled one by one:
 *  - altitude (y), horizontal (x, z) and orientation (heading) are "fixed" when flagged:
 *    LOCKED pins the altitude to the first frame and makes the last frame's position/heading equal
 *    the first; INTERPOLATION removes the drift with the same smooth distribution as the joints.
 *  - unflagged components accumulate: each repetition continues from where the previous one ended,
 *    composing its heading change and displacement.
 * The output has exactly reps × frames frames; feet are re-locked afterwards.
 */
import { createMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { qExp, qHeading, qLog, qMul, qMulInvB, qYaw } from '../core/quat.ts';
import { floorGuard, footLock } from '../post/footlock.ts';
import { smoothstep } from '../synth/smooth.ts';

export interface LoopParams {
  reps: number;
  /** Seam blend window, seconds (default 0.25); used when acrossEntireMotion is false. */
  blendSec?: number;
  rootFixMode?: 'INTERPOLATION' | 'LOCKED';
  fixAltitude?: boolean;
  fixHorizontal?: boolean;
  fixOrientation?: boolean;
  /** Spread corrections over the whole clip instead of only near the seam. */
  acrossEntireMotion?: boolean;
}

/** Offset weight of the seam correction at frame i (o(N−1) − o(0) = 1). */
function seamWeight(i: number, n: number, B: number, entire: boolean): number {
  if (entire) return i / (n - 1) - 0.5;
  return -0.5 * (1 - smoothstep(i / B)) + 0.5 * (1 - smoothstep((n - 1 - i) / B));
}

export function loop(motion: Motion, p: LoopParams): Motion {
  const reps = Math.floor(p.reps);
  if (!(reps >= 1)) throw new Error('reps must be a whole number ≥ 1');
  const n = motion.frames;
  if (n < 4) {
    // Too short to measure a seam (velocities need two frames at each end): repeat it as it is.
    const out = createMotion(n * reps, motion.fps, motion.skeleton);
    const jc0 = motion.skeleton.parents.length;
    for (let k = 0; k < reps; k++) {
      out.rot.set(motion.rot, k * n * jc0 * 4);
      out.rootPos.set(motion.rootPos, k * n * 3);
      out.contacts.set(motion.contacts, k * n * 2);
    }
    return out;
  }
  const mode = p.rootFixMode ?? 'INTERPOLATION';
  const fixY = p.fixAltitude ?? true,
    fixXZ = p.fixHorizontal ?? false,
    fixYaw = p.fixOrientation ?? false;
  const entire = p.acrossEntireMotion ?? false;
  const B = Math.max(1, Math.min(Math.floor((n - 1) / 2), Math.round((p.blendSec ?? 0.25) * motion.fps)));
  const jc = motion.skeleton.parents.length;
  const rot = motion.rot.slice();
  const root = new Float64Array(n * 3);
  for (let i = 0; i < n * 3; i++) root[i] = motion.rootPos[i]!;

  // Split the hips rotation into heading (unwrapped) and the heading-relative pelvis rotation.
  const yaw = new Float64Array(n);
  const q = new Float64Array(4),
    y = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 4; k++) q[k] = rot[i * jc * 4 + k]!;
    let h = qHeading(q);
    if (i > 0) h += 2 * Math.PI * Math.round((yaw[i - 1]! - h) / (2 * Math.PI));
    yaw[i] = h;
    qYaw(y, -h);
    qMul(q, y, q);
    for (let k = 0; k < 4; k++) rot[i * jc * 4 + k] = q[k]!;
  }

  // Joints (and the pelvis's heading-relative part).
  closeJointSeam(rot, n, jc, B, entire, 0);

  // Root components. `drift` is how far the next repetition would start from this one's start.
  const fixScalar = (get: (i: number) => number, set: (i: number, v: number) => void, flagged: boolean, pinConstant: boolean): number => {
    const v = 0.5 * (get(1) - get(0) + get(n - 1) - get(n - 2));
    const drift = get(n - 1) + v - get(0);
    if (!flagged) return drift;
    if (mode === 'LOCKED') {
      const first = get(0),
        lastOff = get(n - 1) - first;
      for (let i = 0; i < n; i++) set(i, pinConstant ? first : get(i) - lastOff * (i / (n - 1)));
      return 0;
    }
    // Weight + 0.5 runs from 0 at the first frame to 1 at the last: frame 0 keeps its value and the
    // last frame loses the whole drift, so the clip hands over to its own start with a normal step.
    for (let i = 0; i < n; i++) set(i, get(i) - drift * (seamWeight(i, n, B, entire) + 0.5));
    return 0;
  };
  const dY = fixScalar(
    (i) => root[i * 3 + 1]!,
    (i, v) => {
      root[i * 3 + 1] = v;
    },
    fixY,
    true,
  );
  const dYaw = fixScalar(
    (i) => yaw[i]!,
    (i, v) => {
      yaw[i] = v;
    },
    fixYaw,
    false,
  );
  const dX = fixScalar(
    (i) => root[i * 3]!,
    (i, v) => {
      root[i * 3] = v;
    },
    fixXZ,
    false,
  );
  const dZ = fixScalar(
    (i) => root[i * 3 + 2]!,
    (i, v) => {
      root[i * 3 + 2] = v;
    },
    fixXZ,
    false,
  );

  // Tile: repetition k is the fixed clip rotated by k·dYaw about its start and moved to where
  // repetition k−1 handed over.
  const out = createMotion(n * reps, motion.fps, motion.skeleton);
  let sx = root[0]!,
    sz = root[2]!,
    psi = 0;
  for (let k = 0; k < reps; k++) {
    const c = Math.cos(psi),
      s = Math.sin(psi);
    for (let i = 0; i < n; i++) {
      const f = k * n + i;
      const px = root[i * 3]! - root[0]!,
        pz = root[i * 3 + 2]! - root[2]!;
      out.rootPos[f * 3] = sx + c * px + s * pz;
      out.rootPos[f * 3 + 1] = root[i * 3 + 1]! + k * dY;
      out.rootPos[f * 3 + 2] = sz - s * px + c * pz;
      out.rot.set(rot.subarray(i * jc * 4, (i + 1) * jc * 4), f * jc * 4);
      qYaw(y, yaw[i]! + psi);
      for (let t = 0; t < 4; t++) q[t] = rot[i * jc * 4 + t]!;
      qMul(q, y, q);
      for (let t = 0; t < 4; t++) out.rot[f * jc * 4 + t] = q[t]!;
      out.contacts[f * 2] = motion.contacts[i * 2]!;
      out.contacts[f * 2 + 1] = motion.contacts[i * 2 + 1]!;
    }
    // Hand-over point: this repetition's start moved by the (rotated) drift.
    sx += c * dX + s * dZ;
    sz += -s * dX + c * dZ;
    psi += dYaw;
  }
  // Foot locking sees the repetitions as one continuous walk, so the seams between repetitions stay
  // smooth, but it cannot see the wrap-around from the last frame back to the first: its leg IK
  // re-opens that seam. Close it once more on the final clip (joints only; the hips carry the heading).
  const done = floorGuard(footLock(out, 'auto'));
  closeJointSeam(done.rot, done.frames, jc, Math.min(B, Math.floor((done.frames - 1) / 2)), false, 1);
  return done;
}

/**
 * Cancels each joint's seam mismatch — the jump from the last frame to the first minus a normal
 * frame step (the mean of the start and end velocities) — with offsets spread by `seamWeight`,
 * in place, for joints from `firstJoint` on.
 */
function closeJointSeam(rot: Float32Array, n: number, jc: number, B: number, entire: boolean, firstJoint: number): void {
  const q = new Float64Array(4),
    a = new Float64Array(4),
    b = new Float64Array(4);
  const vS = new Float64Array(3),
    vE = new Float64Array(3),
    seam = new Float64Array(3),
    d = new Float64Array(3),
    o = new Float64Array(3);
  const load = (f: number, j: number, out: Float64Array): void => {
    for (let k = 0; k < 4; k++) out[k] = rot[(f * jc + j) * 4 + k]!;
  };
  for (let j = firstJoint; j < jc; j++) {
    load(1, j, a);
    load(0, j, b);
    qMulInvB(q, a, b);
    qLog(vS, q);
    load(n - 1, j, a);
    load(n - 2, j, b);
    qMulInvB(q, a, b);
    qLog(vE, q);
    load(0, j, a);
    load(n - 1, j, b);
    qMulInvB(q, a, b);
    qLog(seam, q);
    for (let k = 0; k < 3; k++) d[k] = seam[k]! - 0.5 * (vS[k]! + vE[k]!);
    if (Math.hypot(d[0]!, d[1]!, d[2]!) < 1e-7) continue;
    for (let i = 0; i < n; i++) {
      const w = seamWeight(i, n, B, entire);
      if (w === 0) continue;
      for (let k = 0; k < 3; k++) o[k] = d[k]! * w;
      qExp(q, o);
      load(i, j, a);
      qMul(a, q, a);
      for (let k = 0; k < 4; k++) rot[(i * jc + j) * 4 + k] = a[k]!;
    }
  }
}
