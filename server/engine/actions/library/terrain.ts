/** Terrain with real height change, authored in the action format (docs/action-format.md). */
import type { ActionDef } from '../format.ts';

/** Stair geometry: 18 cm rise, 28 cm going; ankle height on a step = 0.08 + rise × step. */
const RISE = 0.18, RUN = 0.28;

/**
 * Stairs up, step over step: an intro step onto the first stair, a loop of two steps (each foot
 * climbs two stairs, so travel accumulates per repetition) and a closing step that brings the feet
 * together on the top stair. The hips stay within leg reach of the lower foot throughout.
 */
const stairsUp: ActionDef = {
  id: 'stairsUp', dur: [3.2, 3.8], loop: [0.22, 0.78],
  keys: [
    { t: 0 },
    { t: 0.12, hips: { y: 0.93, z: 0.07 }, torso: { lean: 0.12 }, feet: { R: { at: [0, 0.08 + RISE + 0.12, RUN * 0.5], pitch: 0.2, contact: false } },
      arms: { L: { forward: 0.3 }, R: { forward: -0.2 } } },
    { t: 0.22, hips: { y: 0.92, z: 0.14 }, feet: { R: { at: [0, 0.08 + RISE, RUN], pitch: 0 } }, arms: { L: { forward: 0 }, R: { forward: 0 } } },
    { t: 0.36, hips: { y: 1.06, z: 0.3 }, feet: { L: { at: [0, 0.08 + RISE * 2, RUN], pitch: 0.2, contact: false } }, arms: { L: { forward: -0.2 }, R: { forward: 0.3 } } },
    { t: 0.5, hips: { y: 0.92 + RISE, z: 0.42 }, feet: { L: { at: [0, 0.08 + RISE * 2, RUN * 2], pitch: 0 } }, arms: { L: { forward: 0 }, R: { forward: 0 } } },
    { t: 0.64, hips: { y: 1.06 + RISE, z: 0.58 }, feet: { R: { at: [0, 0.08 + RISE * 3, RUN * 2], pitch: 0.2, contact: false } }, arms: { L: { forward: 0.3 }, R: { forward: -0.2 } } },
    { t: 0.78, hips: { y: 0.92 + RISE * 2, z: 0.7 }, feet: { R: { at: [0, 0.08 + RISE * 3, RUN * 3], pitch: 0 } }, arms: { L: { forward: 0 }, R: { forward: 0 } } },
    { t: 0.9, hips: { y: 1.06 + RISE * 2, z: 0.8 }, feet: { L: { at: [0, 0.08 + RISE * 3 + 0.08, RUN * 2.6], pitch: 0.15, contact: false } } },
    { t: 1, hips: { y: 0.955 + RISE * 3, z: RUN * 3 }, torso: { lean: 0 }, feet: { L: { at: [0, 0.08 + RISE * 3, RUN * 3], pitch: 0 } } },
  ],
  scene: [{ kind: 'stairs', at: [0, 0, 0.14 + RUN * 1.5], size: [0.9, RISE * 3, RUN * 3], steps: 3, perLoop: 2 }],
};

export default [stairsUp] satisfies ActionDef[];
