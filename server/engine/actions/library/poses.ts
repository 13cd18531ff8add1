/**
 * Pose fragments shared by the library files: the neutral return, relaxed arms, the fighting stance,
 * lying on the back. Spread into keys (`{ t: 0.3, ...STANCE }`) so families stay consistent.
 */
import type { KeyPose } from '../format.ts';

type Frag = Omit<KeyPose, 't'>;

export const ARMS_DOWN: Frag['arms'] = {
  L: { down: 1.28, forward: 0, twist: 0, elbow: 0.2, wrist: 0.1, shrug: 0 },
  R: { down: 1.28, forward: 0, twist: 0, elbow: 0.2, wrist: 0.1, shrug: 0 },
};

/** Back to standing relaxed over where the feet are (x, z offsets for the hips and both feet). */
export function standAt(z = 0, x = 0, feetZ = z, feetX = x): Frag {
  return {
    hips: { x, y: 0.955, z, pitch: 0, roll: 0, yaw: 0 },
    torso: { lean: 0, side: 0, twist: 0 },
    head: { pitch: 0, yaw: 0, roll: 0 },
    feet: { L: { at: [feetX, 0.08, feetZ], pitch: 0, yaw: 0 }, R: { at: [feetX, 0.08, feetZ], pitch: 0, yaw: 0 } },
    arms: ARMS_DOWN,
    shape: { L: 'relaxed', R: 'relaxed' },
  };
}

/** Orthodox fighting stance: left foot forward, hips turned right, fists up. */
export const STANCE: Frag = {
  hips: { y: 0.9, yaw: -0.35, z: 0.02, x: 0 },
  torso: { lean: 0.08, twist: -0.1 },
  head: { pitch: 0.08, yaw: 0.3 },
  feet: { L: { at: [0.02, 0.08, 0.2] }, R: { at: [-0.03, 0.08, -0.16], yaw: -0.3 } },
  hands: { L: { at: [0.1, 0.5, 0.28], pole: [1, -0.6, -0.3] }, R: { at: [-0.08, 0.5, 0.2], pole: [-1, -0.8, -0.3] } },
  shape: { L: 'fist', R: 'fist' },
};

/**
 * Keys that step into the stance between t0 and t1: the lead foot lifts and steps forward, then the
 * rear foot lifts and steps back (feet never slide on the floor).
 */
export function stanceIn(t0: number, t1: number): KeyPose[] {
  const d = (t1 - t0) / 4;
  return [
    { t: t0 + d, feet: { L: { at: [0.01, 0.13, 0.1], contact: false } }, hips: { y: 0.94, z: 0.02 } },
    { t: t0 + 2 * d, feet: { L: { at: [0.02, 0.08, 0.2] } }, hips: { y: 0.93, z: 0.06 } },
    { t: t0 + 3 * d, feet: { R: { at: [-0.015, 0.13, -0.08], yaw: -0.15, contact: false } }, hips: { y: 0.92, z: 0.06 } },
  ];
}

/** Keys that step back out of the stance to standing between t0 and t1 (rear foot first, then the lead). */
export function stanceOut(t0: number, t1: number): KeyPose[] {
  const d = (t1 - t0) / 4;
  return [
    { t: t0 + d, feet: { R: { at: [-0.015, 0.13, -0.08], yaw: -0.15, contact: false } }, hips: { y: 0.92, z: 0.04, yaw: -0.15 }, torso: { twist: 0 } },
    { t: t0 + 2 * d, feet: { R: { at: [0, 0.08, 0], yaw: 0 } }, hips: { y: 0.93, z: 0.06 } },
    { t: t0 + 3 * d, feet: { L: { at: [0.01, 0.13, 0.1], contact: false } }, hips: { y: 0.94, z: 0.02, yaw: 0 } },
  ];
}

/** Lying on the back: the hips this far behind the feet centre, arms out a little. */
export function lyingBack(z: number, feetZ: number): Frag {
  return {
    hips: { y: 0.1, z, pitch: -1.5, roll: 0, yaw: 0, x: 0 },
    torso: { lean: -0.05, side: 0, twist: 0 },
    head: { pitch: -0.1, yaw: 0, roll: 0 },
    feet: { L: { at: [0.05, 0.09, feetZ], pitch: -0.9 }, R: { at: [-0.05, 0.09, feetZ], pitch: -0.9 } },
    arms: { L: { down: 1.0, forward: 0.1, elbow: 0.2, twist: 0, wrist: 0, shrug: 0 }, R: { down: 1.0, forward: 0.1, elbow: 0.2, twist: 0, wrist: 0, shrug: 0 } },
  };
}

/** Lying face down. */
export function lyingFront(z: number, feetZ: number): Frag {
  return {
    hips: { y: 0.12, z, pitch: 1.52, roll: 0, yaw: 0, x: 0 },
    torso: { lean: -0.05, side: 0, twist: 0 },
    head: { pitch: -0.4, yaw: 0.5, roll: 0 },
    feet: { L: { at: [0.05, 0.09, feetZ], pitch: 1.5 }, R: { at: [-0.05, 0.09, feetZ], pitch: 1.5 } },
    hands: { L: { at: [0.3, 0.05, z + 0.45], ground: true, pole: [1, 0.5, 0] }, R: { at: [-0.3, 0.05, z + 0.45], ground: true, pole: [-1, 0.5, 0] } },
  };
}
