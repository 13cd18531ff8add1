/**
 * Gestures and emotes, authored in the action format (docs/action-format.md). Most are upper-body
 * (`layer: 'upper'` in the vocabulary) and layer over idle or walking; hug, curtsy, kneelPray and
 * celebrate use the whole body. Right-handed as written; a plan step for the left hand mirrors them.
 * Landmarks relative to the hips: chin (0, 0.58, 0.08), mouth (0, 0.6, 0.12), eyes (±0.035, 0.66, 0.1),
 * ears (±0.08, 0.64, 0), forehead (0, 0.71, 0.1), head top (0, 0.78, 0). Targets are wrists, so a palm
 * on the face puts the wrist a hand's length below what the palm covers.
 */
import type { ActionDef, HandKey, KeyPose, Num } from '../format.ts';
import { tileKeys } from './cycles.ts';
import { standAt } from './poses.ts';

type Frag = Omit<KeyPose, 't'>;
type P3 = readonly [number, number, number];
const at = (x: Num, y: Num, z: Num, pole?: P3): HandKey => (pole ? { at: [x, y, z], pole } : { at: [x, y, z] });
/** Hands back to hanging by the thighs (the runtime blends out of IK from here). */
const REST: Frag['hands'] = { L: at(0.29, -0.04, 0.06, [0.5, -1, -0.4]), R: at(-0.29, -0.04, 0.06, [-0.5, -1, -0.4]) };
const REST_R: Frag['hands'] = { R: at(-0.29, -0.04, 0.06, [-0.5, -1, -0.4]) };
const UPRIGHT: Frag = { torso: { lean: 0, side: 0, twist: 0 }, head: { pitch: 0, yaw: 0, roll: 0 } };

/** Facepalm: the hand comes up and the face drops into the palm, a slow head shake inside it, then out. */
const facepalm: ActionDef = {
  id: 'facepalm',
  dur: [2.6, 3.2],
  hold: [0.3, 0.7],
  vars: { drop: [0.28, 0.48], slump: [0.08, 0.2], shake: [0.06, 0.16] },
  keys: [
    { t: 0, shape: { R: 'relaxed' } },
    { t: 0.3, ease: 'out', hands: { R: at(-0.02, 0.55, 0.2, [-1, -0.8, 0]) }, head: { pitch: 'drop' }, torso: { lean: 'slump' }, shape: { R: 'open' } },
    { t: 0.45, head: { yaw: 'shake' } },
    { t: 0.58, head: { yaw: '-shake' } },
    { t: 0.7, head: { yaw: 0 }, hands: { R: at(-0.02, 0.54, 0.2) } },
    { t: 0.88, hands: { R: at(-0.22, 0.2, 0.2) }, head: { pitch: 0.1 }, torso: { lean: 0.04 } },
    { t: 1, hands: REST_R, ...UPRIGHT, shape: { R: 'relaxed' } },
  ],
};

/** Thumbs up: the fist comes forward at chest height with the thumb up, a small push on the accent and a nod. */
const thumbsUp: ActionDef = {
  id: 'thumbsUp',
  dur: [2, 2.5],
  hold: [0.35, 0.7],
  vars: { h: [0.24, 0.42], x: [-0.26, -0.12], nod: [0.05, 0.2] },
  keys: [
    { t: 0 },
    { t: 0.3, hands: { R: at('x', 'h', 0.36, [-1, -0.8, 0]) }, shape: { R: 'thumbsUp' }, head: { pitch: -0.05 } },
    { t: 0.4, ease: 'in', hands: { R: at('x', 'h', 0.42) }, head: { pitch: 'nod' }, torso: { lean: 0.04 } },
    { t: 0.7, hands: { R: at('x', 'h', 0.4) }, head: { pitch: 0 }, torso: { lean: 0 } },
    { t: 1, hands: REST_R, shape: { R: 'relaxed' } },
  ],
};

/** Air guitar: left hand up the neck, right hand strumming hard at the hip, head banging along, leaning back. */
const airGuitar: ActionDef = {
  id: 'airGuitar',
  dur: [1.7, 2],
  cycle: true,
  keys: tileKeys(
    [
      {
        t: 0,
        hands: { L: at(0.42, 0.3, 0.32, [1, -0.8, -0.2]), R: at(-0.06, 0.12, 0.24, [-1, -0.5, -0.3]) },
        torso: { lean: -0.12, twist: 0.1 },
        head: { pitch: -0.15 },
        shape: { L: 'grip', R: 'pinch' },
      },
      { t: 0.45, ease: 'in', hands: { R: at(-0.03, -0.05, 0.27), L: at(0.43, 0.31, 0.33) }, head: { pitch: 0.2 }, torso: { lean: -0.05 } },
      { t: 1, hands: { R: at(-0.06, 0.12, 0.24), L: at(0.42, 0.3, 0.32) }, head: { pitch: -0.15 }, torso: { lean: -0.12 } },
    ],
    4,
  ),
};

/** Pray: palms pressed together at the chest, fingers up, head bowed. */
const PRAY_HANDS: Frag['hands'] = { L: at(0.012, 'ph', 0.2, [1, -1, 0]), R: at(-0.012, 'ph', 0.2, [-1, -1, 0]) };
/** Prayer height and bow, per variant. */
const PRAY_VARS = { ph: [0.28, 0.42], bow: [0.3, 0.6] } as const;
const pray: ActionDef = {
  id: 'pray',
  dur: [3, 4],
  hold: [0.3, 0.8],
  vars: PRAY_VARS,
  keys: [
    { t: 0 },
    { t: 0.3, hands: PRAY_HANDS, shape: { L: 'open', R: 'open' }, head: { pitch: 'bow' }, torso: { lean: 0.06 } },
    { t: 0.8, hands: PRAY_HANDS },
    { t: 1, hands: REST, ...UPRIGHT, shape: { L: 'relaxed', R: 'relaxed' } },
  ],
};

/** Cry: both hands over the face, head bowed, shoulders heaving with each sob. */
const cry: ActionDef = {
  id: 'cry',
  dur: [3.2, 4],
  fill: true,
  loop: [0.25, 0.75],
  vars: { sob: [0.05, 0.14] },
  keys: [
    { t: 0 },
    { t: 0.25, hands: { L: at(0.05, 0.5, 0.2, [1, -1, 0]), R: at(-0.05, 0.5, 0.2, [-1, -1, 0]) }, head: { pitch: 0.4 }, torso: { lean: 0.18 }, shape: { L: 'open', R: 'open' } },
    { t: 0.37, ease: 'in', torso: { lean: [0.22, 0.32] }, head: { pitch: 0.48 }, hips: { roll: 'sob' }, hands: { L: at(0.05, 0.48, 0.22), R: at(-0.05, 0.48, 0.22) } },
    { t: 0.5, torso: { lean: 0.17 }, head: { pitch: 0.38 }, hips: { roll: 0 }, hands: { L: at(0.05, 0.5, 0.2), R: at(-0.05, 0.5, 0.2) } },
    { t: 0.62, ease: 'in', torso: { lean: [0.22, 0.32] }, head: { pitch: 0.46 }, hips: { roll: '-sob' }, hands: { L: at(0.05, 0.48, 0.22), R: at(-0.05, 0.48, 0.22) } },
    { t: 0.75, torso: { lean: 0.18 }, head: { pitch: 0.4 }, hips: { roll: 0 }, hands: { L: at(0.05, 0.5, 0.2), R: at(-0.05, 0.5, 0.2) } },
    { t: 1, hands: REST, ...UPRIGHT, shape: { L: 'relaxed', R: 'relaxed' } },
  ],
};

/** Laugh: head thrown back, then doubling over with a hand on the belly, shoulders bouncing with each laugh. */
const laugh: ActionDef = {
  id: 'laugh',
  dur: [2.8, 3.4],
  fill: true,
  loop: [0.3, 0.7],
  keys: [
    { t: 0 },
    { t: 0.18, head: { pitch: [-0.5, -0.25] }, torso: { lean: [-0.2, -0.08] }, hands: { R: at(-0.08, 0.12, 0.2, [-1, -0.6, 0]) }, shape: { R: 'open', L: 'open' } },
    { t: 0.3, head: { pitch: 0.1 }, torso: { lean: 0.25 }, hands: { L: at(0.2, -0.22, 0.26, [1, -0.5, 0]) } },
    { t: 0.4, ease: 'in', torso: { lean: [0.25, 0.4] }, head: { pitch: 0.2 }, hands: { L: at(0.2, -0.28, 0.3) } },
    { t: 0.5, torso: { lean: 0.24 }, head: { pitch: 0.05 }, hands: { L: at(0.2, -0.2, 0.26) } },
    { t: 0.6, ease: 'in', torso: { lean: 0.33 }, head: { pitch: 0.2 }, hands: { L: at(0.2, -0.28, 0.3) } },
    { t: 0.7, torso: { lean: 0.25 }, head: { pitch: 0.1 }, hands: { L: at(0.2, -0.22, 0.26) } },
    { t: 0.85, torso: { lean: -0.05 }, head: { pitch: -0.2 } },
    { t: 1, hands: REST, ...UPRIGHT, shape: { L: 'relaxed', R: 'relaxed' } },
  ],
};

/** Beckon: palm up toward the other person, the index finger curling "come here" a few times. */
const beckon: ActionDef = {
  id: 'beckon',
  dur: [2.2, 2.8],
  fill: true,
  loop: [0.3, 0.75],
  keys: [
    { t: 0 },
    { t: 0.3, hands: { R: at(-0.2, 0.1, 0.48, [-1, -1, 0.2]) }, shape: { R: 'point' }, head: { pitch: -0.05, yaw: 0.05, roll: -0.1 }, torso: { lean: -0.06, twist: -0.1 } },
    { t: 0.52, ease: 'in', hands: { R: at(-0.17, 0.22, 0.25) }, shape: { R: 'fist' }, torso: { lean: -0.09 } },
    { t: 0.75, hands: { R: at(-0.2, 0.1, 0.48) }, shape: { R: 'point' }, torso: { lean: -0.06 } },
    { t: 1, hands: REST_R, ...UPRIGHT, shape: { R: 'relaxed' } },
  ],
};

/** Stop: the arm shoots out straight with the palm facing forward, the chin drops, the body sets back. */
const stopHand: ActionDef = {
  id: 'stopHand',
  dur: [2, 2.6],
  hold: [0.3, 0.75],
  keys: [
    { t: 0 },
    { t: 0.25, ease: 'in', hands: { R: at(-0.12, 0.44, 0.58, [-1, -1, 0]) }, arms: { R: { wrist: -1.0 } }, shape: { R: 'open' }, head: { pitch: 0.1 }, torso: { lean: -0.06 } },
    { t: 0.75, hands: { R: at(-0.12, 0.44, 0.56) } },
    { t: 1, hands: REST_R, ...UPRIGHT, shape: { R: 'relaxed' } },
  ],
};

/** Blow a kiss: fingertips to the lips, then the hand sweeps out and opens toward the other person. */
const blowKiss: ActionDef = {
  id: 'blowKiss',
  dur: [2, 2.5],
  keys: [
    { t: 0 },
    { t: 0.3, hands: { R: at(-0.03, 0.53, 0.2, [-1, -1, 0]) }, shape: { R: 'pinch' }, head: { pitch: 0.08, roll: 0.08 } },
    { t: 0.42, hands: { R: at(-0.03, 0.54, 0.19) } },
    { t: 0.6, ease: 'out', hands: { R: at(-0.25, 0.55, 0.5, [-1, -0.6, 0]) }, shape: { R: 'open' }, head: { pitch: -0.08, roll: 0.05 }, torso: { lean: 0.05 } },
    { t: 0.75, hands: { R: at(-0.26, 0.52, 0.5) } },
    { t: 1, hands: REST_R, ...UPRIGHT, shape: { R: 'relaxed' } },
  ],
};

/** Fist pump: the fist punches up above the head and yanks back down, a few times, the body driving it. */
const fistPump: ActionDef = {
  id: 'fistPump',
  dur: [2, 2.5],
  loop: [0.2, 0.6],
  keys: [
    { t: 0 },
    { t: 0.2, hands: { R: at(-0.22, 0.42, 0.15, [-1, -0.8, -0.2]) }, shape: { R: 'fist' }, head: { pitch: -0.1 } },
    { t: 0.35, ease: 'in', hands: { R: at(-0.2, 0.98, 0.12, [-1, -0.2, -0.2]) }, torso: { lean: -0.08, side: 0.05 }, head: { pitch: -0.25 } },
    { t: 0.6, hands: { R: at(-0.22, 0.42, 0.15) }, torso: { lean: 0.04, side: 0 }, head: { pitch: -0.1 } },
    { t: 0.8, ease: 'in', hands: { R: at(-0.24, 0.1, 0.22) }, torso: { lean: 0.12 } },
    { t: 1, hands: REST_R, ...UPRIGHT, shape: { R: 'relaxed' } },
  ],
};

/** Check the watch: the left wrist comes up and turns, the eyes drop to it. */
const checkWatch: ActionDef = {
  id: 'checkWatch',
  side: 'L',
  dur: [2, 2.6],
  hold: [0.35, 0.7],
  keys: [
    { t: 0 },
    { t: 0.35, hands: { L: at(0.02, 0.32, 0.3, [1, -1, 0]) }, arms: { L: { wrist: 0.3 } }, head: { pitch: 0.5, yaw: 0.15 }, shape: { L: 'relaxed' } },
    { t: 0.7, hands: { L: at(0.02, 0.33, 0.3) }, head: { pitch: 0.48, yaw: 0.12 } },
    { t: 1, hands: { L: at(0.29, -0.04, 0.06, [0.5, -1, -0.4]) }, ...UPRIGHT },
  ],
};

/** Scratch the head: fingers on the side of the head, small scratching circles, head tilted in puzzlement. */
const scratchHead: ActionDef = {
  id: 'scratchHead',
  dur: [2.4, 3],
  fill: true,
  loop: [0.3, 0.7],
  keys: [
    { t: 0 },
    { t: 0.3, hands: { R: at(-0.16, 0.68, 0.02, [-1, 0, -0.3]) }, head: { roll: -0.15, pitch: 0.05 }, shape: { R: 'relaxed' } },
    { t: 0.4, hands: { R: at(-0.15, 0.7, 0.05) } },
    { t: 0.5, hands: { R: at(-0.16, 0.68, 0.0) } },
    { t: 0.6, hands: { R: at(-0.15, 0.7, 0.04) } },
    { t: 0.7, hands: { R: at(-0.16, 0.68, 0.02) } },
    { t: 1, hands: REST_R, ...UPRIGHT },
  ],
};

/** Hands on hips: wrists on the pelvis, elbows out, chest lifted. */
const handsOnHips: ActionDef = {
  id: 'handsOnHips',
  dur: [2.2, 2.8],
  hold: [0.3, 0.8],
  keys: [
    { t: 0 },
    {
      t: 0.3,
      hands: { L: at(0.2, 0.06, 0.0, [1, 0, -0.4]), R: at(-0.2, 0.06, 0.0, [-1, 0, -0.4]) },
      torso: { lean: -0.06 },
      head: { pitch: -0.05 },
      shape: { L: 'open', R: 'open' },
    },
    { t: 0.8, hands: { L: at(0.2, 0.06, 0.0), R: at(-0.2, 0.06, 0.0) } },
    { t: 1, hands: REST, ...UPRIGHT, shape: { L: 'relaxed', R: 'relaxed' } },
  ],
};

/** Flex: double biceps, elbows at shoulder height, fists by the ears, squeezing in pulses. */
const flex: ActionDef = {
  id: 'flex',
  dur: [2.4, 3],
  fill: true,
  loop: [0.3, 0.6],
  keys: [
    { t: 0 },
    {
      t: 0.3,
      hands: { L: at(0.34, 0.66, 0.08, [1, -0.6, -0.3]), R: at(-0.34, 0.66, 0.08, [-1, -0.6, -0.3]) },
      shape: { L: 'fist', R: 'fist' },
      torso: { lean: -0.06 },
      head: { pitch: -0.05 },
    },
    { t: 0.45, ease: 'in', hands: { L: at(0.3, 0.62, 0.1), R: at(-0.3, 0.62, 0.1) }, torso: { lean: 0.02 } },
    { t: 0.6, hands: { L: at(0.34, 0.66, 0.08), R: at(-0.34, 0.66, 0.08) }, torso: { lean: -0.06 } },
    { t: 1, hands: REST, ...UPRIGHT, shape: { L: 'relaxed', R: 'relaxed' } },
  ],
};

/** Victory: the hand goes up high with the V sign. */
const victory: ActionDef = {
  id: 'victory',
  dur: [2, 2.5],
  hold: [0.3, 0.75],
  vars: { vx: [-0.4, -0.18], vy: [0.68, 0.88] },
  keys: [
    { t: 0 },
    { t: 0.3, ease: 'out', hands: { R: at('vx', 'vy', 0.2, [-1, -0.5, 0]) }, shape: { R: 'victory' }, head: { pitch: -0.1 }, torso: { lean: -0.04, side: [0.02, 0.1] } },
    { t: 0.75, hands: { R: at('vx', 'vy', 0.22) } },
    { t: 1, hands: REST_R, ...UPRIGHT, shape: { R: 'relaxed' } },
  ],
};

/** Wipe the forehead: the back of the wrist swipes across the brow, a relieved exhale. */
const wipeForehead: ActionDef = {
  id: 'wipeForehead',
  dur: [1.8, 2.3],
  keys: [
    { t: 0 },
    { t: 0.3, hands: { R: at(0.04, 0.66, 0.2, [-1, -0.3, 0]) }, head: { pitch: 0.15, yaw: 0.15 }, torso: { twist: 0.1 }, shape: { R: 'relaxed' } },
    { t: 0.55, hands: { R: at(-0.17, 0.67, 0.15) }, head: { pitch: 0.1, roll: 0.05, yaw: -0.1 }, torso: { twist: -0.05 } },
    // The flick of sweat off the hand and a relieved sag of the shoulders.
    { t: 0.72, ease: 'in', hands: { R: at(-0.42, 0.15, 0.1) }, torso: { lean: 0.12, twist: 0 }, head: { pitch: -0.15, yaw: 0 } },
    { t: 1, hands: REST_R, ...UPRIGHT },
  ],
};

/** Yawn: head tips back, hand over the open mouth, shoulders lifting, then a slow settle. */
const yawn: ActionDef = {
  id: 'yawn',
  dur: [2.6, 3.2],
  hold: [0.35, 0.6],
  keys: [
    { t: 0 },
    { t: 0.35, ease: 'out', hands: { R: at(-0.02, 0.52, 0.2, [-1, -1, 0]) }, head: { pitch: -0.35 }, torso: { lean: -0.1 }, arms: { L: { shrug: 0.2 } }, shape: { R: 'open' } },
    { t: 0.6, hands: { R: at(-0.02, 0.53, 0.19) }, head: { pitch: -0.3 } },
    { t: 0.8, hands: { R: at(-0.2, 0.2, 0.2) }, head: { pitch: 0.15 }, torso: { lean: 0.05 }, arms: { L: { shrug: 0 } } },
    { t: 1, hands: REST_R, ...UPRIGHT, shape: { R: 'relaxed' } },
  ],
};

/** Call out: hands cupped around the mouth, leaning forward into the shout. */
const callOut: ActionDef = {
  id: 'callOut',
  dur: [2, 2.6],
  hold: [0.3, 0.7],
  keys: [
    { t: 0 },
    { t: 0.3, hands: { L: at(0.07, 0.55, 0.2, [1, -0.5, 0]), R: at(-0.07, 0.55, 0.2, [-1, -0.5, 0]) }, shape: { L: 'open', R: 'open' }, head: { pitch: -0.1 } },
    { t: 0.45, ease: 'in', torso: { lean: 0.14 }, head: { pitch: -0.2 } },
    { t: 0.7, torso: { lean: 0.1 }, head: { pitch: -0.15 } },
    { t: 1, hands: REST, ...UPRIGHT, shape: { L: 'relaxed', R: 'relaxed' } },
  ],
};

/** Shush: index finger on the lips, leaning in slightly. */
const shush: ActionDef = {
  id: 'shush',
  dur: [2, 2.5],
  hold: [0.3, 0.75],
  keys: [
    { t: 0 },
    { t: 0.3, hands: { R: at(-0.02, 0.5, 0.2, [-1, -1, 0]) }, shape: { R: 'point' }, head: { pitch: 0.08 }, torso: { lean: 0.06 } },
    { t: 0.75, hands: { R: at(-0.02, 0.5, 0.2) } },
    { t: 1, hands: REST_R, ...UPRIGHT, shape: { R: 'relaxed' } },
  ],
};

/** Arms up: both arms reach straight up overhead, palms open, chest lifting. */
const armsUp: ActionDef = {
  id: 'armsUp',
  dur: [2, 2.6],
  hold: [0.3, 0.75],
  vars: { w: [0.12, 0.32], lw: [-0.32, -0.12] },
  keys: [
    { t: 0 },
    {
      t: 0.3,
      hands: { L: at('w', 0.95, 0.06, [1, 0, -0.3]), R: at('lw', 0.95, 0.06, [-1, 0, -0.3]) },
      shape: { L: 'open', R: 'open' },
      head: { pitch: [-0.3, -0.1] },
      torso: { lean: -0.06 },
    },
    { t: 0.75, hands: { L: at('w', 0.94, 0.07), R: at('lw', 0.94, 0.07) } },
    { t: 1, hands: REST, ...UPRIGHT, shape: { L: 'relaxed', R: 'relaxed' } },
  ],
};

/** Clap overhead: arms up, hands meeting above the head on each beat (the first clap after the arms are up). */
const clapOverhead: ActionDef = {
  id: 'clapOverhead',
  dur: [0.7, 0.8],
  fill: true,
  loop: [0.25, 1],
  keys: [
    { t: 0 },
    { t: 0.25, hands: { L: at(0.16, 0.9, 0.1, [1, 0, -0.3]), R: at(-0.16, 0.9, 0.1, [-1, 0, -0.3]) }, shape: { L: 'open', R: 'open' }, head: { pitch: -0.15 } },
    { t: 0.625, ease: 'in', hands: { L: at(0.015, 0.94, 0.12), R: at(-0.015, 0.94, 0.12) } },
    { t: 1, hands: { L: at(0.16, 0.9, 0.1), R: at(-0.16, 0.9, 0.1) } },
  ],
};

/** Dab: the face ducks into the crook of the left elbow while the right arm shoots out straight and up. */
const dab: ActionDef = {
  id: 'dab',
  dur: [1.8, 2.3],
  hold: [0.3, 0.65],
  keys: [
    { t: 0 },
    {
      t: 0.3,
      ease: 'in',
      hands: { R: at(-0.62, 0.72, 0.16, [-1, -0.3, 0]), L: at(-0.33, 0.74, 0.24, [0, -1, 0.3]) },
      head: { pitch: 0.5, yaw: -0.35 },
      torso: { lean: 0.15, side: -0.12 },
      shape: { L: 'open', R: 'open' },
    },
    { t: 0.65, hands: { R: at(-0.62, 0.72, 0.16), L: at(-0.33, 0.74, 0.24) } },
    { t: 1, hands: REST, ...UPRIGHT, shape: { L: 'relaxed', R: 'relaxed' } },
  ],
};

/** Cover the ears: both palms clamp over the ears, shoulders up, head shrinking down. */
const coverEars: ActionDef = {
  id: 'coverEars',
  dur: [2.2, 2.8],
  hold: [0.3, 0.75],
  keys: [
    { t: 0 },
    {
      t: 0.25,
      ease: 'out',
      hands: { L: at(0.12, 0.56, 0.02, [1, -0.4, -0.2]), R: at(-0.12, 0.56, 0.02, [-1, -0.4, -0.2]) },
      head: { pitch: 0.25 },
      torso: { lean: 0.1 },
      shape: { L: 'open', R: 'open' },
    },
    { t: 0.5, head: { pitch: 0.28, yaw: 0.1 } },
    { t: 0.75, head: { pitch: 0.25, yaw: -0.05 } },
    { t: 1, hands: REST, ...UPRIGHT, shape: { L: 'relaxed', R: 'relaxed' } },
  ],
};

// ---- Full body --------------------------------------------------------------------------------------

/** Hug: step in, arms open wide then wrap around the other person's back, head to the side, a squeeze, release and step back. */
const hug: ActionDef = {
  id: 'hug',
  dur: [3.2, 4],
  hold: [0.4, 0.65],
  keys: [
    { t: 0 },
    {
      t: 0.18,
      hands: { L: at([0.4, 0.55], [0.25, 0.45], 0.3, [1, -0.5, 0]), R: at([-0.55, -0.4], [0.25, 0.45], 0.3, [-1, -0.5, 0]) },
      shape: { L: 'open', R: 'open' },
      head: { pitch: -0.05 },
    },
    {
      t: 0.32,
      hips: { y: 0.94, z: 0.18 },
      feet: { L: { at: [0, 0.08, 0.3] } },
      torso: { lean: [0.06, 0.16] },
      head: { yaw: [0.3, 0.6], pitch: 0.05 },
      hands: { L: at(0.08, 0.36, 0.45, [1, 0, 0]), R: at(-0.1, 0.3, 0.46, [-1, 0, 0]) },
    },
    { t: 0.4, torso: { lean: 0.13, side: 0.04 }, hands: { L: at(0.06, 0.36, 0.44), R: at(-0.08, 0.3, 0.45) } },
    { t: 0.65, torso: { lean: 0.1, side: -0.04 } },
    {
      t: 0.8,
      hips: { y: 0.955, z: 0.06 },
      feet: { L: { at: [0, 0.08, 0.05] } },
      torso: { lean: 0, side: 0 },
      head: { yaw: 0, pitch: 0 },
      hands: { L: at(0.3, 0.1, 0.25), R: at(-0.3, 0.1, 0.25) },
    },
    { t: 1, ...standAt(0.03, 0, 0.05), feet: { L: { at: [0, 0.08, 0.05] }, R: { at: [0, 0.08, 0] } } },
  ],
};

/** Curtsy: the right foot slides behind the left, both knees bend, head bows, hands hold the skirt out; rise. */
const curtsy: ActionDef = {
  id: 'curtsy',
  dur: [2.6, 3.2],
  hold: [0.4, 0.6],
  keys: [
    { t: 0 },
    {
      t: 0.2,
      hands: { L: at(0.32, -0.02, 0.14, [1, -0.6, 0]), R: at(-0.32, -0.02, 0.14, [-1, -0.6, 0]) },
      shape: { L: 'pinch', R: 'pinch' },
      feet: { R: { at: [0.12, 0.12, -0.22], contact: false } },
    },
    {
      t: 0.4,
      ease: 'out',
      hips: { y: 0.78, x: 0.02 },
      feet: { R: { at: [0.14, 0.1, -0.25], pitch: 0.6 } },
      torso: { lean: 0.15 },
      head: { pitch: 0.4 },
      hands: { L: at(0.34, -0.05, 0.16), R: at(-0.34, -0.05, 0.16) },
    },
    { t: 0.6, hips: { y: 0.79 } },
    { t: 0.8, hips: { y: 0.95, x: 0 }, feet: { R: { at: [0, 0.12, -0.1], contact: false, pitch: 0.2 } }, torso: { lean: 0.02 }, head: { pitch: 0.05 } },
    { t: 1, ...standAt() },
  ],
};

/** Kneel and pray: down on both knees, palms together at the chest, head bowed, staying there. */
const kneelPray: ActionDef = {
  id: 'kneelPray',
  dur: [3.4, 4.2],
  hold: [0.55, 1],
  ends: 'kneel',
  vars: PRAY_VARS,
  keys: [
    { t: 0 },
    { t: 0.2, hips: { y: 0.75, z: -0.02 }, feet: { R: { at: [0, 0.12, -0.35], contact: false, pitch: 0.3 } }, torso: { lean: 0.1 } },
    // Kneeling, the weight is on the knees: the feet behind are not the support the balance filter
    // should centre the body over (it would drag the hips back and lift a knee).
    { t: 0.32, hips: { y: 0.6, z: -0.08 }, feet: { R: { at: [0, 0.1, -0.55], pitch: 1.4, contact: false } } },
    { t: 0.45, hips: { y: 0.52, z: -0.12 }, feet: { L: { at: [0, 0.1, -0.55], pitch: 1.4, contact: false } }, torso: { lean: 0.02 } },
    { t: 0.55, hands: PRAY_HANDS, shape: { L: 'open', R: 'open' }, head: { pitch: 'bow' }, torso: { lean: 0.06 } },
    { t: 1, hips: { y: 0.52, z: -0.12 } },
  ],
};

/** Celebrate: a jump with both fists thrown up high, landing into a crouched "yes!" pull-down. */
const celebrate: ActionDef = {
  id: 'celebrate',
  dur: [2.4, 2.9],
  keys: [
    { t: 0 },
    { t: 0.2, ease: 'out', hips: { y: 0.8, pitch: 0.2 }, torso: { lean: 0.2 }, hands: { L: at(0.25, 0.15, 0.2), R: at(-0.25, 0.15, 0.2) }, shape: { L: 'fist', R: 'fist' } },
    {
      t: 0.3,
      hips: { y: 1.0, pitch: 0 },
      torso: { lean: -0.1 },
      head: { pitch: -0.3 },
      feet: { L: { at: [0, 0.1, 0], pitch: 0.9 }, R: { at: [0, 0.1, 0], pitch: 0.9 } },
      hands: { L: at(0.28, 0.95, 0.1, [1, 0, -0.3]), R: at(-0.28, 0.95, 0.1, [-1, 0, -0.3]) },
    },
    { t: 0.33, air: true, hips: { y: 1.0 }, feet: { L: { at: [0, 0.3, 0], contact: false, pitch: 0.5 }, R: { at: [0, 0.3, 0], contact: false, pitch: 0.5 } } },
    { t: 0.52, hips: { y: 0.95 }, feet: { L: { at: [0, 0.08, 0], pitch: 0 }, R: { at: [0, 0.08, 0], pitch: 0 } } },
    {
      t: 0.62,
      ease: 'in',
      hips: { y: 0.82, pitch: 0.15 },
      torso: { lean: 0.25 },
      head: { pitch: 0.1 },
      hands: { L: at(0.2, 0.3, 0.25, [1, -0.8, 0]), R: at(-0.2, 0.3, 0.25, [-1, -0.8, 0]) },
    },
    { t: 0.78, hips: { y: 0.93, pitch: 0 }, torso: { lean: -0.05 }, head: { pitch: -0.15 }, hands: { R: at(-0.25, 0.9, 0.12) } },
    { t: 1, ...standAt() },
  ],
};

export default [
  facepalm,
  thumbsUp,
  airGuitar,
  pray,
  cry,
  laugh,
  beckon,
  stopHand,
  blowKiss,
  fistPump,
  checkWatch,
  scratchHead,
  handsOnHips,
  flex,
  victory,
  wipeForehead,
  yawn,
  callOut,
  shush,
  armsUp,
  clapOverhead,
  dab,
  coverEars,
  hug,
  curtsy,
  kneelPray,
  celebrate,
] satisfies ActionDef[];
