/**
 * Runs an upper-body gesture as a layer. Each frame the gesture starts from a copy of the base pose,
 * adjusts the torso/head and places the hands (two-bone arm IK in the heading frame, so targets are
 * body-relative: x = character's left, y = up from the hips, z = forward). The joints it touched
 * are then blended over the base with a smooth in/out envelope.
 */
import { solveArm } from '../../core/armik.ts';
import { qMul, qRotate } from '../../core/quat.ts';
import { ARM, CANONICAL, J, JOINT_COUNT } from '../../core/skeleton.ts';
import type { Rng } from '../../core/rng.ts';
import type { GenCtx } from '../context.ts';
import { blendJoint } from '../layer.ts';
import { addEuler, setArm, armPose } from '../pose.ts';
import type { ArmPose } from '../pose.ts';
import { envelope } from '../smooth.ts';

export interface GestureFrame {
  /** Seconds since the gesture started, its total length, and the variant's sampled amplitude scale. */
  t: number;
  dur: number;
  amp: number;
  /** Adds torso lean/twist/side-bend (radians) on top of the base. */
  torso(lean: number, twist: number, side?: number): void;
  /** Adds head pitch (+ down), yaw (+ left), roll. */
  head(pitch: number, yaw: number, roll?: number): void;
  /** Places a hand (wrist) at a body-frame target with the elbow toward the pole. */
  hand(side: 0 | 1, x: number, y: number, z: number, pole?: readonly [number, number, number]): void;
  /** Sets a whole arm by joint angles instead. */
  arm(side: 0 | 1, pose: Partial<ArmPose>): void;
  /** Adds wrist flexion / side bend and clavicle shrug. */
  wrist(side: 0 | 1, flex: number, bend: number): void;
  shrug(side: 0 | 1, amount: number): void;
}

export interface Gesture {
  /** Called once with the gesture's RNG to sample its per-variant parameters. */
  setup?(rng: Rng, ctx: GenCtx): void;
  frame(g: GestureFrame): void;
  /** Ramp in/out time (seconds). */
  ramp?: number;
}

const off = new Float64Array(3),
  q = new Float64Array(4),
  pos = new Float64Array(3),
  clav = new Float64Array(4);

/** Heading-frame world rotation and position of a joint along the spine→clavicle chain in `pose` (frame 0). */
function chainTo(pose: Float32Array, target: number, outRot: Float64Array, outPos: Float64Array): void {
  const path: number[] = [];
  for (let j = target; j >= 0; j = CANONICAL.parents[j]!) path.unshift(j);
  outRot[0] = 0;
  outRot[1] = 0;
  outRot[2] = 0;
  outRot[3] = 1;
  outPos[0] = 0;
  outPos[1] = 0;
  outPos[2] = 0;
  for (const j of path) {
    if (j !== J.hips) {
      off[0] = CANONICAL.offsets[j * 3]!;
      off[1] = CANONICAL.offsets[j * 3 + 1]!;
      off[2] = CANONICAL.offsets[j * 3 + 2]!;
      qRotate(off, outRot, off);
      outPos[0] = outPos[0]! + off[0]!;
      outPos[1] = outPos[1]! + off[1]!;
      outPos[2] = outPos[2]! + off[2]!;
    }
    q[0] = pose[j * 4]!;
    q[1] = pose[j * 4 + 1]!;
    q[2] = pose[j * 4 + 2]!;
    q[3] = pose[j * 4 + 3]!;
    qMul(outRot, outRot, q);
  }
}

/**
 * Solves one arm of a one-frame pose (`pose` indexed from joint 0, e.g. a frame's subarray of a track)
 * so the wrist reaches (x, y, z): hips-relative, in the heading frame, elbow toward the pole.
 */
export function placeHand(pose: Float32Array, side: 0 | 1, x: number, y: number, z: number, px: number, py: number, pz: number): number {
  const ids = ARM[side];
  chainTo(pose, ids.shoulder, clav, pos);
  off[0] = CANONICAL.offsets[ids.upper * 3]!;
  off[1] = CANONICAL.offsets[ids.upper * 3 + 1]!;
  off[2] = CANONICAL.offsets[ids.upper * 3 + 2]!;
  qRotate(off, clav, off);
  pos[0] = pos[0]! + off[0]!;
  pos[1] = pos[1]! + off[1]!;
  pos[2] = pos[2]! + off[2]!;
  return solveArm(pose, 0, side, clav, pos, x, y, z, px, py, pz);
}

export function runGesture(ctx: GenCtx, gesture: Gesture, amp = 1): void {
  const { tr, start, n, vp } = ctx;
  const fps = tr.fps;
  gesture.setup?.(ctx.rng, ctx);
  const pose = new Float32Array(JOINT_COUNT * 4);
  const touched = new Uint8Array(JOINT_COUNT);
  const dur = (n - 1) / fps;
  const ramp = Math.min(gesture.ramp ?? 0.3, dur / 3);
  const touch = (...js: number[]): void => {
    for (const j of js) touched[j] = 1;
  };
  let f: number;
  const g: GestureFrame = {
    t: 0,
    dur,
    amp: amp * vp.gesture,
    torso(lean, twist, side = 0) {
      addEuler(pose, 0, J.spine, lean * 0.4, twist * 0.3, -side * 0.4);
      addEuler(pose, 0, J.chest, lean * 0.35, twist * 0.35, -side * 0.35);
      addEuler(pose, 0, J.upperChest, lean * 0.25, twist * 0.35, -side * 0.25);
      touch(J.spine, J.chest, J.upperChest);
    },
    head(pitch, yaw, roll = 0) {
      addEuler(pose, 0, J.neck, pitch * 0.4, yaw * 0.4, roll * 0.4);
      addEuler(pose, 0, J.head, pitch * 0.6, yaw * 0.6, roll * 0.6);
      touch(J.neck, J.head);
    },
    hand(side, x, y, z, pole) {
      const sgn = side === 0 ? 1 : -1;
      const p = pole ?? [sgn * 0.5, -1, -0.4];
      placeHand(pose, side, x, y, z, p[0], p[1], p[2]);
      touch(ARM[side].upper, ARM[side].lower);
    },
    arm(side, p) {
      const ids = ARM[side];
      setArm(pose, 0, side, armPose(p));
      touch(ids.shoulder, ids.upper, ids.lower, ids.hand);
    },
    wrist(side, flex, bend) {
      addEuler(pose, 0, ARM[side].hand, 0, -flex, -bend, side === 1);
      touch(ARM[side].hand);
    },
    shrug(side, amount) {
      addEuler(pose, 0, ARM[side].shoulder, 0, 0, amount, side === 1);
      touch(ARM[side].shoulder);
    },
  };
  for (f = 0; f < n; f++) {
    const fr = start + f;
    pose.set(tr.rot.subarray(fr * JOINT_COUNT * 4, (fr + 1) * JOINT_COUNT * 4));
    touched.fill(0);
    g.t = f / fps;
    gesture.frame(g);
    const w = envelope(f / Math.max(1, n - 1), ramp / Math.max(dur, 1e-3), ramp / Math.max(dur, 1e-3));
    for (let j = 0; j < JOINT_COUNT; j++) if (touched[j]) blendJoint(tr.rot, fr, j, pose, w);
  }
}
