/** Acrobatics and floor work, authored in the action format (docs/action-format.md). */
import type { ActionDef } from '../format.ts';

/**
 * Cartwheel to the right (mirrors to the left): lunge, right hand, left hand, legs straddled over
 * the top, left foot, right foot. The pelvis rolls a full turn about the forward axis while the hips
 * travel sideways about 1.6 m; hands are planted on the floor (ground frame) in order.
 */
const cartwheel: ActionDef = {
  id: 'cartwheel', dur: [1.7, 2.1],
  vars: { reach: [1.5, 1.7] },
  keys: [
    { t: 0 },
    { t: 0.15, hips: { x: -0.2, y: 0.88, roll: 0.25 }, torso: { side: -0.25 }, head: { roll: -0.2 },
      hands: { L: { at: [0.25, 0.95, 0.05] }, R: { at: [-0.25, 0.95, 0.05] } }, feet: { R: { at: [-0.45, 0.08, 0] } }, shape: { L: 'open', R: 'open' } },
    { t: 0.32, hips: { x: -0.55, y: 0.78, roll: 1.57 }, torso: { side: -0.1 },
      hands: { R: { at: [-0.88, 0.06, 0], ground: true }, L: { at: [-1.3, 0.3, 0], ground: true } },
      legs: { L: { flex: 0, abduct: 0.9, knee: 0.05 }, R: { flex: 0, abduct: 0.5, knee: 0.1 } } },
    { t: 0.5, hips: { x: -0.8, y: 1.0, roll: 3.14 }, torso: { side: 0 }, head: { roll: 0 },
      hands: { R: { at: [-0.55, 0.05, 0], ground: true }, L: { at: [-1.05, 0.05, 0], ground: true } },
      legs: { L: { flex: 0, abduct: 0.8, knee: 0.05 }, R: { flex: 0, abduct: 0.8, knee: 0.05 } } },
    { t: 0.64, hips: { x: -1.05, y: 0.9, roll: 4.2 },
      hands: { R: { at: [-0.2, 0.5, 0], ground: true }, L: { at: [-1.05, 0.05, 0], ground: true } },
      legs: { L: { flex: 0, abduct: 0.6, knee: 0.1 }, R: { flex: 0, abduct: 0.9, knee: 0.05 } } },
    { t: 0.78, hips: { x: -1.3, y: 0.82, roll: 5.4 }, torso: { side: 0.15 },
      hands: { R: { at: [0.1, 0.8, 0] }, L: { at: [0.5, 0.7, 0.05] } },
      feet: { L: { at: ['-reach', 0.08, 0] } }, legs: { R: { flex: 0, abduct: 0.7, knee: 0.1 } } },
    { t: 0.9, hips: { x: '-reach', y: 0.9, roll: 6.0 }, torso: { side: 0.05 },
      feet: { L: { at: ['-reach', 0.08, 0] }, R: { at: ['-reach', 0.08, 0] } } },
    { t: 1, hips: { y: 0.955, roll: 6.2832 }, torso: { side: 0 },
      arms: { L: { down: 1.28, elbow: 0.2 }, R: { down: 1.28, elbow: 0.2 } } },
  ],
};

export default [cartwheel] satisfies ActionDef[];
