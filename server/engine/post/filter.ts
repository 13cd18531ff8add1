/**
 * Pose filtering (engine.md §2.7): a zero-phase low-pass on joint rotations in log space.
 * Quaternions are made hemisphere-consistent over time, expressed as rotation vectors relative to
 * each joint's mean orientation (so the log map is far from its singularity), filtered with a
 * zero-phase Gaussian low-pass (see `lowpass`), and mapped back. The cutoff falls from 12 Hz
 * at strength 0 to 2 Hz at strength 1, and the root translation gets half the strength.
 */
import { fkFrame, fkPrefix, pointInJoint } from '../core/fk.ts';
import { solveLegWorld } from '../core/ik.ts';
import { cloneMotion } from '../core/motion.ts';
import { BODY_JOINT_COUNT, J, LEG } from '../core/skeleton.ts';
import type { Motion } from '../core/motion.ts';
import { qAlignSign, qExp, qHeading, qLog, qMul, qMulInvA, qNormalize, qYaw } from '../core/quat.ts';

/**
 * Zero-phase Gaussian low-pass, in place. The −3 dB point of a Gaussian with standard deviation σ
 * seconds is f = √(ln 2)/(2πσ), so σ follows from the cutoff. A Gaussian kernel is never negative:
 * unlike Butterworth/filtfilt it cannot ring or overshoot, so a stronger setting can only smooth
 * more (convolving with a probability kernel never increases the mean absolute derivative of any
 * order) — which is what makes jerk fall monotonically with strength. Ends are padded by odd
 * reflection, which keeps value and slope continuous and adds no end transient.
 */
export function lowpass(x: Float64Array, cutoff: number, fps: number): void {
  const n = x.length;
  if (n < 3 || !(cutoff > 0)) return;
  const sigma = (Math.sqrt(Math.LN2) / (2 * Math.PI * cutoff)) * fps;
  if (sigma < 0.05) return;
  const r = Math.max(1, Math.ceil(3 * sigma));
  const k = new Float64Array(2 * r + 1);
  let sum = 0;
  for (let i = -r; i <= r; i++) {
    const v = Math.exp(-(i * i) / (2 * sigma * sigma));
    k[i + r] = v;
    sum += v;
  }
  for (let i = 0; i < k.length; i++) k[i] = k[i]! / sum;
  const at = (i: number): number => {
    if (i < 0) return 2 * x[0]! - x[Math.min(n - 1, -i)]!;
    if (i >= n) return 2 * x[n - 1]! - x[Math.max(0, 2 * (n - 1) - i)]!;
    return x[i]!;
  };
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = -r; j <= r; j++) acc += k[j + r]! * at(i + j);
    y[i] = acc;
  }
  x.set(y);
}

function cutoffFor(strength: number): number {
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
  const q = new Float64Array(4),
    ref = new Float64Array(4),
    v = new Float64Array(3);
  const src = m.rot.slice();
  // The root joint can turn any number of times (a 360° spin), which no single log map covers:
  // filter its heading as an unwrapped angle and only its heading-relative tilt in log space.
  const heading = new Float64Array(n);
  const yq = new Float64Array(4),
    rq = new Float64Array(4);
  for (let f = 0; f < n; f++) {
    const o = f * jc * 4;
    rq[0] = m.rot[o]!;
    rq[1] = m.rot[o + 1]!;
    rq[2] = m.rot[o + 2]!;
    rq[3] = m.rot[o + 3]!;
    let h = qHeading(rq);
    if (f > 0) h += 2 * Math.PI * Math.round((heading[f - 1]! - h) / (2 * Math.PI));
    heading[f] = h;
    qYaw(yq, -h);
    qMul(rq, yq, rq);
    src[o] = rq[0]!;
    src[o + 1] = rq[1]!;
    src[o + 2] = rq[2]!;
    src[o + 3] = rq[3]!;
  }
  lowpass(heading, fc, m.fps);
  // Body joints only: fingers are written from hand shapes, which are smooth already.
  for (let j = 0; j < Math.min(jc, BODY_JOINT_COUNT); j++) {
    // Hemisphere-align over time and build a reference (normalised mean) for the log map.
    ref.fill(0);
    const aligned = new Float64Array(n * 4);
    for (let f = 0; f < n; f++) {
      const o = (f * jc + j) * 4;
      aligned.set(src.subarray(o, o + 4), f * 4);
      if (f > 0) qAlignSign(aligned, f * 4, aligned, f * 4 - 4);
      for (let k = 0; k < 4; k++) ref[k] = ref[k]! + aligned[f * 4 + k]!;
    }
    qNormalize(ref);
    for (let f = 0; f < n; f++) {
      q[0] = aligned[f * 4]!;
      q[1] = aligned[f * 4 + 1]!;
      q[2] = aligned[f * 4 + 2]!;
      q[3] = aligned[f * 4 + 3]!;
      qMulInvA(q, ref, q);
      qLog(v, q);
      // Unwrap: a rotation vector crossing angle π flips to the far side of the ball; the equivalent
      // vector with angle − 2π keeps the channel continuous so the filter never averages across the cut.
      const a = Math.hypot(v[0]!, v[1]!, v[2]!);
      if (f > 0 && a > 1e-6) {
        const k = 1 - (2 * Math.PI) / a;
        const d0 = Math.hypot(v[0]! - ch[0]![f - 1]!, v[1]! - ch[1]![f - 1]!, v[2]! - ch[2]![f - 1]!);
        const d1 = Math.hypot(v[0]! * k - ch[0]![f - 1]!, v[1]! * k - ch[1]![f - 1]!, v[2]! * k - ch[2]![f - 1]!);
        if (d1 < d0) {
          v[0] = v[0]! * k;
          v[1] = v[1]! * k;
          v[2] = v[2]! * k;
        }
      }
      ch[0]![f] = v[0]!;
      ch[1]![f] = v[1]!;
      ch[2]![f] = v[2]!;
    }
    for (const c of ch) lowpass(c, fc, m.fps);
    for (let f = 0; f < n; f++) {
      v[0] = ch[0]![f]!;
      v[1] = ch[1]![f]!;
      v[2] = ch[2]![f]!;
      qExp(q, v);
      qMul(q, ref, q);
      if (j === 0) {
        qYaw(yq, heading[f]!);
        qMul(q, yq, q);
      }
      const o = (f * jc + j) * 4;
      out.rot[o] = q[0]!;
      out.rot[o + 1] = q[1]!;
      out.rot[o + 2] = q[2]!;
      out.rot[o + 3] = q[3]!;
    }
  }
  const rc = cutoffFor(strength / 2);
  const r = new Float64Array(n);
  for (let c = 0; c < 3; c++) {
    for (let f = 0; f < n; f++) r[f] = m.rootPos[f * 3 + c]!;
    lowpass(r, rc, m.fps);
    for (let f = 0; f < n; f++) out.rootPos[f * 3 + c] = r[f]!;
  }
  resolveLegs(out, m);
  return out;
}

/**
 * Legs follow their feet, not their own smoothed angles: independently filtering hip, knee and ankle
 * rotations would make planted feet wander. The feet keep the input's path and orientation exactly
 * (foot paths of synthesized motion are already smooth), and the legs are re-solved with IK from
 * the filtered pelvis.
 */
function resolveLegs(out: Motion, src: Motion): void {
  // FK arrays hold the body joints only (stride bc); motion rotations have stride jc.
  const n = src.frames,
    jc = src.skeleton.parents.length,
    bc = Math.min(jc, BODY_JOINT_COUNT);
  const { pos, rot } = fkPrefix(src, bc);
  const hipsQ = new Float64Array(4),
    hip = new Float64Array(3),
    footQ = new Float64Array(4),
    hipOff = new Float64Array(3);
  const wr = new Float64Array(jc * 4),
    wp = new Float64Array(jc * 3);
  for (let f = 0; f < n; f++) {
    fkFrame(out, f, wr, wp, out.rot, out.rootPos, BODY_JOINT_COUNT);
    for (let k = 0; k < 4; k++) hipsQ[k] = wr[J.hips * 4 + k]!;
    for (let s = 0 as 0 | 1; s < 2; s = (s + 1) as 0 | 1) {
      const ids = LEG[s];
      for (let k = 0; k < 4; k++) footQ[k] = rot[(f * bc + ids.foot) * 4 + k]!;
      hipOff[0] = src.skeleton.offsets[ids.upper * 3]!;
      hipOff[1] = src.skeleton.offsets[ids.upper * 3 + 1]!;
      hipOff[2] = src.skeleton.offsets[ids.upper * 3 + 2]!;
      pointInJoint(hip, wr, wp, J.hips, hipOff);
      const o = (f * bc + ids.foot) * 3;
      solveLegWorld(out.rot, f * jc * 4, s, hipsQ, hip, pos[o]!, pos[o + 1]!, pos[o + 2]!, qHeading(footQ), footQ);
      for (let k = 0; k < 4; k++) out.rot[(f * jc + ids.toes) * 4 + k] = src.rot[(f * jc + ids.toes) * 4 + k]!;
    }
  }
}
