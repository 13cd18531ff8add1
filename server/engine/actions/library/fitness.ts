/** Fitness and movement practice, authored in the action format (docs/action-format.md). */
import type { ActionDef } from '../format.ts';

/** Hands planted under the shoulders in a plank, ground frame. */
const plankHands = { L: { at: [0.2, 0.07, 1.25], ground: true, pole: [1, 0.2, -0.6] }, R: { at: [-0.2, 0.07, 1.25], ground: true, pole: [-1, 0.2, -0.6] } } as const;
/** On the balls of the feet, heels up, where the feet stood. */
const toes = { L: { at: [0, 0.15, 0], pitch: 1.0 }, R: { at: [0, 0.15, 0], pitch: 1.0 } } as const;
const flat = { L: { at: [0, 0.08, 0], pitch: 0 }, R: { at: [0, 0.08, 0], pitch: 0 } } as const;

const pushUps: ActionDef = {
  id: 'pushUps', dur: [4.2, 5], loop: [0.3, 0.55],
  vars: { depth: [0.15, 0.22] },
  keys: [
    { t: 0 },
    { t: 0.12, hips: { y: 0.55, z: 0.25, pitch: 0.9 }, torso: { lean: 0.3 }, head: { pitch: 0 }, feet: flat,
      hands: { L: { at: [0.22, 0.06, 0.7], ground: true }, R: { at: [-0.22, 0.06, 0.7], ground: true } } },
    { t: 0.22, hips: { y: 0.42, z: 0.83, pitch: 1.2 }, torso: { lean: 0 }, head: { pitch: -0.35 }, hands: plankHands, feet: toes },
    { t: 0.3, hips: { y: 0.42, z: 0.83, pitch: 1.2 } },
    { t: 0.425, ease: 'out', hips: { y: 'depth', z: 0.9, pitch: 1.47 }, head: { pitch: -0.45 } },
    { t: 0.55, hips: { y: 0.42, z: 0.83, pitch: 1.2 }, head: { pitch: -0.35 } },
    { t: 0.68, hips: { y: 0.55, z: 0.25, pitch: 0.9 }, torso: { lean: 0.3 }, head: { pitch: 0 }, feet: flat,
      hands: { L: { at: [0.22, 0.06, 0.7], ground: true }, R: { at: [-0.22, 0.06, 0.7], ground: true } } },
    { t: 0.85, hips: { y: 0.85, z: 0.05, pitch: 0.3 }, torso: { lean: 0.1 }, arms: { L: { down: 1.25, forward: 0.2, elbow: 0.3 }, R: { down: 1.25, forward: 0.2, elbow: 0.3 } } },
    { t: 1, hips: { y: 0.955, z: 0, pitch: 0 }, torso: { lean: 0 }, arms: { L: { down: 1.28, forward: 0, elbow: 0.2 }, R: { down: 1.28, forward: 0, elbow: 0.2 } } },
  ],
  scene: [{ kind: 'mat', at: [0, 0, 0.55], size: [0.8, 0.01, 1.8] }],
};

export default [pushUps] satisfies ActionDef[];
