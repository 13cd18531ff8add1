/**
 * Upper-body layering: a gesture computes its own pose for a masked set of joints and is blended
 * over whatever the base segment produced, with a weight that ramps in and out. This is how
 * "walk while waving" and a wave over idle share one code path.
 */
import { qSlerp } from '../core/quat.ts';
import { JOINT_COUNT } from '../core/skeleton.ts';

const a = new Float64Array(4),
  b = new Float64Array(4);

/** rot[f][j] = slerp(rot[f][j], pose[j], w) where pose holds one frame of joints. */
export function blendJoint(rot: Float32Array, f: number, j: number, pose: Float32Array, w: number): void {
  if (w <= 0) return;
  const o = (f * JOINT_COUNT + j) * 4,
    p = j * 4;
  if (w >= 1) {
    rot[o] = pose[p]!;
    rot[o + 1] = pose[p + 1]!;
    rot[o + 2] = pose[p + 2]!;
    rot[o + 3] = pose[p + 3]!;
    return;
  }
  a[0] = rot[o]!;
  a[1] = rot[o + 1]!;
  a[2] = rot[o + 2]!;
  a[3] = rot[o + 3]!;
  b[0] = pose[p]!;
  b[1] = pose[p + 1]!;
  b[2] = pose[p + 2]!;
  b[3] = pose[p + 3]!;
  qSlerp(a, a, b, w);
  rot[o] = a[0]!;
  rot[o + 1] = a[1]!;
  rot[o + 2] = a[2]!;
  rot[o + 3] = a[3]!;
}

/** A one-frame scratch pose (identity rotations) for gestures to write into with frame index 0. */
export function scratchPose(): Float32Array {
  const p = new Float32Array(JOINT_COUNT * 4);
  for (let i = 3; i < p.length; i += 4) p[i] = 1;
  return p;
}
