/**
 * The working buffer generators write into before legs are solved.
 * Generators describe intent (root path, heading, pelvis tilt, upper-body rotations, foot goals);
 * a single finishing pass turns foot goals into leg rotations with IK. Keeping the legs as goals until
 * the end means transitions can be smoothed without breaking planted feet.
 */
import { fillRelaxedHands } from '../core/hands.ts';
import { JOINT_COUNT } from '../core/skeleton.ts';

/** Floats per foot goal: x, y, z, yaw, pitch, toe bend, roll. */
export const FOOT_STRIDE = 7;

export interface Track {
  readonly n: number;
  readonly fps: number;
  /** Hips position (x, y, z) per frame. */
  readonly root: Float32Array;
  /** Heading per frame (radians about +Y). */
  readonly yaw: Float32Array;
  /** Local rotations; the hips entry is relative to the heading (pelvis tilt), composed with yaw when finishing. */
  readonly rot: Float32Array;
  /** Foot goals per frame and side (see FOOT_STRIDE). */
  readonly feet: Float32Array;
  /** Per frame and side: 1 solves the leg to its goal, 0 keeps the leg rotations a generator wrote (kicks). */
  readonly ikw: Float32Array;
  readonly contacts: Uint8Array;
}

export function createTrack(n: number, fps: number): Track {
  const rot = new Float32Array(n * JOINT_COUNT * 4);
  for (let i = 3; i < rot.length; i += 4) rot[i] = 1;
  // Every motion starts with relaxed hands; actions blend their hand shapes over this default.
  fillRelaxedHands(rot, 0, n);
  const ikw = new Float32Array(n * 2).fill(1);
  return { n, fps, root: new Float32Array(n * 3), yaw: new Float32Array(n), rot, feet: new Float32Array(n * 2 * FOOT_STRIDE), ikw, contacts: new Uint8Array(n * 2) };
}

export function setFoot(t: Track, f: number, side: number, x: number, y: number, z: number, yaw: number, pitch = 0, toe = 0, roll = 0): void {
  const o = (f * 2 + side) * FOOT_STRIDE;
  const a = t.feet;
  a[o] = x;
  a[o + 1] = y;
  a[o + 2] = z;
  a[o + 3] = yaw;
  a[o + 4] = pitch;
  a[o + 5] = toe;
  a[o + 6] = roll;
}
