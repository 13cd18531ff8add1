/**
 * Idles and moods, authored in the action format (docs/action-format.md). Idles are cycles or held
 * poses with small living motion (wobbles, breathing, weight shifts), so they fill any segment length.
 */
import type { ActionDef, HandKey, KeyPose, Num } from '../format.ts';
import { tileKeys } from './cycles.ts';
import { standAt } from './poses.ts';

type Frag = Omit<KeyPose, 't'>;
type P3 = readonly [number, number, number];
const at = (x: Num, y: Num, z: Num, pole?: P3): HandKey => (pole ? { at: [x, y, z], pole } : { at: [x, y, z] });
const HANDS_ON_HIPS: Frag['hands'] = { L: at(0.2, 0.06, 0.0, [1, 0, -0.4]), R: at(-0.2, 0.06, 0.0, [-1, 0, -0.4]) };

/**
 * Balance on one foot: weight over the left foot, right knee up, arms out like a tightrope walker,
 * wobbling (hips, chest and arms correcting against each other) while it holds; then the foot comes down.
 */
const balanceOneFoot: ActionDef = {
  id: 'balanceOneFoot',
  side: 'L',
  dur: [4, 5],
  fill: true,
  loop: [0.25, 0.75],
  vars: { wob: [0.05, 0.1] },
  keys: [
    { t: 0 },
    { t: 0.12, hips: { x: 0.09, y: 0.94 }, torso: { side: -0.05 } },
    {
      t: 0.25,
      hips: { x: 0.1, y: 0.95, roll: 0 },
      legs: { R: { flex: 1.0, knee: 1.5, abduct: 0.15 } },
      torso: { side: 0 },
      hands: { L: at(0.58, 0.38, 0.05, [0, -1, -0.3]), R: at(-0.58, 0.38, 0.05, [0, -1, -0.3]) },
      shape: { L: 'open', R: 'open' },
    },
    { t: 0.37, hips: { roll: 'wob' }, torso: { side: 'wob' }, hands: { L: at(0.56, 0.3, 0.08), R: at(-0.57, 0.46, 0.02) }, head: { roll: -0.05 } },
    { t: 0.5, hips: { roll: 0 }, torso: { side: 0 }, hands: { L: at(0.58, 0.38, 0.05), R: at(-0.58, 0.38, 0.05) }, head: { roll: 0 } },
    { t: 0.62, hips: { roll: '-wob' }, torso: { side: '-wob' }, hands: { L: at(0.57, 0.46, 0.02), R: at(-0.56, 0.3, 0.08) }, head: { roll: 0.05 } },
    { t: 0.75, hips: { roll: 0 }, torso: { side: 0 }, hands: { L: at(0.58, 0.38, 0.05), R: at(-0.58, 0.38, 0.05) }, head: { roll: 0 } },
    { t: 0.88, hips: { x: 0.05, y: 0.94 }, feet: { R: { at: [0, 0.08, 0] } }, hands: { L: at(0.35, 0.05, 0.08), R: at(-0.35, 0.05, 0.08) } },
    { t: 1, ...standAt() },
  ],
};

/** Tired: bent over with the hands on the knees, catching the breath, the back heaving. */
const tired: ActionDef = {
  id: 'tired',
  dur: [4.5, 5.5],
  fill: true,
  loop: [0.25, 0.75],
  keys: [
    { t: 0 },
    {
      t: 0.25,
      hips: { y: 0.86, z: -0.05, pitch: [0.35, 0.55] },
      torso: { lean: 0.25 },
      head: { pitch: -0.1 },
      feet: { L: { at: [0.06, 0.08, 0] }, R: { at: [-0.06, 0.08, 0] } },
      // Palms on the knees: ground-relative, the knees being about 0.48 m up and 0.22 m ahead.
      hands: { L: { at: [0.13, 0.52, 0.24], ground: true, pole: [1, 0.2, -0.5] }, R: { at: [-0.13, 0.52, 0.24], ground: true, pole: [-1, 0.2, -0.5] } },
      shape: { L: 'open', R: 'open' },
    },
    ...[0, 1].flatMap((i): KeyPose[] => [
      { t: 0.25 + i * 0.25 + 0.1, hips: { y: 0.87 }, torso: { lean: 0.18 }, head: { pitch: -0.18 } },
      { t: 0.25 + (i + 1) * 0.25, hips: { y: 0.86 }, torso: { lean: 0.25 }, head: { pitch: -0.1 } },
    ]),
    { t: 0.88, hips: { y: 0.93, z: -0.02, pitch: 0.1 }, torso: { lean: 0.12 }, head: { pitch: 0.2 }, hands: { L: at(0.29, -0.04, 0.06), R: at(-0.29, -0.04, 0.06) } },
    { t: 1, ...standAt(), torso: { lean: 0.08 } },
  ],
};

/** Bored: weight slumped onto one hip then the other, a sigh, looking away, hands hanging idle. */
const bored: ActionDef = {
  id: 'bored',
  dur: [6, 7.5],
  cycle: true,
  vars: { look: [0.3, 0.7], sigh: [0.15, 0.35] },
  keys: [
    {
      t: 0,
      hips: { x: 0.06, y: 0.94, roll: -0.08 },
      torso: { side: 0.06, lean: 0.06 },
      head: { roll: 0.1, pitch: 0.15, yaw: 0 },
      feet: { R: { at: [-0.05, 0.09, 0.08], pitch: 0.3 }, L: { at: [0, 0.08, 0] } },
    },
    { t: 0.2, head: { yaw: 'look', pitch: 0.05 } },
    { t: 0.32, torso: { lean: -0.04 }, head: { pitch: -0.2 }, arms: { L: { shrug: 'sigh' }, R: { shrug: 'sigh' } } },
    { t: 0.42, torso: { lean: 0.1 }, head: { pitch: 0.2, yaw: 0.2 }, arms: { L: { shrug: 0 }, R: { shrug: 0 } } },
    {
      t: 0.55,
      hips: { x: -0.06, roll: 0.08 },
      torso: { side: -0.06 },
      head: { roll: -0.1, yaw: '-look' },
      feet: { R: { at: [0, 0.08, 0], pitch: 0 }, L: { at: [0.05, 0.09, 0.08], pitch: 0.3 } },
    },
    { t: 0.8, head: { yaw: -0.1, pitch: 0.25 } },
    {
      t: 1,
      hips: { x: 0.06, y: 0.94, roll: -0.08 },
      torso: { side: 0.06, lean: 0.06 },
      head: { roll: 0.1, pitch: 0.15, yaw: 0 },
      feet: { R: { at: [-0.05, 0.09, 0.08], pitch: 0.3 }, L: { at: [0, 0.08, 0] } },
    },
  ],
};

/** Cold: arms hugging the body, shoulders hunched, knees together, shivering in quick small trembles. */
const COLD: Frag = {
  hips: { y: 0.92, x: 0 },
  torso: { lean: 0.1 },
  head: { pitch: 0.2 },
  feet: { L: { at: [-0.03, 0.08, 0] }, R: { at: [0.03, 0.08, 0] } },
  hands: { L: at(-0.16, 0.33, 0.1, [1, -1, 0.2]), R: at(0.16, 0.3, 0.12, [-1, -1, 0.2]) },
  arms: { L: { shrug: 0.3 }, R: { shrug: 0.3 } },
  shape: { L: 'fist', R: 'fist' },
};
const cold: ActionDef = {
  id: 'cold',
  dur: [2.1, 2.6],
  cycle: true,
  keys: tileKeys(
    [
      { t: 0, ...COLD },
      { t: 0.25, hips: { x: 0.012, y: 0.915 }, torso: { twist: 0.05 }, hands: { L: at(-0.15, 0.335, 0.1), R: at(0.17, 0.305, 0.12) } },
      { t: 0.5, hips: { x: 0, y: 0.92 }, torso: { twist: 0 }, hands: { L: at(-0.16, 0.33, 0.1), R: at(0.16, 0.3, 0.12) } },
      { t: 0.75, hips: { x: -0.012, y: 0.915 }, torso: { twist: -0.05 }, hands: { L: at(-0.17, 0.325, 0.1), R: at(0.15, 0.295, 0.12) } },
      { t: 1, ...COLD },
    ],
    8,
  ),
};

/** Impatient: hands on hips, weight on the left leg, the right foot tapping its toes, head tilting about. */
const impatient: ActionDef = {
  id: 'impatient',
  dur: [1.5, 1.8],
  cycle: true,
  keys: tileKeys(
    [
      {
        t: 0,
        hips: { x: 0.05, y: 0.95 },
        hands: HANDS_ON_HIPS,
        shape: { L: 'open', R: 'open' },
        head: { pitch: -0.05, roll: 0.05 },
        feet: { R: { at: [-0.02, 0.08, 0.1], pitch: 0 } },
      },
      { t: 0.45, feet: { R: { at: [-0.02, 0.1, 0.1], pitch: -0.4, contact: false } }, head: { pitch: -0.08 } },
      { t: 0.6, ease: 'in', feet: { R: { at: [-0.02, 0.08, 0.1], pitch: 0 } }, head: { pitch: -0.05 } },
      { t: 1, hips: { x: 0.05, y: 0.95 } },
    ],
    4,
  ),
};

/** Nervous: wringing the hands in front, darting glances, shifting weight, shoulders up. */
const nervous: ActionDef = {
  id: 'nervous',
  dur: [2.6, 3.2],
  cycle: true,
  vars: { dart: [0.3, 0.65] },
  keys: [
    {
      t: 0,
      hips: { x: 0.02, y: 0.94 },
      hands: { L: at(0.04, 0.16, 0.24, [1, -1, 0]), R: at(-0.04, 0.14, 0.25, [-1, -1, 0]) },
      arms: { L: { shrug: 0.15 }, R: { shrug: 0.15 } },
      head: { pitch: 0.15, yaw: 0 },
      torso: { lean: 0.05 },
      shape: { L: 'relaxed', R: 'grip' },
    },
    { t: 0.15, hands: { L: at(0.02, 0.14, 0.25), R: at(-0.05, 0.16, 0.24) }, head: { yaw: 'dart', pitch: 0 } },
    { t: 0.3, hands: { L: at(0.05, 0.16, 0.24), R: at(-0.03, 0.14, 0.25) }, head: { yaw: 0.45 } },
    { t: 0.45, hips: { x: -0.02 }, hands: { L: at(0.03, 0.14, 0.25), R: at(-0.05, 0.16, 0.24) }, head: { yaw: '-dart', pitch: 0.05 } },
    { t: 0.6, hands: { L: at(0.05, 0.16, 0.24), R: at(-0.03, 0.14, 0.25) }, head: { yaw: -0.35 } },
    { t: 0.78, hands: { L: at(0.02, 0.14, 0.25), R: at(-0.05, 0.16, 0.24) }, head: { yaw: 0.05, pitch: 0.25 } },
    { t: 1, hips: { x: 0.02, y: 0.94 }, hands: { L: at(0.04, 0.16, 0.24), R: at(-0.04, 0.14, 0.25) }, head: { pitch: 0.15, yaw: 0 } },
  ],
};

/** Breathing heavily: hands on hips, the chest heaving and shoulders rising on each breath. */
const breatheHeavy: ActionDef = {
  id: 'breatheHeavy',
  dur: [0.9, 1.1],
  cycle: true,
  keys: [
    {
      t: 0,
      hips: { y: 0.94 },
      hands: HANDS_ON_HIPS,
      shape: { L: 'open', R: 'open' },
      torso: { lean: 0.1 },
      head: { pitch: 0.1 },
      arms: { L: { shrug: 0 }, R: { shrug: 0 } },
      feet: { L: { at: [0.04, 0.08, 0] }, R: { at: [-0.04, 0.08, 0] } },
    },
    { t: 0.4, torso: { lean: -0.06 }, head: { pitch: -0.15 }, hips: { y: 0.95 }, arms: { L: { shrug: 0.25 }, R: { shrug: 0.25 } } },
    { t: 1, torso: { lean: 0.1 }, head: { pitch: 0.1 }, hips: { y: 0.94 }, arms: { L: { shrug: 0 }, R: { shrug: 0 } } },
  ],
};

/** Stretch: fingers laced, arms pushed up overhead, chest lifting, bending to one side then the other. */
const stretchIdle: ActionDef = {
  id: 'stretchIdle',
  dur: [5, 6],
  hold: [0.3, 0.4],
  keys: [
    { t: 0 },
    { t: 0.2, hands: { L: at(0.03, 0.5, 0.2), R: at(-0.03, 0.5, 0.2) }, shape: { L: 'grip', R: 'grip' } },
    { t: 0.3, hands: { L: at(0.03, 0.98, 0.04, [1, 0, -0.3]), R: at(-0.03, 0.98, 0.04, [-1, 0, -0.3]) }, hips: { y: 0.965 }, head: { pitch: -0.2 }, torso: { lean: -0.08 } },
    { t: 0.4, hips: { y: 0.965 } },
    { t: 0.5, hips: { y: 0.955, x: -0.04 }, torso: { side: 0.3, lean: 0 }, hands: { L: at(-0.15, 0.95, 0.04), R: at(-0.21, 0.95, 0.04) }, head: { pitch: 0, roll: 0.15 } },
    { t: 0.65, hips: { x: 0 }, torso: { side: 0 }, hands: { L: at(0.03, 1.0, 0.04), R: at(-0.03, 1.0, 0.04) }, head: { roll: 0 } },
    { t: 0.8, hips: { x: 0.04 }, torso: { side: -0.3 }, hands: { L: at(0.21, 0.95, 0.04), R: at(0.15, 0.95, 0.04) }, head: { roll: -0.15 } },
    { t: 1, ...standAt() },
  ],
};

/** Standing guard: feet apart, hands clasped in front at the belt, chest up, the head scanning slowly. */
const guard: ActionDef = {
  id: 'guard',
  dur: [6, 7.5],
  cycle: true,
  vars: { scan: [0.35, 0.75] },
  keys: [
    {
      t: 0,
      hips: { y: 0.94 },
      feet: { L: { at: [0.1, 0.08, 0], yaw: 0.15 }, R: { at: [-0.1, 0.08, 0], yaw: -0.15 } },
      hands: { L: at(0.025, -0.06, 0.18, [1, -1, 0]), R: at(-0.025, -0.04, 0.19, [-1, -1, 0]) },
      shape: { L: 'relaxed', R: 'grip' },
      torso: { lean: -0.05 },
      head: { yaw: 0, pitch: -0.03 },
    },
    { t: 0.3, head: { yaw: 'scan' }, torso: { twist: 0.08 } },
    { t: 0.45, head: { yaw: 'scan' } },
    { t: 0.75, head: { yaw: '-scan' }, torso: { twist: -0.08 } },
    { t: 0.88, head: { yaw: '-scan' } },
    { t: 1, head: { yaw: 0 }, torso: { twist: 0 } },
  ],
};

/** Sleepy: the head drifts down as the body slumps, then jerks awake; the eyes-heavy cycle repeats. */
const sleepy: ActionDef = {
  id: 'sleepy',
  dur: [4, 5],
  cycle: true,
  keys: [
    { t: 0, hips: { y: 0.94 }, torso: { lean: 0.05 }, head: { pitch: 0.15 }, arms: { L: { down: 1.3, elbow: 0.1 }, R: { down: 1.3, elbow: 0.1 } } },
    { t: 0.7, ease: 'in', hips: { y: 0.92 }, torso: { lean: [0.1, 0.22], side: [-0.06, 0.06] }, head: { pitch: [0.5, 0.75], roll: [-0.15, 0.15] } },
    { t: 0.78, hips: { y: 0.95 }, torso: { lean: -0.02, side: 0 }, head: { pitch: -0.1, roll: 0 } },
    { t: 1, hips: { y: 0.94 }, torso: { lean: 0.05 }, head: { pitch: 0.15 } },
  ],
};

/** Look up: head tipped back scanning the sky, the body arching slightly, a hand shading the eyes. */
const lookUp: ActionDef = {
  id: 'lookUp',
  dur: [3.5, 4.5],
  hold: [0.3, 0.75],
  keys: [
    { t: 0 },
    {
      t: 0.3,
      head: { pitch: [-0.7, -0.5], yaw: [-0.3, 0.3] },
      torso: { lean: [-0.2, -0.1] },
      hips: { z: 0.02, y: 0.95 },
      hands: { R: at(-0.04, 0.66, 0.2, [-1, -0.3, 0]) },
      shape: { R: 'open' },
    },
    { t: 0.5, head: { pitch: -0.65, yaw: -0.2 } },
    { t: 0.75, head: { pitch: -0.6, yaw: 0.1 } },
    { t: 1, ...standAt() },
  ],
};

/** Waiting: hands clasped behind the back, weight shifting between the feet, glancing around, a little rock on the heels. */
const waitIdle: ActionDef = {
  id: 'waitIdle',
  dur: [7, 8.5],
  cycle: true,
  keys: [
    {
      t: 0,
      hips: { x: 0.04, y: 0.95, z: 0 },
      hands: { L: at(0.04, -0.02, -0.16, [1, -0.6, 0.2]), R: at(-0.04, -0.02, -0.16, [-1, -0.6, 0.2]) },
      shape: { L: 'relaxed', R: 'grip' },
      head: { yaw: 0, pitch: 0 },
      feet: { L: { at: [0, 0.08, 0], pitch: 0 }, R: { at: [0, 0.08, 0], pitch: 0 } },
    },
    { t: 0.2, head: { yaw: [0.3, 0.7] } },
    { t: 0.35, hips: { x: [-0.06, -0.02] }, head: { yaw: 0.1 } },
    { t: 0.48, hips: { z: 0.03, y: 0.97 }, feet: { L: { at: [0, 0.11, 0], pitch: 0.5 }, R: { at: [0, 0.11, 0], pitch: 0.5 } } },
    { t: 0.56, hips: { z: 0, y: 0.95 }, feet: { L: { at: [0, 0.08, 0], pitch: 0 }, R: { at: [0, 0.08, 0], pitch: 0 } } },
    { t: 0.72, head: { yaw: -0.45, pitch: -0.05 } },
    { t: 0.86, hips: { x: 0.04 }, head: { yaw: -0.1, pitch: 0.1 } },
    { t: 1, hips: { x: 0.04, y: 0.95, z: 0 }, head: { yaw: 0, pitch: 0 } },
  ],
};

export default [balanceOneFoot, tired, bored, cold, impatient, nervous, breatheHeavy, stretchIdle, guard, sleepy, lookUp, waitIdle] satisfies ActionDef[];
