/**
 * Analytic two-bone leg IK (law of cosines). Exact and allocation-free, which matters because every
 * frame of every variant solves both legs, usually twice (synthesis, then foot locking).
 */
import { LEG, SHIN_LEN, THIGH_LEN } from './skeleton.ts';
import { writeLegChain } from './legIkLengths.ts';
import { qAxisAngle, qCopy, qEulerXYZ, qMul, qYaw } from './quat.ts';
import type { Num } from './quat.ts';

const tmp = new Float64Array(4),
  footW = new Float64Array(4);

/** Longest hip→ankle distance IK will use; a hair short of straight so the knee hinge stays defined. */
export const LEG_REACH = (THIGH_LEN + SHIN_LEN) * 0.9995;

export interface FootGoal {
  /** Ankle world position. */
  x: number;
  y: number;
  z: number;
  /** Foot heading (radians about +Y) and pitch (positive = toes down), plus toe bend at push-off. */
  yaw: number;
  pitch: number;
  toe: number;
  /** Extra roll of the foot about its long axis (uneven ground, kneeling); usually 0. */
  roll: number;
}

/**
 * Writes local rotations for one leg into `rot` at `base` (the frame's first quaternion index):
 * upper leg from the hips world rotation, lower leg as a pure knee hinge, foot to the goal orientation.
 * `kneeOut` turns the knee pole outward (radians) so a wide stance does not knock the knees.
 */
export function solveLeg(rot: Num, base: number, side: 0 | 1, hipsRot: Num, hip: Num, goal: FootGoal, kneeOut = 0.08): void {
  qYaw(footW, goal.yaw);
  qEulerXYZ(tmp, goal.pitch, 0, goal.roll);
  qMul(footW, footW, tmp);
  solveLegWorld(rot, base, side, hipsRot, hip, goal.x, goal.y, goal.z, goal.yaw, footW, kneeOut);
  qAxisAngle(tmp, 1, 0, 0, -goal.toe);
  qCopy(rot, base + LEG[side].toes * 4, tmp, 0);
}

/**
 * The IK core: puts the ankle at (tx, ty, tz) with the knee bending toward `poleYaw` and gives the
 * foot the world rotation `footWorld`. Toes are left alone. Used directly by foot locking, which
 * keeps the animated foot orientation and only moves the ankle.
 */
export function solveLegWorld(
  rot: Num,
  base: number,
  side: 0 | 1,
  hipsRot: Num,
  hip: Num,
  tx0: number,
  ty0: number,
  tz0: number,
  poleYaw0: number,
  footWorld: Num,
  kneeOut = 0.08,
): void {
  const ids = LEG[side];
  let dx = tx0 - hip[0]!,
    dy = ty0 - hip[1]!,
    dz = tz0 - hip[2]!;
  let d = Math.hypot(dx, dy, dz);
  if (d < 1e-6) {
    dx = 0;
    dy = -1;
    dz = 0;
    d = 1e-6;
  }
  const ux = dx / d,
    uy = dy / d,
    uz = dz / d;
  const l1 = THIGH_LEN,
    l2 = SHIN_LEN;
  const dc = Math.min(Math.max(d, Math.abs(l1 - l2) + 1e-3), LEG_REACH);
  // Knee pole: where the foot points, turned slightly outward for this side.
  const poleYaw = poleYaw0 + (side === 0 ? kneeOut : -kneeOut);
  // Knee pole: forward along the foot, tilted up only when the hip→ankle line is flatter than 45°
  // (sitting on the floor, lying with the knees bent), so the knee points to the ceiling and never
  // into the floor; standing and walking legs are unaffected.
  let px = Math.sin(poleYaw),
    py = 0.6 * Math.max(0, 0.7 - Math.abs(uy)),
    pz = Math.cos(poleYaw);
  const pu = px * ux + py * uy + pz * uz;
  px -= pu * ux;
  py -= pu * uy;
  pz -= pu * uz;
  let pl = Math.hypot(px, py, pz);
  if (pl < 1e-4) {
    // Leg aims along the pole (a high kick): bend the knee toward "up" instead.
    px = 0;
    py = 1;
    pz = 0;
    const pu2 = uy;
    px -= pu2 * ux;
    py -= pu2 * uy;
    pz -= pu2 * uz;
    pl = Math.hypot(px, py, pz) || 1;
  }
  writeLegChain(rot, base, ids, hipsRot, ux, uy, uz, px / pl, py / pl, pz / pl, l1, l2, dc, footWorld);
}
