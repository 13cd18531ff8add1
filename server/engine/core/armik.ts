/**
 * Two-bone arm IK: puts a hand at a target with the elbow falling toward a pole direction.
 * Gestures are specified as hand targets in the body frame (clap, point, salute), which is far more
 * robust than hand-tuned joint angles: the hands meet exactly whatever the torso is doing.
 */
import { ARM, CANONICAL } from './skeleton.ts';
import { qAxisAngle, qFromBasis, qMulInvA } from './quat.ts';
import type { Num } from './quat.ts';

const UPPER = Math.abs(CANONICAL.offsets[ARM[0].lower * 3]!);
const FORE = Math.abs(CANONICAL.offsets[ARM[0].hand * 3]!);
const REACH = (UPPER + FORE) * 0.999;
const X = new Float64Array(3),
  Y = new Float64Array(3),
  Z = new Float64Array(3),
  q = new Float64Array(4),
  t = new Float64Array(4);

/**
 * Writes upper-arm and forearm local rotations (frame base index `base` into `rot`).
 * `clavicleWorld` is the world rotation of the shoulder (clavicle) joint, `shoulder` the world
 * position of the upper-arm joint; target and pole are world vectors. Returns the reach ratio
 * (1 = fully extended) so callers can tell when a target was out of range.
 */
export function solveArm(
  rot: Num,
  base: number,
  side: 0 | 1,
  clavicleWorld: Num,
  shoulder: Num,
  tx: number,
  ty: number,
  tz: number,
  poleX: number,
  poleY: number,
  poleZ: number,
): number {
  let dx = tx - shoulder[0]!,
    dy = ty - shoulder[1]!,
    dz = tz - shoulder[2]!;
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
  const dc = Math.min(Math.max(d, Math.abs(UPPER - FORE) + 1e-3), REACH);
  const pu = poleX * ux + poleY * uy + poleZ * uz;
  let wx = poleX - pu * ux,
    wy = poleY - pu * uy,
    wz = poleZ - pu * uz;
  let wl = Math.hypot(wx, wy, wz);
  if (wl < 1e-5) {
    wx = 0;
    wy = -1;
    wz = 0;
    const p2 = -uy;
    wx -= p2 * ux;
    wy -= p2 * uy;
    wz -= p2 * uz;
    wl = Math.hypot(wx, wy, wz) || 1;
  }
  wx /= wl;
  wy /= wl;
  wz /= wl;
  const cosH = Math.min(1, Math.max(-1, (UPPER * UPPER + dc * dc - FORE * FORE) / (2 * UPPER * dc)));
  const sinH = Math.sqrt(1 - cosH * cosH);
  const cosE = Math.min(1, Math.max(-1, (UPPER * UPPER + FORE * FORE - dc * dc) / (2 * UPPER * FORE)));
  const elbow = Math.PI - Math.acos(cosE);
  // Upper-arm direction leans toward the pole; the forearm bends back toward the target.
  const ax = cosH * ux + sinH * wx,
    ay = cosH * uy + sinH * wy,
    az = cosH * uz + sinH * wz;
  const sgn = side === 0 ? 1 : -1;
  X[0] = sgn * ax;
  X[1] = sgn * ay;
  X[2] = sgn * az;
  Z[0] = sinH * ux - cosH * wx;
  Z[1] = sinH * uy - cosH * wy;
  Z[2] = sinH * uz - cosH * wz;
  Y[0] = Z[1] * X[2] - Z[2] * X[1];
  Y[1] = Z[2] * X[0] - Z[0] * X[2];
  Y[2] = Z[0] * X[1] - Z[1] * X[0];
  qFromBasis(q, X, Y, Z);
  qMulInvA(t, clavicleWorld, q);
  const ids = ARM[side];
  let o = base + ids.upper * 4;
  rot[o] = t[0]!;
  rot[o + 1] = t[1]!;
  rot[o + 2] = t[2]!;
  rot[o + 3] = t[3]!;
  qAxisAngle(t, 0, 1, 0, -sgn * elbow);
  o = base + ids.lower * 4;
  rot[o] = t[0]!;
  rot[o + 1] = t[1]!;
  rot[o + 2] = t[2]!;
  rot[o + 3] = t[3]!;
  return d / (UPPER + FORE);
}
