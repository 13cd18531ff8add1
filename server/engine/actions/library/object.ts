/** Object interaction: props with attachment points, authored in the action format (docs/action-format.md). */
import type { ActionDef } from '../format.ts';

/** Drink from a cup: bring it up, tip the head back and hold, lower it. Upper body, right hand. */
const drink: ActionDef = {
  id: 'drink', dur: [3, 3.6], hold: [0.38, 0.62],
  keys: [
    { t: 0, hands: { R: { at: [-0.18, 0.2, 0.3] } }, shape: { R: 'grip' } },
    { t: 0.2, hands: { R: { at: [-0.12, 0.36, 0.3], pole: [-1, -0.6, -0.2] } } },
    { t: 0.38, hands: { R: { at: [-0.04, 0.6, 0.14], pole: [-1, -0.3, -0.2] } }, head: { pitch: -0.3 }, torso: { lean: -0.05 } },
    { t: 0.62, hands: { R: { at: [-0.04, 0.61, 0.13], pole: [-1, -0.3, -0.2] } }, head: { pitch: -0.35 }, torso: { lean: -0.06 } },
    { t: 0.82, hands: { R: { at: [-0.15, 0.3, 0.3] } }, head: { pitch: 0 }, torso: { lean: 0 } },
    { t: 1, hands: { R: { at: [-0.18, 0.2, 0.3] } } },
  ],
  props: [{ kind: 'cup', hand: 'R' }],
};

export default [drink] satisfies ActionDef[];
