/** Combat: distinct strikes, defences and reactions, authored in the action format (docs/action-format.md). */
import type { ActionDef } from '../format.ts';

/** Orthodox fighting stance: left foot forward, hips turned right, hands up in fists. */
const stance = {
  hips: { y: 0.9, yaw: -0.35, z: 0.02 }, torso: { lean: 0.08, twist: -0.1 }, head: { pitch: 0.08, yaw: 0.3 },
  feet: { L: { at: [0.02, 0.08, 0.2] }, R: { at: [-0.03, 0.08, -0.16], yaw: -0.3 } },
  hands: { L: { at: [0.1, 0.5, 0.28], pole: [1, -0.6, -0.3] }, R: { at: [-0.08, 0.5, 0.2], pole: [-1, -0.8, -0.3] } },
  shape: { L: 'fist', R: 'fist' },
} as const;

/**
 * Jab: the lead (left) hand snaps straight out from the guard and back; the hips and shoulders turn
 * a little into it and the weight moves onto the front foot. Written for the left hand (`side: 'L'`).
 */
const jab: ActionDef = {
  id: 'jab', dur: [1.2, 1.5], side: 'L', loop: [0.3, 0.62],
  vars: { reach: [0.6, 0.68] },
  keys: [
    { t: 0 },
    { t: 0.3, ...stance },
    { t: 0.4, ease: 'in', hips: { y: 0.89, yaw: -0.45, z: 0.07 }, torso: { twist: -0.3, lean: 0.12 }, hands: { L: { at: [0.03, 0.52, 'reach'], pole: [1, -0.2, -0.3] } } },
    { t: 0.5, hips: { y: 0.9, yaw: -0.38, z: 0.03 }, torso: { twist: -0.12, lean: 0.08 }, hands: { L: { at: [0.1, 0.5, 0.28], pole: [1, -0.6, -0.3] } } },
    { t: 0.62, ...stance },
    { t: 1, hips: { y: 0.955, yaw: 0, z: 0 }, torso: { lean: 0, twist: 0 }, head: { pitch: 0, yaw: 0 },
      feet: { L: { at: [0, 0.08, 0] }, R: { at: [0, 0.08, 0], yaw: 0 } },
      arms: { L: { down: 1.28, elbow: 0.2 }, R: { down: 1.28, elbow: 0.2 } }, shape: { L: 'relaxed', R: 'relaxed' } },
  ],
};

export default [jab] satisfies ActionDef[];
