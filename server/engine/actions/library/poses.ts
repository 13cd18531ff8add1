/**
 * Pose fragments shared by the library files: the neutral return, relaxed arms, the fighting stance,
 * lying on the back. Spread into keys (`{ t: 0.3, ...STANCE }`) so families stay consistent.
 */
import type { KeyPose } from '../format.ts';

type Frag = Omit<KeyPose, 't'>;

export const ARMS_DOWN: Frag['arms'] = { L: { down: 1.28, forward: 0, twist: 0, elbow: 0.2, wrist: 0.1, shrug: 0 }, R: { down: 1.28, forward: 0, twist: 0, elbow: 0.2, wrist: 0.1, shrug: 0 } };

/** Back to standing relaxed over where the feet are (x, z offsets for the hips and both feet). */
export function standAt(z = 0, x = 0, feetZ = z, feetX = x): Frag {
  return {
    hips: { x, y: 0.955, z, pitch: 0, roll: 0, yaw: 0 }, torso: { lean: 0, side: 0, twist: 0 }, head: { pitch: 0, yaw: 0, roll: 0 },
    feet: { L: { at: [feetX, 0.08, feetZ], pitch: 0, yaw: 0 }, R: { at: [feetX, 0.08, feetZ], pitch: 0, yaw: 0 } },
    arms: ARMS_DOWN, shape: { L: 'relaxed', R: 'relaxed' },
  };
}

/** Orthodox fighting stance: left foot forward, hips turned right, fists up. */
export const STANCE: Frag = {
  hips: { y: 0.9, yaw: -0.35, z: 0.02, x: 0 }, torso: { lean: 0.08, twist: -0.1 }, head: { pitch: 0.08, yaw: 0.3 },
  feet: { L: { at: [0.02, 0.08, 0.2] }, R: { at: [-0.03, 0.08, -0.16], yaw: -0.3 } },
  hands: { L: { at: [0.1, 0.5, 0.28], pole: [1, -0.6, -0.3] }, R: { at: [-0.08, 0.5, 0.2], pole: [-1, -0.8, -0.3] } },
  shape: { L: 'fist', R: 'fist' },
};

/** Stepping into the stance one foot at a time (both feet sliding at once would read as a hop). */
export const INTO_STANCE: Frag = { feet: { L: { at: [0.02, 0.08, 0.2] } }, hips: { y: 0.93, z: 0.05 } };

/** Lying on the back: the hips this far behind the feet centre, arms out a little. */
export function lyingBack(z: number, feetZ: number): Frag {
  return {
    hips: { y: 0.1, z, pitch: -1.5, roll: 0, yaw: 0, x: 0 }, torso: { lean: -0.05, side: 0, twist: 0 }, head: { pitch: -0.1, yaw: 0, roll: 0 },
    feet: { L: { at: [0.05, 0.09, feetZ], pitch: -0.9 }, R: { at: [-0.05, 0.09, feetZ], pitch: -0.9 } },
    arms: { L: { down: 1.0, forward: 0.1, elbow: 0.2, twist: 0, wrist: 0, shrug: 0 }, R: { down: 1.0, forward: 0.1, elbow: 0.2, twist: 0, wrist: 0, shrug: 0 } },
  };
}

/** Lying face down. */
export function lyingFront(z: number, feetZ: number): Frag {
  return {
    hips: { y: 0.12, z, pitch: 1.52, roll: 0, yaw: 0, x: 0 }, torso: { lean: -0.05, side: 0, twist: 0 }, head: { pitch: -0.4, yaw: 0.5, roll: 0 },
    feet: { L: { at: [0.05, 0.09, feetZ], pitch: 1.5 }, R: { at: [-0.05, 0.09, feetZ], pitch: 1.5 } },
    hands: { L: { at: [0.3, 0.05, z + 0.45], ground: true, pole: [1, 0.5, 0] }, R: { at: [-0.3, 0.05, z + 0.45], ground: true, pole: [-1, 0.5, 0] } },
  };
}
