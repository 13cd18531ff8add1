/**
 * Helpers for authoring poses as anatomical rotations on the canonical rig.
 * Rest rotations are identity with the arms out along ±X and legs down −Y, so:
 *  - lowering an arm is a rotation about Z (negative for the left arm), swinging it forward is about X;
 *  - flexing a hip (leg forward) is a negative X rotation, bending a knee is positive X.
 * Poses are written for the left side and mirrored for the right (flip the y and z of the rotation axis).
 */
import { qEulerXYZ, qMul } from '../core/quat.ts';
import { ARM, J, JOINT_COUNT } from '../core/skeleton.ts';
import type { Track } from './track.ts';

const q = new Float64Array(4),
  q2 = new Float64Array(4);

/** Sets joint j at frame f from angles in radians (X first, then Y, then Z); side 1 mirrors a left-side pose. */
export function setEuler(rot: Float32Array, f: number, j: number, x: number, y: number, z: number, mirror = false): void {
  if (mirror) {
    y = -y;
    z = -z;
  }
  qEulerXYZ(q, x, y, z);
  const o = (f * JOINT_COUNT + j) * 4;
  rot[o] = q[0]!;
  rot[o + 1] = q[1]!;
  rot[o + 2] = q[2]!;
  rot[o + 3] = q[3]!;
}

/** Multiplies an extra local rotation (angles in radians) onto joint j after its current value. */
export function addEuler(rot: Float32Array, f: number, j: number, x: number, y: number, z: number, mirror = false): void {
  if (mirror) {
    y = -y;
    z = -z;
  }
  const o = (f * JOINT_COUNT + j) * 4;
  q2[0] = rot[o]!;
  q2[1] = rot[o + 1]!;
  q2[2] = rot[o + 2]!;
  q2[3] = rot[o + 3]!;
  qEulerXYZ(q, x, y, z);
  qMul(q2, q2, q);
  rot[o] = q2[0]!;
  rot[o + 1] = q2[1]!;
  rot[o + 2] = q2[2]!;
  rot[o + 3] = q2[3]!;
}

export interface ArmPose {
  /** How far the arm is lowered from the T-pose (radians; ~1.3 hangs at the side). */
  down: number;
  /** Swing forward (+) / back (−) in the sagittal plane, applied after lowering. */
  forward: number;
  /** Twist about the upper-arm axis. */
  twist: number;
  /** Elbow flexion (radians, bends the forearm toward the front of the body). */
  elbow: number;
  /** Wrist flexion and side bend. */
  wrist: number;
  wristSide: number;
  /** Clavicle elevation (shrug) and protraction. */
  shrug: number;
  protract: number;
}

export function armPose(p: Partial<ArmPose> = {}): ArmPose {
  return { down: 1.3, forward: 0, twist: 0, elbow: 0.2, wrist: 0, wristSide: 0, shrug: 0, protract: 0, ...p };
}

/** Writes a whole arm (clavicle, upper arm, forearm, hand) for side 0 = left, 1 = right. */
export function setArm(rot: Float32Array, f: number, side: 0 | 1, a: ArmPose): void {
  const ids = ARM[side];
  const m = side === 1;
  setEuler(rot, f, ids.shoulder, 0, -a.protract, a.shrug, m);
  // Upper arm: twist about its own axis, lower (about Z), then swing forward (about X, negative = forward).
  setEuler(rot, f, ids.upper, a.twist, 0, -a.down, m);
  const o = (f * JOINT_COUNT + ids.upper) * 4;
  qEulerXYZ(q, -a.forward, 0, 0);
  q2[0] = rot[o]!;
  q2[1] = rot[o + 1]!;
  q2[2] = rot[o + 2]!;
  q2[3] = rot[o + 3]!;
  if (m) {
    q[1] = -q[1]!;
    q[2] = -q[2]!;
  }
  qMul(q2, q, q2);
  rot[o] = q2[0]!;
  rot[o + 1] = q2[1]!;
  rot[o + 2] = q2[2]!;
  rot[o + 3] = q2[3]!;
  setEuler(rot, f, ids.lower, 0, -a.elbow, 0, m);
  setEuler(rot, f, ids.hand, 0, -a.wrist, -a.wristSide, m);
}

export interface TorsoPose {
  /** Forward lean spread over the spine (radians, + = bend forward). */
  lean: number;
  /** Side bend (+ = toward the character's left). */
  side: number;
  /** Twist of the upper body relative to the pelvis (+ = turn left). */
  twist: number;
  /** Head pitch (+ = look down), yaw (+ = look left), roll. */
  headPitch: number;
  headYaw: number;
  headRoll: number;
  /** Chest expansion from breathing, radians of upper-chest extension. */
  breath: number;
}

export function torsoPose(p: Partial<TorsoPose> = {}): TorsoPose {
  return { lean: 0, side: 0, twist: 0, headPitch: 0, headYaw: 0, headRoll: 0, breath: 0, ...p };
}

/** Spreads lean/twist across spine, chest and upper chest so no single joint kinks. */
export function setTorso(rot: Float32Array, f: number, t: TorsoPose): void {
  setEuler(rot, f, J.spine, t.lean * 0.4, t.twist * 0.3, -t.side * 0.4);
  setEuler(rot, f, J.chest, t.lean * 0.35, t.twist * 0.35, -t.side * 0.35);
  setEuler(rot, f, J.upperChest, t.lean * 0.25 - t.breath, t.twist * 0.35, -t.side * 0.25);
  setEuler(rot, f, J.neck, t.headPitch * 0.4 - t.lean * 0.3 + t.breath * 0.5, t.headYaw * 0.4, t.headRoll * 0.4);
  setEuler(rot, f, J.head, t.headPitch * 0.6 - t.lean * 0.2, t.headYaw * 0.6, t.headRoll * 0.6);
}

/** Pelvis rotation relative to heading: forward tilt, roll toward a side, and yaw oscillation. */
export function setPelvis(tr: Track, f: number, tilt: number, roll: number, yaw: number): void {
  setEuler(tr.rot, f, J.hips, tilt, yaw, roll);
}
