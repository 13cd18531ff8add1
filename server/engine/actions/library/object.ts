/**
 * Object interaction: props with attachment points, authored in the action format (docs/action-format.md).
 * Right-handed as written (`side` defaults to 'R'); a plan step for the left hand mirrors them.
 * Hands are wrist targets relative to the hips (shoulders near (±0.165, 0.455, 0), chin near (0, 0.58,
 * 0.08)), or on the floor with `ground: true`.
 */
import type { ActionDef, KeyPose } from '../format.ts';
import { tileKeys } from './cycles.ts';
import { WALK_LOOP, walkingKeys } from './footwork.ts';
import { ARMS_DOWN, standAt } from './poses.ts';

type Frag = Omit<KeyPose, 't'>;

/** Squatting to the floor with a flat back over the thighs: hips back and down, chest forward. */
const SQUAT_LOW: Frag = { hips: { y: 0.5, z: -0.12, pitch: 0.45 }, torso: { lean: 0.6 }, head: { pitch: 0.1 }, feet: { L: { at: [0.03, 0.08, 0] }, R: { at: [-0.03, 0.08, 0] } } };
/** Both hands on the sides of a box on the floor in front of the feet (wrists below the knees). */
const HANDS_ON_FLOOR_BOX: Frag['hands'] = { L: { at: [0.18, 0.22, 0.4], ground: true, pole: [1, 0, -0.3] }, R: { at: [-0.18, 0.22, 0.4], ground: true, pole: [-1, 0, -0.3] } };
/** Holding a box in front of the belly. */
const HOLD_BOX: Frag['hands'] = { L: { at: [0.19, 0.1, 0.32], pole: [1, -0.6, -0.3] }, R: { at: [-0.19, 0.1, 0.32], pole: [-1, -0.6, -0.3] } };

/** Drink from a cup: bring it up, tip the head back and hold, lower it. Upper body, right hand. */
const drink: ActionDef = {
  id: 'drink',
  dur: [3, 3.6],
  hold: [0.38, 0.62],
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

/** Pick a box up from the floor: look, squat with a flat back, grip, drive up through the legs. */
const pickUp: ActionDef = {
  id: 'pickUp',
  dur: [2.3, 2.9],
  keys: [
    { t: 0 },
    { t: 0.14, hips: { y: 0.93 }, head: { pitch: 0.45 }, arms: { L: { forward: 0.2 }, R: { forward: 0.2 } } },
    { t: 0.4, ease: 'out', ...SQUAT_LOW, hands: HANDS_ON_FLOOR_BOX, shape: { L: 'open', R: 'open' } },
    { t: 0.5, hips: { y: 0.49 }, shape: { L: 'grip', R: 'grip' } },
    { t: 0.78, hips: { y: 0.9, z: -0.02, pitch: 0.08 }, torso: { lean: 0.08 }, head: { pitch: 0.1 }, hands: HOLD_BOX },
    { t: 1, hips: { y: 0.955, z: 0, pitch: 0 }, torso: { lean: -0.03 }, head: { pitch: 0 }, hands: HOLD_BOX },
  ],
  props: [{ kind: 'box', hand: 'both', from: 0.48 }],
};

/** Put a held box down: lower it with the legs, let go, stand up empty-handed. */
const putDown: ActionDef = {
  id: 'putDown',
  dur: [2.2, 2.8],
  keys: [
    { t: 0, hands: HOLD_BOX, shape: { L: 'grip', R: 'grip' } },
    { t: 0.15, head: { pitch: 0.4 }, hips: { y: 0.93 } },
    { t: 0.45, ease: 'out', ...SQUAT_LOW, hands: HANDS_ON_FLOOR_BOX },
    { t: 0.55, hips: { y: 0.51 }, shape: { L: 'open', R: 'open' } },
    {
      t: 0.8,
      hips: { y: 0.9, z: -0.02, pitch: 0.1 },
      torso: { lean: 0.1 },
      head: { pitch: 0.1 },
      arms: { L: { down: 1.2, forward: 0.2, elbow: 0.3 }, R: { down: 1.2, forward: 0.2, elbow: 0.3 } },
    },
    { t: 1, ...standAt(), arms: ARMS_DOWN },
  ],
  props: [{ kind: 'box', hand: 'both', to: 0.55 }],
};

/** Carry a box in both arms while walking: leaning back against the load, shorter steps. */
const carry: ActionDef = {
  id: 'carry',
  dur: [2.6, 3.2],
  fill: true,
  loop: WALK_LOOP,
  keys: walkingKeys(0.95, 0.93, { hands: HOLD_BOX, torso: { lean: -0.08 }, head: { pitch: 0.05 }, shape: { L: 'grip', R: 'grip' } }),
  props: [{ kind: 'box', hand: 'both' }],
};

/** Push something heavy: arms locked forward at chest height, body leaning into it, slow driving steps. */
const push: ActionDef = {
  id: 'push',
  dur: [3, 3.8],
  fill: true,
  loop: WALK_LOOP,
  keys: walkingKeys(
    0.8,
    0.89,
    {
      hands: { L: { at: [0.2, 0.38, 0.5], pole: [1, -0.8, 0] }, R: { at: [-0.2, 0.38, 0.5], pole: [-1, -0.8, 0] } },
      torso: { lean: 0.35 },
      hips: { pitch: 0.15 },
      head: { pitch: -0.2 },
      shape: { L: 'open', R: 'open' },
    },
    0.12,
  ),
  // No scene proxy: what is pushed moves with the hands, and scene proxies are static.
};

/** Pull a rope or a load: both hands gripping in front, weight back, walking backwards hand over hand. */
const pull: ActionDef = {
  id: 'pull',
  dur: [3, 3.8],
  fill: true,
  loop: WALK_LOOP,
  keys: walkingKeys(
    -0.7,
    0.86,
    {
      hands: { L: { at: [0.04, 0.3, 0.48], pole: [1, -0.8, -0.2] }, R: { at: [-0.04, 0.24, 0.3], pole: [-1, -0.8, -0.2] } },
      torso: { lean: -0.18 },
      hips: { pitch: -0.05 },
      head: { pitch: 0.1 },
      shape: { L: 'grip', R: 'grip' },
    },
    0.12,
  ),
  props: [{ kind: 'rope', hand: 'both' }],
};

/** Lift something heavy overhead: squat and grip, stand it up to the chest, press overhead, lower it back. */
const lift: ActionDef = {
  id: 'lift',
  dur: [4.2, 5],
  hold: [0.55, 0.62],
  keys: [
    { t: 0 },
    { t: 0.18, ...SQUAT_LOW, hands: HANDS_ON_FLOOR_BOX, shape: { L: 'grip', R: 'grip' } },
    { t: 0.34, hips: { y: 0.95, z: 0, pitch: 0 }, torso: { lean: -0.05 }, head: { pitch: 0 }, hands: HOLD_BOX },
    { t: 0.42, hips: { y: 0.9 }, hands: { L: { at: [0.2, 0.42, 0.16], pole: [1, -1, 0] }, R: { at: [-0.2, 0.42, 0.16], pole: [-1, -1, 0] } } },
    {
      t: 0.55,
      ease: 'in',
      hips: { y: 0.96 },
      torso: { lean: -0.1 },
      head: { pitch: -0.25 },
      hands: { L: { at: [0.22, 0.98, 0.04], pole: [1, 0, -0.3] }, R: { at: [-0.22, 0.98, 0.04], pole: [-1, 0, -0.3] } },
    },
    { t: 0.62, hands: { L: { at: [0.22, 0.99, 0.05] }, R: { at: [-0.22, 0.99, 0.05] } } },
    {
      t: 0.74,
      hips: { y: 0.92 },
      torso: { lean: 0 },
      head: { pitch: 0 },
      hands: { L: { at: [0.2, 0.42, 0.16], pole: [1, -1, 0] }, R: { at: [-0.2, 0.42, 0.16], pole: [-1, -1, 0] } },
    },
    { t: 0.88, ...SQUAT_LOW, hands: HANDS_ON_FLOOR_BOX },
    { t: 1, ...standAt(), arms: ARMS_DOWN },
  ],
  props: [{ kind: 'box', hand: 'both', from: 0.18, to: 0.88 }],
};

/** Sweep with a broom: long strokes right to left, the chest turning with them, short steps sideways. */
const sweep: ActionDef = {
  id: 'sweep',
  dur: [1.3, 1.7],
  fill: true,
  loop: [0.2, 0.8],
  keys: [
    { t: 0 },
    {
      t: 0.2,
      hips: { y: 0.9, yaw: -0.2 },
      torso: { lean: 0.25, twist: -0.3 },
      head: { pitch: 0.35 },
      feet: { L: { at: [0.05, 0.08, 0.12] } },
      hands: { L: { at: [-0.02, 0.3, 0.3], pole: [1, -0.5, -0.4] }, R: { at: [-0.25, -0.05, 0.42], pole: [-1, -0.5, -0.2] } },
      shape: { L: 'grip', R: 'grip' },
    },
    { t: 0.5, ease: 'in', hips: { yaw: 0.15 }, torso: { twist: 0.25, lean: 0.3 }, hands: { L: { at: [0.18, 0.28, 0.28] }, R: { at: [0.08, -0.08, 0.5] } } },
    { t: 0.8, hips: { yaw: -0.2 }, torso: { twist: -0.3, lean: 0.25 }, hands: { L: { at: [-0.02, 0.3, 0.3] }, R: { at: [-0.25, -0.05, 0.42] } } },
    { t: 1, ...standAt(0, 0, 0) },
  ],
  props: [{ kind: 'broom', hand: 'both' }],
};

/** Dig with a shovel: drive the blade down with the body, lever it up, turn and toss over the left side. */
const dig: ActionDef = {
  id: 'dig',
  dur: [2.2, 2.8],
  fill: true,
  loop: [0.1, 0.9],
  keys: [
    { t: 0 },
    {
      t: 0.1,
      hips: { y: 0.93 },
      feet: { L: { at: [0.05, 0.08, 0.22] } },
      torso: { lean: 0.15 },
      head: { pitch: 0.4 },
      hands: { L: { at: [0.05, 0.3, 0.25], pole: [1, -0.5, -0.3] }, R: { at: [-0.08, 0.0, 0.38], pole: [-1, -0.6, -0.2] } },
      shape: { L: 'grip', R: 'grip' },
    },
    { t: 0.32, ease: 'in', hips: { y: 0.74, z: 0.05, pitch: 0.25 }, torso: { lean: 0.4 }, hands: { L: { at: [0.06, 0.05, 0.35] }, R: { at: [-0.06, -0.3, 0.55] } } },
    { t: 0.48, hips: { y: 0.8, z: 0 }, torso: { lean: 0.3 }, hands: { L: { at: [0.1, -0.1, 0.2] }, R: { at: [-0.04, -0.2, 0.5] } } },
    {
      t: 0.66,
      ease: 'out',
      hips: { y: 0.92, pitch: 0.05, yaw: 0.3 },
      torso: { lean: 0.1, twist: 0.45 },
      head: { pitch: 0.15, yaw: 0.4 },
      hands: { L: { at: [0.2, 0.2, 0.12] }, R: { at: [0.15, 0.25, 0.45] } },
    },
    { t: 0.9, hips: { y: 0.93, yaw: 0 }, torso: { lean: 0.15, twist: 0 }, head: { pitch: 0.4, yaw: 0 }, hands: { L: { at: [0.05, 0.3, 0.25] }, R: { at: [-0.08, 0.0, 0.38] } } },
    { t: 1, ...standAt(), arms: ARMS_DOWN },
  ],
  props: [{ kind: 'shovel', hand: 'both' }],
};

/** Hammer a nail on a bench: the left hand steadies it, the right arm winds up high and snaps down. */
const hammer: ActionDef = {
  id: 'hammer',
  dur: [0.8, 1.05],
  fill: true,
  loop: [0.15, 0.85],
  keys: [
    {
      t: 0,
      hands: { L: { at: [0.0, 0.02, 0.45], pole: [1, -0.5, -0.3] }, R: { at: [-0.2, 0.2, 0.35], pole: [-1, -0.4, -0.4] } },
      torso: { lean: 0.2 },
      head: { pitch: 0.45 },
      shape: { L: 'pinch', R: 'grip' },
    },
    { t: 0.15, hands: { R: { at: [-0.2, 0.2, 0.35] } } },
    { t: 0.55, ease: 'out', hands: { R: { at: [-0.24, 0.62, 0.18], pole: [-1, -0.2, -0.6] } }, torso: { lean: 0.12, twist: -0.1 }, hips: { yaw: -0.05 } },
    { t: 0.85, ease: 'in', hands: { R: { at: [-0.08, 0.06, 0.47], pole: [-1, -0.4, -0.4] } }, torso: { lean: 0.24, twist: 0.05 }, hips: { yaw: 0.02 } },
    { t: 1, hands: { R: { at: [-0.2, 0.2, 0.35] } }, torso: { lean: 0.2, twist: 0 }, hips: { yaw: 0 } },
  ],
  props: [{ kind: 'hammer', hand: 'R' }],
  scene: [{ kind: 'table', at: [0, 0, 0.6], size: [0.9, 0.92, 0.5] }],
};

/** Open a door: reach for the handle, turn it, pull the door open stepping back, then walk through. */
const openDoor: ActionDef = {
  id: 'openDoor',
  dur: [3, 3.6],
  keys: [
    { t: 0 },
    { t: 0.2, hips: { y: 0.94, z: 0.05 }, torso: { lean: 0.1 }, hands: { R: { at: [-0.22, 0.05, 0.52], pole: [-1, -0.6, -0.3] } }, shape: { R: 'open' } },
    { t: 0.3, hands: { R: { at: [-0.22, 0.04, 0.53] } }, arms: { R: { wrist: 0.6 } }, shape: { R: 'grip' } },
    {
      t: 0.55,
      hips: { y: 0.93, z: -0.12, yaw: -0.3 },
      torso: { lean: -0.02, twist: -0.2 },
      feet: { R: { at: [-0.05, 0.08, -0.22] } },
      hands: { R: { at: [-0.45, 0.04, 0.2], pole: [-1, -0.5, 0] } },
    },
    { t: 0.68, hips: { yaw: 0, z: 0.05 }, torso: { twist: 0 }, feet: { R: { at: [0, 0.08, 0] } }, hands: { R: { at: [-0.42, 0.04, 0.1] } }, shape: { R: 'open' } },
    { t: 0.84, hips: { y: 0.93, z: 0.45 }, feet: { L: { at: [0, 0.08, 0.6] } }, arms: { R: { down: 1.25, forward: -0.2, elbow: 0.25 }, L: { forward: -0.2 } } },
    { t: 1, ...standAt(0.75, 0, 0.75) },
  ],
  // The doorway: wall on either side of a 0.9 m opening (the door itself is implied; a static slab
  // would stand where the character walks through).
  scene: [
    { kind: 'wall', at: [0.85, 0, 0.72], size: [0.8, 2.2, 0.1] },
    { kind: 'wall', at: [-0.85, 0, 0.72], size: [0.8, 2.2, 0.1] },
  ],
};

/** Knock on a door: knuckles rap three times from the elbow, the head leaning in to listen. */
const knockDoor: ActionDef = {
  id: 'knockDoor',
  dur: [1.6, 2],
  fill: true,
  loop: [0.3, 0.5],
  keys: [
    { t: 0 },
    { t: 0.25, hands: { R: { at: [-0.1, 0.46, 0.4], pole: [-1, -0.6, -0.2] } }, torso: { lean: 0.05 }, shape: { R: 'fist' } },
    { t: 0.3, hands: { R: { at: [-0.1, 0.48, 0.36] } } },
    { t: 0.4, ease: 'in', hands: { R: { at: [-0.1, 0.44, 0.47] } } },
    { t: 0.5, hands: { R: { at: [-0.1, 0.48, 0.36] } } },
    { t: 0.75, head: { roll: 0.15, pitch: 0.05 }, torso: { lean: 0.08 } },
    { t: 1, hands: { R: { at: [-0.29, -0.04, 0.06] } }, head: { roll: 0, pitch: 0 }, torso: { lean: 0 }, shape: { R: 'relaxed' } },
  ],
  scene: [{ kind: 'door', at: [0, 0, 0.66], size: [0.9, 2.05, 0.05] }],
};

/**
 * Overhand throw: stride onto the left foot while the hips turn first and the shoulders follow, the
 * ball leaves the right hand above and in front of the shoulder, the arm follows through across the
 * body and the back foot comes forward.
 */
const throwOverhand: ActionDef = {
  id: 'throwOverhand',
  dur: [1.8, 2.3],
  vars: { wind: [-0.35, -0.2] },
  keys: [
    { t: 0, shape: { R: 'grip', L: 'relaxed' } },
    {
      t: 0.3,
      hips: { y: 0.93, z: -0.08, yaw: -0.7 },
      torso: { twist: -0.5, lean: -0.1, side: 0.15 },
      head: { yaw: 0.6 },
      feet: { L: { at: [0.02, 0.12, 0.05], contact: false } },
      hands: { L: { at: [0.35, 0.35, 0.35], pole: [1, -0.5, 0] }, R: { at: [-0.4, 0.62, 'wind'], pole: [-1, -0.3, -0.4] } },
    },
    {
      t: 0.45,
      hips: { y: 0.88, z: 0.12, yaw: -0.45 },
      torso: { twist: -0.45, lean: 0 },
      feet: { L: { at: [0.05, 0.08, 0.45] } },
      hands: { R: { at: [-0.38, 0.78, -0.25], pole: [-1, 0.2, -0.6] } },
    },
    {
      t: 0.56,
      ease: 'in',
      hips: { y: 0.88, z: 0.22, yaw: 0.25 },
      torso: { twist: 0.35, lean: 0.25, side: -0.1 },
      head: { yaw: 0, pitch: 0.05 },
      hands: { L: { at: [0.22, 0.05, 0.1] }, R: { at: [-0.2, 0.82, 0.35], pole: [-1, -0.3, -0.2] } },
      shape: { R: 'open' },
    },
    {
      t: 0.7,
      hips: { y: 0.86, z: 0.3, yaw: 0.5 },
      torso: { twist: 0.5, lean: 0.45, side: 0 },
      hands: { R: { at: [0.22, 0.0, 0.35], pole: [-1, -0.5, 0] } },
      feet: { R: { at: [-0.05, 0.2, 0.1], contact: false, pitch: 0.6 } },
    },
    { t: 0.85, hips: { y: 0.93, z: 0.35, yaw: 0.1 }, torso: { twist: 0.1, lean: 0.1 }, feet: { R: { at: [-0.02, 0.08, 0.48], pitch: 0 } } },
    { t: 1, ...standAt(0.42, 0, 0.45) },
  ],
  props: [{ kind: 'ball', hand: 'R', to: 0.56 }],
};

/** Underhand toss: the arm swings back low, the left foot steps out, the ball leaves at hip height rising. */
const throwUnderhand: ActionDef = {
  id: 'throwUnderhand',
  dur: [1.6, 2],
  keys: [
    { t: 0, shape: { R: 'grip' } },
    {
      t: 0.35,
      hips: { y: 0.9, z: -0.04, yaw: -0.25 },
      torso: { lean: 0.2, twist: -0.25 },
      head: { pitch: 0.05 },
      hands: { R: { at: [-0.25, -0.2, -0.32], pole: [-1, 0, 0.3] }, L: { at: [0.25, 0.05, 0.25] } },
    },
    {
      t: 0.55,
      ease: 'in',
      hips: { y: 0.9, z: 0.12, yaw: 0.1 },
      torso: { lean: 0.12, twist: 0.1 },
      feet: { L: { at: [0.04, 0.08, 0.32] } },
      hands: { R: { at: [-0.16, 0.12, 0.45], pole: [-1, -0.6, 0] }, L: { at: [0.28, -0.02, 0.1] } },
      shape: { R: 'open' },
    },
    { t: 0.7, hips: { y: 0.93, z: 0.16 }, torso: { lean: 0.02, twist: 0.15 }, head: { pitch: -0.1 }, hands: { R: { at: [-0.12, 0.5, 0.38] } } },
    { t: 1, ...standAt(0.16, 0, 0.0), feet: { L: { at: [0.04, 0.08, 0.32] }, R: { at: [0, 0.08, 0] } }, hips: { y: 0.955, z: 0.16, yaw: 0 } },
  ],
  props: [{ kind: 'ball', hand: 'R', to: 0.55 }],
};

/** Catch a ball: ready, hands reach to meet it, give with it back to the chest and squeeze. */
const catchBall: ActionDef = {
  id: 'catchBall',
  dur: [1.7, 2.1],
  vars: { high: [0.45, 0.62] },
  keys: [
    { t: 0 },
    {
      t: 0.3,
      hips: { y: 0.9 },
      torso: { lean: 0.1 },
      head: { pitch: -0.1 },
      hands: { L: { at: [0.16, 0.3, 0.3] }, R: { at: [-0.16, 0.3, 0.3] } },
      shape: { L: 'open', R: 'open' },
    },
    {
      t: 0.45,
      hips: { y: 0.92, z: 0.05 },
      torso: { lean: 0.05 },
      head: { pitch: -0.25 },
      hands: { L: { at: [0.08, 'high', 0.5], pole: [1, -0.6, 0] }, R: { at: [-0.08, 'high', 0.5], pole: [-1, -0.6, 0] } },
    },
    {
      t: 0.6,
      ease: 'out',
      hips: { y: 0.88, z: -0.06 },
      torso: { lean: -0.05 },
      head: { pitch: 0.1 },
      feet: { R: { at: [0, 0.08, -0.15] } },
      hands: { L: { at: [0.07, 0.3, 0.22] }, R: { at: [-0.07, 0.3, 0.22] } },
      shape: { L: 'grip', R: 'grip' },
    },
    { t: 0.78, hips: { y: 0.93, z: -0.04 }, torso: { lean: 0 }, head: { pitch: 0.1 } },
    { t: 1, hips: { y: 0.955, z: -0.04 }, feet: { R: { at: [0, 0.08, -0.08] } }, hands: { L: { at: [0.07, 0.25, 0.24] }, R: { at: [-0.07, 0.25, 0.24] } } },
  ],
  props: [{ kind: 'ball', hand: 'both', from: 0.5 }],
};

// ---- Upper body: hands on small props ---------------------------------------------------------------

/** Eat: fork from the plate to the mouth and back, chewing between bites. */
const eat: ActionDef = {
  id: 'eat',
  dur: [2, 2.6],
  cycle: true,
  keys: [
    {
      t: 0,
      hands: { R: { at: [-0.1, 0.22, 0.36], pole: [-1, -0.6, -0.2] }, L: { at: [0.08, 0.2, 0.34], pole: [1, -0.6, -0.2] } },
      head: { pitch: 0.3 },
      torso: { lean: 0.08 },
      shape: { R: 'pinch', L: 'open' },
    },
    { t: 0.3, hands: { R: { at: [-0.04, 0.58, 0.15], pole: [-1, -0.4, -0.2] } }, head: { pitch: 0.05 }, torso: { lean: 0.12 } },
    { t: 0.45, hands: { R: { at: [-0.06, 0.5, 0.2] } }, head: { pitch: 0.1 } },
    { t: 0.6, head: { pitch: 0.16 } },
    { t: 0.75, hands: { R: { at: [-0.1, 0.24, 0.36] } }, head: { pitch: 0.1 } },
    { t: 1, hands: { R: { at: [-0.1, 0.22, 0.36] } }, head: { pitch: 0.3 }, torso: { lean: 0.08 } },
  ],
  props: [{ kind: 'food', hand: 'R' }],
};

/** Phone call: the phone comes up to the right ear, the head tilts into it; the free hand gestures now and then. */
const phoneCall: ActionDef = {
  id: 'phoneCall',
  dur: [3.5, 4.5],
  hold: [0.3, 0.8],
  keys: [
    { t: 0, shape: { R: 'grip' } },
    { t: 0.18, hands: { R: { at: [-0.2, 0.45, 0.18], pole: [-1, -0.6, -0.2] } } },
    { t: 0.3, hands: { R: { at: [-0.11, 0.67, 0.03], pole: [-1, -0.6, 0.2] } }, head: { roll: -0.15, yaw: 0.1 } },
    { t: 0.5, hands: { L: { at: [0.25, 0.15, 0.3], pole: [1, -0.6, -0.2] } }, head: { roll: -0.12, yaw: 0.2, pitch: 0.1 }, shape: { L: 'open' } },
    { t: 0.6, hands: { L: { at: [0.3, 0.05, 0.22] } }, head: { yaw: -0.1, pitch: 0 } },
    { t: 0.8, hands: { R: { at: [-0.11, 0.67, 0.03] }, L: { at: [0.3, -0.04, 0.06] } }, head: { roll: -0.15, yaw: 0.05 }, shape: { L: 'relaxed' } },
    { t: 0.9, hands: { R: { at: [-0.2, 0.4, 0.2] } }, head: { roll: 0, yaw: 0 } },
    { t: 1, hands: { R: { at: [-0.22, 0.15, 0.22] } } },
  ],
  props: [{ kind: 'phone', hand: 'R', from: 0.05 }],
};

/** Typing: both hands on a keyboard, fingers alternating quick taps, eyes on the screen. */
const type: ActionDef = {
  id: 'type',
  dur: [1.8, 2.4],
  cycle: true,
  keys: tileKeys(
    [
      {
        t: 0,
        hands: { L: { at: [0.16, 0.12, 0.42], pole: [1, -0.8, -0.2] }, R: { at: [-0.16, 0.12, 0.42], pole: [-1, -0.8, -0.2] } },
        torso: { lean: 0.04 },
        head: { pitch: 0.05 },
        shape: { L: 'relaxed', R: 'relaxed' },
      },
      { t: 0.25, hands: { L: { at: [0.15, 0.1, 0.43] }, R: { at: [-0.17, 0.13, 0.41] } } },
      { t: 0.5, hands: { L: { at: [0.17, 0.13, 0.41] }, R: { at: [-0.15, 0.1, 0.44] } }, head: { yaw: 0.04 } },
      { t: 0.75, hands: { L: { at: [0.15, 0.11, 0.42] }, R: { at: [-0.16, 0.13, 0.42] } } },
      { t: 1, hands: { L: { at: [0.16, 0.12, 0.42] }, R: { at: [-0.16, 0.12, 0.42] } }, head: { yaw: 0 } },
    ],
    3,
  ),
};

/** Read a book held open in both hands; the right hand turns a page. */
const readBook: ActionDef = {
  id: 'readBook',
  dur: [4, 5],
  hold: [0.2, 0.6],
  keys: [
    { t: 0 },
    {
      t: 0.15,
      hands: { L: { at: [0.12, 0.3, 0.32], pole: [1, -0.8, -0.2] }, R: { at: [-0.12, 0.3, 0.32], pole: [-1, -0.8, -0.2] } },
      head: { pitch: 0.45 },
      torso: { lean: 0.05 },
      shape: { L: 'grip', R: 'grip' },
    },
    { t: 0.6, head: { pitch: 0.5, yaw: -0.08 } },
    { t: 0.7, hands: { R: { at: [0.06, 0.34, 0.34] } }, head: { yaw: 0.05 }, shape: { R: 'pinch' } },
    { t: 0.8, hands: { R: { at: [-0.12, 0.3, 0.32] } }, head: { yaw: -0.05 }, shape: { R: 'grip' } },
    { t: 1, head: { pitch: 0.45, yaw: 0 } },
  ],
  props: [{ kind: 'book', hand: 'both' }],
};

/** Write: the left hand holds the page, the pen hand moves in small strokes along a line. */
const write: ActionDef = {
  id: 'write',
  dur: [1.2, 1.6],
  cycle: true,
  keys: [
    {
      t: 0,
      hands: { L: { at: [0.12, 0.18, 0.38], pole: [1, -0.8, -0.2] }, R: { at: [-0.1, 0.2, 0.4], pole: [-1, -0.8, -0.2] } },
      torso: { lean: 0.2 },
      head: { pitch: 0.55 },
      shape: { L: 'open', R: 'pinch' },
    },
    { t: 0.2, hands: { R: { at: [-0.08, 0.22, 0.41] } } },
    { t: 0.4, hands: { R: { at: [-0.05, 0.2, 0.4] } } },
    { t: 0.6, hands: { R: { at: [-0.02, 0.22, 0.41] } } },
    { t: 0.8, hands: { R: { at: [0.0, 0.2, 0.4] } }, head: { yaw: 0.05 } },
    { t: 1, hands: { R: { at: [-0.1, 0.2, 0.38] } }, head: { yaw: 0 } },
  ],
  props: [{ kind: 'pen', hand: 'R' }],
};

/** Pour: the right hand tips a jug over a cup held in the left, the head watching the stream. */
const pour: ActionDef = {
  id: 'pour',
  dur: [3, 3.6],
  hold: [0.35, 0.65],
  keys: [
    { t: 0, shape: { R: 'grip', L: 'grip' } },
    { t: 0.2, hands: { R: { at: [-0.18, 0.32, 0.34], pole: [-1, -0.6, -0.2] }, L: { at: [0.06, 0.2, 0.34], pole: [1, -0.7, -0.2] } }, head: { pitch: 0.4 }, torso: { lean: 0.08 } },
    { t: 0.35, hands: { R: { at: [-0.06, 0.36, 0.34], pole: [-1, 0, -0.2] } }, arms: { R: { wrist: -0.8 } }, head: { pitch: 0.45 } },
    { t: 0.65, hands: { R: { at: [-0.05, 0.37, 0.34] } } },
    { t: 0.8, hands: { R: { at: [-0.18, 0.32, 0.34], pole: [-1, -0.6, -0.2] } }, head: { pitch: 0.3 } },
    { t: 1, head: { pitch: 0.1 }, torso: { lean: 0 } },
  ],
  props: [
    { kind: 'cup', hand: 'L' },
    { kind: 'cup', hand: 'R' },
  ],
};

/** Stir: a spoon circles in a bowl held by the other hand. */
const stir: ActionDef = {
  id: 'stir',
  dur: [0.8, 1.1],
  cycle: true,
  keys: [
    {
      t: 0,
      hands: { L: { at: [0.08, 0.15, 0.36], pole: [1, -0.8, -0.2] }, R: { at: [-0.04, 0.25, 0.42], pole: [-1, -0.6, -0.2] } },
      head: { pitch: 0.45 },
      torso: { lean: 0.1 },
      shape: { L: 'grip', R: 'pinch' },
    },
    { t: 0.25, hands: { R: { at: [0.02, 0.25, 0.36] } } },
    { t: 0.5, hands: { R: { at: [0.08, 0.25, 0.42] } } },
    { t: 0.75, hands: { R: { at: [0.02, 0.25, 0.48] } } },
    { t: 1, hands: { R: { at: [-0.04, 0.25, 0.42] } } },
  ],
  props: [
    { kind: 'cup', hand: 'L' },
    { kind: 'stick', hand: 'R' },
  ],
};

/** Check the phone: held low at chest height, head bowed over it, the thumb scrolling. */
const checkPhone: ActionDef = {
  id: 'checkPhone',
  dur: [3, 4],
  hold: [0.25, 0.8],
  keys: [
    { t: 0, shape: { R: 'grip' } },
    { t: 0.25, hands: { R: { at: [-0.07, 0.32, 0.3], pole: [-1, -0.8, -0.2] } }, head: { pitch: 0.55 }, torso: { lean: 0.06 } },
    { t: 0.5, hands: { R: { at: [-0.06, 0.34, 0.3] } }, head: { pitch: 0.5, yaw: 0.05 } },
    { t: 0.8, hands: { R: { at: [-0.07, 0.32, 0.3] } }, head: { pitch: 0.55, yaw: 0 } },
    { t: 1, hands: { R: { at: [-0.24, 0.0, 0.12] } }, head: { pitch: 0 }, torso: { lean: 0 } },
  ],
  props: [{ kind: 'phone', hand: 'R' }],
};

/** Take a photo: the camera comes up to the eye in both hands, a still moment, the shutter, lowered again. */
const takePhoto: ActionDef = {
  id: 'takePhoto',
  dur: [2.5, 3.2],
  hold: [0.35, 0.65],
  keys: [
    { t: 0, shape: { L: 'grip', R: 'grip' } },
    { t: 0.35, hands: { L: { at: [0.09, 0.6, 0.22], pole: [1, -0.8, 0] }, R: { at: [-0.08, 0.6, 0.22], pole: [-1, -0.8, 0] } }, head: { pitch: 0.02 }, torso: { lean: -0.02 } },
    { t: 0.6, hands: { R: { at: [-0.08, 0.6, 0.22] } }, shape: { R: 'point' } },
    { t: 0.65, shape: { R: 'grip' } },
    { t: 0.82, hands: { L: { at: [0.1, 0.3, 0.26] }, R: { at: [-0.1, 0.3, 0.26] } }, head: { pitch: 0.3 } },
    { t: 1, hands: { L: { at: [0.2, 0.1, 0.2] }, R: { at: [-0.2, 0.1, 0.2] } }, head: { pitch: 0 }, torso: { lean: 0 } },
  ],
  props: [{ kind: 'camera', hand: 'both' }],
};

/** Brush teeth: the brush at the mouth scrubs side to side, the other hand idle. */
const brushTeeth: ActionDef = {
  id: 'brushTeeth',
  dur: [1.8, 2.4],
  cycle: true,
  keys: tileKeys(
    [
      { t: 0, hands: { R: { at: [-0.06, 0.57, 0.15], pole: [-1, -0.6, -0.1] } }, head: { pitch: 0.05 }, shape: { R: 'grip' } },
      { t: 0.5, hands: { R: { at: [0.0, 0.58, 0.16] } }, head: { roll: 0.03 } },
      { t: 1, hands: { R: { at: [-0.06, 0.57, 0.15] } }, head: { roll: 0 } },
    ],
    4,
  ),
  props: [{ kind: 'toothbrush', hand: 'R' }],
};

/** Comb the hair: strokes from the forehead back over the crown, the head tipping into them. */
const comb: ActionDef = {
  id: 'comb',
  dur: [1.1, 1.4],
  cycle: true,
  keys: [
    { t: 0, hands: { R: { at: [-0.08, 0.78, 0.16], pole: [-1, 0.2, 0] } }, head: { pitch: 0.1 }, shape: { R: 'grip' } },
    { t: 0.55, ease: 'in', hands: { R: { at: [-0.1, 0.8, -0.1] } }, head: { pitch: -0.08 } },
    { t: 0.8, hands: { R: { at: [-0.15, 0.86, 0.02] } } },
    { t: 1, hands: { R: { at: [-0.08, 0.78, 0.16] } }, head: { pitch: 0.1 } },
  ],
  props: [{ kind: 'comb', hand: 'R' }],
};

/** Wipe a surface: the flat hand circles on a table top in front, the body following a little. */
const wipe: ActionDef = {
  id: 'wipe',
  dur: [1, 1.3],
  cycle: true,
  keys: [
    { t: 0, hands: { R: { at: [-0.15, 0.12, 0.5], pole: [-1, -0.2, -0.2] } }, torso: { lean: 0.22, twist: -0.05 }, head: { pitch: 0.45 }, shape: { R: 'open' } },
    { t: 0.25, hands: { R: { at: [0.0, 0.12, 0.56] } }, torso: { twist: 0.05 } },
    { t: 0.5, hands: { R: { at: [0.12, 0.12, 0.5] } }, torso: { twist: 0.12 } },
    { t: 0.75, hands: { R: { at: [0.0, 0.12, 0.42] } }, torso: { twist: 0.03 } },
    { t: 1, hands: { R: { at: [-0.15, 0.12, 0.5] } }, torso: { twist: -0.05 } },
  ],
  props: [{ kind: 'cloth', hand: 'R' }],
};

export default [
  drink,
  pickUp,
  putDown,
  carry,
  push,
  pull,
  lift,
  sweep,
  dig,
  hammer,
  openDoor,
  knockDoor,
  throwOverhand,
  throwUnderhand,
  catchBall,
  eat,
  phoneCall,
  type,
  readBook,
  write,
  pour,
  stir,
  checkPhone,
  takePhoto,
  brushTeeth,
  comb,
  wipe,
] satisfies ActionDef[];
