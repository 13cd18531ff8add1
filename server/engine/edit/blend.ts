/**
 * Frame-level blending helpers shared by the edit operations: smoothstep cross-fades of whole poses
 * (slerp per joint, lerp for the root) and rigid re-anchoring of a motion's root path.
 */
import type { Motion } from '../core/motion.ts';
import { qMul, qSlerp, qYaw } from '../core/quat.ts';

const a = new Float64Array(4),
  b = new Float64Array(4),
  y = new Float64Array(4);

/** out[fo] = blend(A[fa], B[fb], w) for every joint, the root and (by majority) the contacts. */
export function blendFrame(out: Motion, fo: number, A: Motion, fa: number, B: Motion, fb: number, w: number): void {
  const jc = out.skeleton.parents.length;
  for (let j = 0; j < jc; j++) {
    const oa = (fa * jc + j) * 4,
      ob = (fb * jc + j) * 4,
      oo = (fo * jc + j) * 4;
    for (let k = 0; k < 4; k++) {
      a[k] = A.rot[oa + k]!;
      b[k] = B.rot[ob + k]!;
    }
    qSlerp(a, a, b, w);
    for (let k = 0; k < 4; k++) out.rot[oo + k] = a[k]!;
  }
  for (let k = 0; k < 3; k++) out.rootPos[fo * 3 + k] = A.rootPos[fa * 3 + k]! * (1 - w) + B.rootPos[fb * 3 + k]! * w;
  for (let s = 0; s < 2; s++) out.contacts[fo * 2 + s] = (w < 0.5 ? A.contacts[fa * 2 + s] : B.contacts[fb * 2 + s])!;
}

/** Copies frame fs of src into frame fd of dst. */
export function copyFrame(dst: Motion, fd: number, src: Motion, fs: number): void {
  const jc = dst.skeleton.parents.length;
  dst.rot.set(src.rot.subarray(fs * jc * 4, (fs + 1) * jc * 4), fd * jc * 4);
  dst.rootPos.set(src.rootPos.subarray(fs * 3, fs * 3 + 3), fd * 3);
  dst.contacts.set(src.contacts.subarray(fs * 2, fs * 2 + 2), fd * 2);
}

/**
 * Rigidly moves a motion's root path in place: rotate by `dyaw` about the vertical axis through
 * (px, pz) and then translate by (tx, tz). The hips rotation turns with it, so the pose is unchanged
 * relative to the path.
 */
export function transformRoot(m: Motion, dyaw: number, px: number, pz: number, tx: number, tz: number): void {
  const jc = m.skeleton.parents.length;
  const c = Math.cos(dyaw),
    s = Math.sin(dyaw);
  qYaw(y, dyaw);
  for (let f = 0; f < m.frames; f++) {
    const x = m.rootPos[f * 3]! - px,
      z = m.rootPos[f * 3 + 2]! - pz;
    m.rootPos[f * 3] = px + c * x + s * z + tx;
    m.rootPos[f * 3 + 2] = pz - s * x + c * z + tz;
    const o = f * jc * 4;
    for (let k = 0; k < 4; k++) a[k] = m.rot[o + k]!;
    qMul(a, y, a);
    for (let k = 0; k < 4; k++) m.rot[o + k] = a[k]!;
  }
}
