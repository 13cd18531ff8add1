/**
 * Two-bone leg IK for a rig with the canonical leg layout (thigh and shin along −Y at rest, the knee
 * a hinge about local X) but its own bone lengths. ik.ts's solveLegWorld is built for synthesis on
 * the canonical body: its lengths are constants and its knee pole comes from the foot heading.
 * Retargeting onto a character needs that character's lengths and must keep the knee plane the
 * motion already has, so here the lengths are arguments and the pole is a world vector (callers pass
 * the thigh's current forward axis, which makes the solve reproduce the input pose exactly when the
 * ankle is already on target).
 */
import { qAxisAngle, qCopy, qFromBasis, qMul, qMulInvA } from './quat.ts';
import type { Num } from './quat.ts';

const X = new Float64Array(3),
  Y = new Float64Array(3),
  Z = new Float64Array(3);
const thigh = new Float64Array(4),
  knee = new Float64Array(4),
  shin = new Float64Array(4),
  tmp = new Float64Array(4);

export interface LegBones {
  upper: number;
  lower: number;
  foot: number;
}

/**
 * Writes local rotations of the upper leg, lower leg and foot into `rot` at `base` (the frame's first
 * quaternion index): the ankle goes to (tx, ty, tz), the knee bends toward `pole`, and the foot gets
 * the world rotation `footWorld`. `parentWorld` is the hips' world rotation, `hip` the world position
 * of the upper-leg joint. Out-of-reach targets are approached along the hip→target line, leg a hair
 * short of straight so the knee hinge stays defined. Returns the reach ratio (distance / leg length).
 */
export function solveLegLengths(
  rot: Num,
  base: number,
  ids: LegBones,
  parentWorld: Num,
  hip: Num,
  tx: number,
  ty: number,
  tz: number,
  pole: Num,
  footWorld: Num,
  l1: number,
  l2: number,
): number {
  let dx = tx - hip[0]!,
    dy = ty - hip[1]!,
    dz = tz - hip[2]!;
  let d = Math.hypot(dx, dy, dz);
  if (d < 1e-9) {
    dx = 0;
    dy = -1;
    dz = 0;
    d = 1e-9;
  }
  const ux = dx / d,
    uy = dy / d,
    uz = dz / d;
  const dc = Math.min(Math.max(d, Math.abs(l1 - l2) + 1e-4), (l1 + l2) * 0.9995);
  const pu = pole[0]! * ux + pole[1]! * uy + pole[2]! * uz;
  let wx = pole[0]! - pu * ux,
    wy = pole[1]! - pu * uy,
    wz = pole[2]! - pu * uz;
  let wl = Math.hypot(wx, wy, wz);
  if (wl < 1e-6) {
    // The pole lies along the leg (a leg pointing straight forward): bend the knee toward +Z, then +Y.
    const fz = Math.abs(uz) < 0.9 ? 1 : 0,
      fy = 1 - fz;
    const p2 = fy * uy + fz * uz;
    wx = -p2 * ux;
    wy = fy - p2 * uy;
    wz = fz - p2 * uz;
    wl = Math.hypot(wx, wy, wz) || 1;
  }
  wx /= wl;
  wy /= wl;
  wz /= wl;
  writeLegChain(rot, base, ids, parentWorld, ux, uy, uz, wx, wy, wz, l1, l2, dc, footWorld);
  return d / (l1 + l2);
}

/**
 * The law-of-cosines step both leg solvers share: with the unit hip→ankle direction u, the unit knee
 * direction w (perpendicular to u) and the clamped reach dc, writes the upper leg, the knee hinge and the
 * foot (to world rotation `footWorld`) as local rotations under `parentWorld`.
 */
export function writeLegChain(
  rot: Num,
  base: number,
  ids: LegBones,
  parentWorld: Num,
  ux: number,
  uy: number,
  uz: number,
  wx: number,
  wy: number,
  wz: number,
  l1: number,
  l2: number,
  dc: number,
  footWorld: Num,
): void {
  const cosH = Math.min(1, Math.max(-1, (l1 * l1 + dc * dc - l2 * l2) / (2 * l1 * dc)));
  const sinH = Math.sqrt(1 - cosH * cosH);
  const cosK = Math.min(1, Math.max(-1, (l1 * l1 + l2 * l2 - dc * dc) / (2 * l1 * l2)));
  // Thigh frame: Y' = −thigh direction, Z' = toward the knee side (in the bend plane), X' = Y' × Z'.
  const ax = cosH * ux + sinH * wx,
    ay = cosH * uy + sinH * wy,
    az = cosH * uz + sinH * wz;
  Y[0] = -ax;
  Y[1] = -ay;
  Y[2] = -az;
  Z[0] = -sinH * ux + cosH * wx;
  Z[1] = -sinH * uy + cosH * wy;
  Z[2] = -sinH * uz + cosH * wz;
  X[0] = Y[1] * Z[2] - Y[2] * Z[1];
  X[1] = Y[2] * Z[0] - Y[0] * Z[2];
  X[2] = Y[0] * Z[1] - Y[1] * Z[0];
  qFromBasis(thigh, X, Y, Z);
  qMulInvA(tmp, parentWorld, thigh);
  qCopy(rot, base + ids.upper * 4, tmp, 0);
  qAxisAngle(knee, 1, 0, 0, Math.PI - Math.acos(cosK));
  qCopy(rot, base + ids.lower * 4, knee, 0);
  qMul(shin, thigh, knee);
  qMulInvA(tmp, shin, footWorld);
  qCopy(rot, base + ids.foot * 4, tmp, 0);
}
