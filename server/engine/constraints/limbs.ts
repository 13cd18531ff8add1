/**
 * Per-frame limb solving shared by the constraint passes: put an ankle or a wrist exactly at a world
 * point on an existing pose, keeping the rest of the body as it is. Legs reuse the engine's analytic
 * leg IK (the foot keeps a given world rotation), arms the analytic arm IK with the elbow falling
 * where it already was, so a solved limb looks like the animated one, only displaced.
 */
import { solveArm } from '../core/armik.ts';
import { fkFrame } from '../core/fk.ts';
import { solveLegWorld } from '../core/ik.ts';
import type { Motion } from '../core/motion.ts';
import { qAxisAngle, qHeading, qMul, qMulInvA } from '../core/quat.ts';
import { ARM, BODY_JOINT_COUNT, J, LEG } from '../core/skeleton.ts';
import type { Effector } from './types.ts';

export interface FrameScratch {
  wr: Float64Array;
  wp: Float64Array;
}

export function frameScratch(m: Motion): FrameScratch {
  const jc = m.skeleton.parents.length;
  return { wr: new Float64Array(jc * 4), wp: new Float64Array(jc * 3) };
}

export const EFFECTOR_JOINT: Record<Effector, number> = {
  leftHand: ARM[0].hand,
  rightHand: ARM[1].hand,
  leftFoot: LEG[0].foot,
  rightFoot: LEG[1].foot,
};
export const EFFECTOR_SIDE: Record<Effector, 0 | 1> = { leftHand: 0, rightHand: 1, leftFoot: 0, rightFoot: 1 };
export const isFoot = (e: Effector): boolean => e === 'leftFoot' || e === 'rightFoot';

const hipsRot = new Float64Array(4),
  hip = new Float64Array(3),
  footW = new Float64Array(4),
  clav = new Float64Array(4),
  sh = new Float64Array(3);

/**
 * Puts leg `side`'s ankle at (x, y, z) with foot world rotation `foot` (x, y, z, w at `fo`), frame f.
 * `s` must hold the frame's FK (world rotations/positions) for the hips; legs do not move the hips.
 */
export function placeFoot(m: Motion, f: number, s: FrameScratch, side: 0 | 1, x: number, y: number, z: number, foot: ArrayLike<number>, fo = 0): void {
  const jc = m.skeleton.parents.length;
  const up = LEG[side].upper;
  for (let k = 0; k < 4; k++) {
    hipsRot[k] = s.wr[k]!;
    footW[k] = foot[fo + k]!;
  }
  for (let k = 0; k < 3; k++) hip[k] = s.wp[up * 3 + k]!;
  solveLegWorld(m.rot, f * jc * 4, side, hipsRot, hip, x, y, z, qHeading(footW), footW);
}

/** Arm length the IK can use (a hair short of straight). */
const ARM_REACH = 0.52 * 0.995;
const rq = new Float64Array(4),
  wq = new Float64Array(4),
  pw = new Float64Array(4);

/**
 * When a hand target is beyond the arm's reach, turn the clavicle, then the chest and spine (each
 * within a natural limit) toward it, so the shoulder comes to the target the way a person leans in.
 * Updates `s` (FK) for the new pose.
 */
function leanToward(m: Motion, f: number, s: FrameScratch, side: 0 | 1, x: number, y: number, z: number): void {
  const jc = m.skeleton.parents.length;
  const a = ARM[side];
  const chain: [number, number][] = [
    [a.shoulder, 0.4],
    [J.upperChest, 0.25],
    [J.chest, 0.25],
    [J.spine, 0.25],
  ];
  for (const [j, limit] of chain) {
    const shx = s.wp[a.upper * 3]!,
      shy = s.wp[a.upper * 3 + 1]!,
      shz = s.wp[a.upper * 3 + 2]!;
    if (Math.hypot(x - shx, y - shy, z - shz) <= ARM_REACH) return;
    const jx = s.wp[j * 3]!,
      jy = s.wp[j * 3 + 1]!,
      jz = s.wp[j * 3 + 2]!;
    const ux = shx - jx,
      uy = shy - jy,
      uz = shz - jz,
      vx = x - jx,
      vy = y - jy,
      vz = z - jz;
    let ax = uy * vz - uz * vy,
      ay = uz * vx - ux * vz,
      az = ux * vy - uy * vx;
    const al = Math.hypot(ax, ay, az);
    if (al < 1e-8) continue;
    ax /= al;
    ay /= al;
    az /= al;
    const angle = Math.min(limit, Math.atan2(al, ux * vx + uy * vy + uz * vz));
    qAxisAngle(rq, ax, ay, az, angle);
    const p = m.skeleton.parents[j]!;
    for (let k = 0; k < 4; k++) {
      wq[k] = s.wr[j * 4 + k]!;
      pw[k] = p >= 0 ? s.wr[p * 4 + k]! : 0;
    }
    qMul(wq, rq, wq);
    if (p >= 0) qMulInvA(wq, pw, wq);
    m.rot.set(wq, (f * jc + j) * 4);
    fkInto(m, f, s);
  }
}

/**
 * Puts arm `side`'s wrist at (x, y, z) on frame f, the elbow bending toward where it was.
 * `s` must hold the frame's current FK. Returns the reach ratio (>1 means the target was too far).
 */
export function placeHand(m: Motion, f: number, s: FrameScratch, side: 0 | 1, x: number, y: number, z: number): number {
  const jc = m.skeleton.parents.length;
  const a = ARM[side];
  leanToward(m, f, s, side, x, y, z);
  for (let k = 0; k < 4; k++) clav[k] = s.wr[a.shoulder * 4 + k]!;
  for (let k = 0; k < 3; k++) sh[k] = s.wp[a.upper * 3 + k]!;
  // Pole: from the shoulder–wrist line toward the current elbow; solveArm removes the along-line part.
  const px = s.wp[a.lower * 3]! - sh[0]!,
    py = s.wp[a.lower * 3 + 1]! - sh[1]!,
    pz = s.wp[a.lower * 3 + 2]! - sh[2]!;
  const hx = s.wp[a.hand * 3]! - sh[0]!,
    hy = s.wp[a.hand * 3 + 1]! - sh[1]!,
    hz = s.wp[a.hand * 3 + 2]! - sh[2]!;
  const hl = Math.hypot(hx, hy, hz) || 1;
  const along = (px * hx + py * hy + pz * hz) / hl;
  let qx = px - (along * hx) / hl,
    qy = py - (along * hy) / hl,
    qz = pz - (along * hz) / hl;
  // A straight arm has no elbow direction: default to elbows down and slightly back, as people hold them.
  if (Math.hypot(qx, qy, qz) < 1e-3) {
    qx = 0;
    qy = -1;
    qz = -0.3;
  }
  return solveArm(m.rot, f * jc * 4, side, clav, sh, x, y, z, qx, qy, qz);
}

/**
 * FK of frame f's body joints into `s`. Every effector, look-at and balance joint the solver reads is a
 * body joint; the finger joints (which come after them) follow the hands and are skipped, so a solve on
 * the 52-joint rig costs what it did on the 22-joint one. Their slots in `s` are left unwritten.
 */
export function fkInto(m: Motion, f: number, s: FrameScratch): void {
  fkFrame(m, f, s.wr, s.wp, m.rot, m.rootPos, BODY_JOINT_COUNT);
}
