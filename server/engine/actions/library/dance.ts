/**
 * Dance styles, authored in the action format (docs/action-format.md). Each style is a cycle on its
 * own musical count (waltz 3/4 box, salsa's 8-count basic, disco's 2-beat point), so counts and
 * longer segments repeat whole bars; the generic `dance` stays the procedural groove generator.
 */
import type { ActionDef, HandKey, KeyPose } from '../format.ts';

import { tileKeys } from './cycles.ts';

type Frag = Omit<KeyPose, 't'>;
type P3 = readonly [number, number, number];
const at = (x: number, y: number, z: number, pole?: P3): HandKey => (pole ? { at: [x, y, z], pole } : { at: [x, y, z] });
/** A key at count `c` of an `n`-count bar. */
const beat = (c: number, n: number, k: Frag): KeyPose => ({ t: c / n, ...k });

/** Closed ballroom frame: left hand up holding the partner's hand, right hand on the partner's back, head turned left. */
const BALLROOM_FRAME: Frag = {
  hands: { L: at(0.36, 0.5, 0.22, [1, -0.6, 0]), R: at(-0.02, 0.32, 0.32, [-1, -0.2, -0.2]) },
  head: { yaw: 0.35, pitch: -0.08 },
  torso: { lean: -0.05 },
  shape: { L: 'grip', R: 'open' },
};

/**
 * Waltz box step (6 counts, two bars of 3/4): forward-side-close, back-side-close, with rise and fall:
 * down on each "1", rising onto the toes through "2, 3", lowering at the end of "3".
 */
const waltz: ActionDef = {
  id: 'waltz',
  dur: [3.6, 4.2],
  cycle: true,
  vars: { rise: [0.99, 1.02], fall: [0.88, 0.91], step: [0.26, 0.32] },
  keys: [
    { t: 0, ...BALLROOM_FRAME, hips: { y: 0.94, x: 0, z: 0 }, torso: { side: 0, lean: -0.05 }, feet: { L: { at: [0, 0.08, 0], pitch: 0 }, R: { at: [0, 0.08, 0], pitch: 0 } } },
    beat(1, 6, { hips: { y: 'fall', z: 0.15 }, feet: { L: { at: [0, 0.08, 'step'] } }, torso: { side: 0 } }),
    beat(2, 6, {
      hips: { y: 'rise', x: -0.14, z: 0.28 },
      torso: { side: 0.08 },
      feet: { R: { at: [-0.3, 0.11, 'step'], pitch: 0.45 }, L: { at: [0, 0.11, 'step'], pitch: 0.45 } },
    }),
    beat(3, 6, { hips: { y: 0.97, x: -0.28, z: 0.3 }, torso: { side: 0.04 }, feet: { L: { at: [-0.3, 0.08, 'step'], pitch: 0 }, R: { at: [-0.3, 0.08, 'step'], pitch: 0 } } }),
    beat(4, 6, { hips: { y: 'fall', x: -0.3, z: 0.15 }, torso: { side: 0 }, feet: { R: { at: [-0.3, 0.08, 0] } } }),
    beat(5, 6, { hips: { y: 'rise', x: -0.15, z: 0.0 }, torso: { side: -0.08 }, feet: { L: { at: [0, 0.11, 0], pitch: 0.45 }, R: { at: [-0.3, 0.11, 0], pitch: 0.45 } } }),
    { t: 1, ...BALLROOM_FRAME, hips: { y: 0.94, x: 0, z: 0 }, torso: { side: 0, lean: -0.05 }, feet: { L: { at: [0, 0.08, 0], pitch: 0 }, R: { at: [0, 0.08, 0], pitch: 0 } } },
  ],
};

/** Hip-hop bounce: knees drop on every beat, step-touch side to side, chest and shoulders popping, head nodding. */
const hipHop: ActionDef = {
  id: 'hipHop',
  dur: [1.2, 1.4],
  cycle: true,
  vars: { down: [0.84, 0.88] },
  keys: [
    {
      t: 0,
      hips: { y: 0.92, x: 0, pitch: 0.05 },
      torso: { lean: 0.0 },
      head: { pitch: -0.05 },
      feet: { L: { at: [0, 0.08, 0] }, R: { at: [0, 0.08, 0] } },
      arms: { L: { down: 1.15, forward: 0.1, elbow: 1.3, shrug: 0 }, R: { down: 1.15, forward: 0.1, elbow: 1.3, shrug: 0 } },
      shape: { L: 'relaxed', R: 'relaxed' },
    },
    {
      t: 0.25,
      ease: 'in',
      hips: { y: 'down', x: 0.08, pitch: 0.2, yaw: 0.15 },
      torso: { lean: 0.18, twist: -0.15 },
      head: { pitch: 0.25 },
      feet: { L: { at: [0.16, 0.08, 0] } },
      arms: { L: { forward: -0.3, elbow: 1.0, shrug: 0.2 }, R: { forward: 0.55, elbow: 1.5 } },
      shape: { R: 'fist' },
    },
    {
      t: 0.5,
      hips: { y: 0.92, x: 0.12, pitch: 0.05, yaw: 0 },
      torso: { lean: -0.05, twist: 0 },
      head: { pitch: -0.05 },
      feet: { R: { at: [0.1, 0.12, 0.02], pitch: 0.4, contact: false } },
      arms: { L: { forward: 0.1, elbow: 1.3, shrug: 0 }, R: { forward: 0.1, elbow: 1.3 } },
    },
    {
      t: 0.75,
      ease: 'in',
      hips: { y: 'down', x: 0.04, pitch: 0.2, yaw: -0.15 },
      torso: { lean: 0.18, twist: 0.15 },
      head: { pitch: 0.25 },
      feet: { L: { at: [0, 0.08, 0] }, R: { at: [0, 0.08, 0], pitch: 0 } },
      arms: { L: { forward: 0.55, elbow: 1.5 }, R: { forward: -0.3, elbow: 1.0, shrug: 0.2 } },
      shape: { L: 'fist', R: 'relaxed' },
    },
    {
      t: 1,
      hips: { y: 0.92, x: 0, pitch: 0.05, yaw: 0 },
      torso: { lean: 0.0, twist: 0 },
      head: { pitch: -0.05 },
      arms: { L: { down: 1.15, forward: 0.1, elbow: 1.3, shrug: 0 }, R: { down: 1.15, forward: 0.1, elbow: 1.3, shrug: 0 } },
      shape: { L: 'relaxed' },
    },
  ],
};

/**
 * The robot: one body part at a time moves at constant speed and stops dead (linear spans between
 * held keys), flat hands, elbows at right angles, a dip on stiff knees.
 */
const ROBOT_BASE: Frag = {
  hands: { L: at(0.2, 0.18, 0.32, [1, -0.8, -0.4]), R: at(-0.2, 0.18, 0.32, [-1, -0.8, -0.4]) },
  head: { yaw: 0, pitch: 0 },
  torso: { twist: 0, lean: 0 },
  hips: { y: 0.95 },
};
const robotPoses: Frag[] = [
  ROBOT_BASE,
  { head: { yaw: 0.8 } },
  { hands: { R: at(-0.18, 0.45, 0.5, [-1, -0.5, 0]) } },
  { torso: { twist: 0.35 }, head: { yaw: 0.4 } },
  { hands: { L: at(0.42, 0.62, 0.05, [1, 0, -0.3]) } },
  { hips: { y: 0.86 }, torso: { twist: 0 }, head: { yaw: -0.6 } },
  { hands: { R: at(-0.2, 0.18, 0.32), L: at(0.2, 0.18, 0.32) }, head: { yaw: 0 }, hips: { y: 0.95 } },
];
const robot: ActionDef = {
  id: 'robot',
  dur: [5, 6],
  cycle: true,
  keys: [
    { t: 0, ...ROBOT_BASE, shape: { L: 'open', R: 'open' } },
    ...robotPoses.slice(1).flatMap((p, i): KeyPose[] => {
      const t0 = (i + 1) / robotPoses.length - 0.05,
        t1 = (i + 1) / robotPoses.length + 0.05;
      return [
        { t: t0, ease: 'linear', ...p },
        { t: Math.min(0.999, t1), ease: 'linear', ...p },
      ];
    }),
    { t: 1, ease: 'linear', ...ROBOT_BASE },
  ],
};

/**
 * Salsa basic (8 counts, "quick-quick-slow"): forward on the left, replace, close; back on the right,
 * replace, close; the hips settle onto each weight-bearing leg (Cuban motion), arms bent at the waist.
 */
const SALSA_ARMS: Frag = { arms: { L: { down: 1.1, forward: 0.35, elbow: 1.5 }, R: { down: 1.1, forward: 0.35, elbow: 1.5 } }, shape: { L: 'relaxed', R: 'relaxed' } };
const salsa: ActionDef = {
  id: 'salsa',
  dur: [2.4, 2.9],
  cycle: true,
  vars: { hip: [0.12, 0.2], step: [0.2, 0.26] },
  keys: [
    { t: 0, ...SALSA_ARMS, hips: { y: 0.93, x: 0, z: 0, roll: 0, yaw: 0 }, feet: { L: { at: [0, 0.08, 0] }, R: { at: [0, 0.08, 0] } }, torso: { side: 0 } },
    beat(1, 8, {
      hips: { y: 0.91, x: 0.04, z: 0.1, roll: '-hip', yaw: -0.1 },
      torso: { side: 0.08 },
      feet: { L: { at: [0, 0.08, 'step'] } },
      arms: { L: { forward: 0.15 }, R: { forward: 0.5 } },
    }),
    beat(2, 8, { hips: { y: 0.93, x: -0.04, z: 0.02, roll: 'hip', yaw: 0.1 }, torso: { side: -0.08 }, arms: { L: { forward: 0.5 }, R: { forward: 0.15 } } }),
    beat(3, 8, {
      hips: { y: 0.92, x: 0.03, z: 0, roll: '-hip', yaw: 0 },
      torso: { side: 0.06 },
      feet: { L: { at: [0, 0.08, 0] } },
      arms: { L: { forward: 0.35 }, R: { forward: 0.35 } },
    }),
    beat(4, 8, { hips: { x: 0.02, roll: -0.05 } }),
    beat(5, 8, {
      hips: { y: 0.91, x: -0.04, z: -0.1, roll: 'hip', yaw: 0.1 },
      torso: { side: -0.08 },
      feet: { R: { at: [0, 0.08, '-step'] } },
      arms: { L: { forward: 0.5 }, R: { forward: 0.15 } },
    }),
    beat(6, 8, { hips: { y: 0.93, x: 0.04, z: -0.02, roll: '-hip', yaw: -0.1 }, torso: { side: 0.08 }, arms: { L: { forward: 0.15 }, R: { forward: 0.5 } } }),
    beat(7, 8, {
      hips: { y: 0.92, x: -0.03, z: 0, roll: 'hip', yaw: 0 },
      torso: { side: -0.06 },
      feet: { R: { at: [0, 0.08, 0] } },
      arms: { L: { forward: 0.35 }, R: { forward: 0.35 } },
    }),
    { t: 1, ...SALSA_ARMS, hips: { y: 0.93, x: 0, z: 0, roll: 0, yaw: 0 }, torso: { side: 0 } },
  ],
};

/** Disco point: right index finger up across to the sky, then down across to the left hip, hips swaying with a step-touch. */
const disco: ActionDef = {
  id: 'disco',
  dur: [1.0, 1.2],
  cycle: true,
  keys: [
    {
      t: 0,
      hips: { y: 0.93, x: 0, yaw: 0 },
      feet: { L: { at: [0, 0.08, 0] }, R: { at: [0, 0.08, 0] } },
      hands: { L: at(0.2, 0.02, 0.05, [1, 0, 0.3]), R: at(0.14, -0.02, 0.28) },
      shape: { L: 'open', R: 'point' },
    },
    {
      t: 0.35,
      ease: 'in',
      hips: { y: 0.9, x: -0.07, yaw: 0.2 },
      torso: { side: 0.1, twist: -0.1 },
      head: { yaw: -0.4, pitch: -0.25 },
      feet: { R: { at: [-0.12, 0.08, 0] }, L: { at: [-0.04, 0.1, 0], pitch: 0.5 } },
      hands: { R: at(-0.38, 0.95, 0.22, [-1, -0.3, 0]) },
    },
    { t: 0.5, hips: { y: 0.93 } },
    {
      t: 0.85,
      ease: 'in',
      hips: { y: 0.9, x: 0, yaw: -0.1 },
      torso: { side: -0.05, twist: 0.1 },
      head: { yaw: 0.3, pitch: 0.2 },
      feet: { R: { at: [0, 0.08, 0] }, L: { at: [0, 0.08, 0], pitch: 0 } },
      hands: { R: at(0.14, -0.02, 0.28) },
    },
    { t: 1, hips: { y: 0.93, x: 0, yaw: 0 }, torso: { side: 0, twist: 0 }, head: { yaw: 0, pitch: 0 } },
  ],
};

/**
 * Ballet: a port de bras (bras bas → first → fifth → second), a plié in fourth as preparation, a single
 * pirouette en dehors on a relevé with the right leg in passé, and a finish in fourth with the arms open.
 */
const FIRST: Frag['hands'] = { L: at(0.1, 0.2, 0.3, [1, -0.2, 0]), R: at(-0.1, 0.2, 0.3, [-1, -0.2, 0]) };
const ballet: ActionDef = {
  id: 'ballet',
  dur: [6, 7],
  keys: [
    {
      t: 0,
      hands: { L: at(0.1, -0.08, 0.18, [1, -0.2, 0]), R: at(-0.1, -0.08, 0.18, [-1, -0.2, 0]) },
      feet: { L: { at: [0, 0.08, 0], yaw: 0.5 }, R: { at: [0, 0.08, 0], yaw: -0.5 } },
      head: { pitch: -0.05 },
      shape: { L: 'relaxed', R: 'relaxed' },
    },
    { t: 0.1, hands: FIRST, head: { pitch: 0.15, yaw: 0.2 } },
    { t: 0.22, hands: { L: at(0.12, 0.86, 0.12, [1, 0.3, 0]), R: at(-0.12, 0.86, 0.12, [-1, 0.3, 0]) }, head: { pitch: -0.3, yaw: 0 }, torso: { lean: -0.08 } },
    { t: 0.34, hands: { L: at(0.55, 0.38, 0.1, [0.3, -1, 0]), R: at(-0.55, 0.38, 0.1, [-0.3, -1, 0]) }, head: { pitch: 0, yaw: -0.3 }, torso: { lean: 0 } },
    // Preparation: fourth position plié, right foot behind.
    { t: 0.46, hips: { y: 0.86, z: 0.06 }, feet: { R: { at: [0, 0.08, -0.3], yaw: -0.6 } }, hands: { L: at(0.12, 0.2, 0.3), R: at(-0.45, 0.35, 0.15) }, head: { yaw: 0 } },
    // Relevé and passé: the right toe to the left knee, then one full turn.
    {
      t: 0.52,
      hips: { y: 1.0, z: 0.02 },
      feet: { L: { at: [0, 0.17, 0], pitch: 1.3, yaw: 0.5 } },
      legs: { R: { flex: 0.9, abduct: 0.9, twist: 0.6, knee: 2.0 } },
      hands: FIRST,
      turn: 0,
    },
    { t: 0.64, hips: { y: 1.0 }, turn: -6.2832, feet: { L: { at: [0, 0.17, 0], pitch: 1.3, yaw: 0.5 - 6.2832, contact: false } } },
    {
      t: 0.72,
      hips: { y: 0.87, z: 0.06 },
      feet: { L: { at: [0, 0.08, 0], pitch: 0, yaw: 0.5 - 6.2832 }, R: { at: [0, 0.08, -0.3], yaw: -0.6 - 6.2832 } },
      hands: { L: at(0.5, 0.42, 0.12), R: at(-0.5, 0.42, 0.12) },
      head: { pitch: -0.1 },
    },
    { t: 0.86, hips: { y: 0.96, z: 0 }, feet: { R: { at: [0, 0.08, 0], yaw: -0.5 - 6.2832 } }, torso: { lean: -0.05 }, head: { pitch: -0.15, yaw: 0.3 } },
    {
      t: 1,
      hands: { L: at(0.1, -0.08, 0.18), R: at(-0.1, -0.08, 0.18) },
      torso: { lean: 0 },
      head: { pitch: 0, yaw: 0 },
      feet: { L: { at: [0, 0.08, 0], yaw: 0 - 6.2832 }, R: { at: [0, 0.08, 0], yaw: 0 - 6.2832 } },
    },
  ],
};

/** Breakdance top-rock (Indian step): cross-steps in front, alternating sides, arms opening and crossing, bouncing low. */
const breakdance: ActionDef = {
  id: 'breakdance',
  dur: [1.3, 1.6],
  cycle: true,
  keys: [
    {
      t: 0,
      hips: { y: 0.88, z: 0, yaw: 0 },
      torso: { lean: 0.1, twist: 0 },
      feet: { L: { at: [0, 0.08, 0] }, R: { at: [0, 0.08, 0] } },
      hands: { L: at(0.42, 0.25, 0.15), R: at(-0.42, 0.25, 0.15) },
      shape: { L: 'fist', R: 'fist' },
    },
    {
      t: 0.25,
      ease: 'in',
      hips: { y: 0.85, z: 0.1, yaw: 0.35 },
      torso: { lean: -0.15, twist: 0.2 },
      head: { yaw: -0.2 },
      feet: { R: { at: [0.14, 0.08, 0.3], yaw: 0.4 } },
      hands: { L: at(-0.06, 0.32, 0.42, [1, -0.6, 0]), R: at(-0.4, 0.18, -0.15) },
    },
    {
      t: 0.5,
      hips: { y: 0.9, z: 0, yaw: 0 },
      torso: { lean: 0.1, twist: 0 },
      head: { yaw: 0 },
      feet: { R: { at: [0, 0.08, 0], yaw: 0 } },
      hands: { L: at(0.42, 0.25, 0.15), R: at(-0.42, 0.25, 0.15) },
    },
    {
      t: 0.75,
      ease: 'in',
      hips: { y: 0.85, z: 0.1, yaw: -0.35 },
      torso: { lean: -0.15, twist: -0.2 },
      head: { yaw: 0.2 },
      feet: { L: { at: [-0.14, 0.08, 0.3], yaw: -0.4 } },
      hands: { R: at(0.06, 0.32, 0.42, [-1, -0.6, 0]), L: at(0.4, 0.18, -0.15) },
    },
    {
      t: 1,
      hips: { y: 0.88, z: 0, yaw: 0 },
      torso: { lean: 0.1, twist: 0 },
      head: { yaw: 0 },
      feet: { L: { at: [0, 0.08, 0], yaw: 0 } },
      hands: { L: at(0.42, 0.25, 0.15), R: at(-0.42, 0.25, 0.15) },
    },
  ],
};

/** The Twist: on the balls of the feet, hips swivel one way while the shoulders and arms go the other, knees bent. */
const twist: ActionDef = {
  id: 'twist',
  dur: [2.2, 2.8],
  cycle: true,
  vars: { sw: [0.45, 0.65], low: [0.8, 0.87] },
  keys: tileKeys(
    [
      {
        t: 0,
        hips: { y: 'low', yaw: 'sw', pitch: 0.1 },
        torso: { twist: -0.7, lean: 0.1 },
        feet: { L: { at: [0, 0.1, 0], pitch: 0.4, yaw: 0.5 }, R: { at: [0, 0.1, 0], pitch: 0.4, yaw: 0.5 } },
        hands: { L: at(0.15, 0.2, 0.25), R: at(-0.32, 0.15, -0.05) },
        shape: { L: 'fist', R: 'fist' },
      },
      { t: 0.5, hips: { yaw: '-sw' }, torso: { twist: 0.7 }, feet: { L: { yaw: -0.5 }, R: { yaw: -0.5 } }, hands: { L: at(0.32, 0.15, -0.05), R: at(-0.15, 0.2, 0.25) } },
      { t: 1, hips: { yaw: 'sw' }, torso: { twist: -0.7 }, feet: { L: { yaw: 0.5 }, R: { yaw: 0.5 } }, hands: { L: at(0.15, 0.2, 0.25), R: at(-0.32, 0.15, -0.05) } },
    ],
    4,
  ),
};

/** Slow dance: arms around the partner's waist, swaying weight from foot to foot, head tilted. */
const slowDance: ActionDef = {
  id: 'slowDance',
  dur: [3.2, 4],
  cycle: true,
  keys: [
    {
      t: 0,
      hips: { x: 0, y: 0.95, roll: 0 },
      torso: { side: 0, lean: 0.04 },
      head: { roll: 0.12, pitch: 0.1 },
      hands: { L: at(0.16, 0.22, 0.34, [1, -0.5, 0]), R: at(-0.16, 0.22, 0.34, [-1, -0.5, 0]) },
      feet: { L: { at: [0, 0.08, 0], pitch: 0 }, R: { at: [0, 0.08, 0], pitch: 0 } },
      shape: { L: 'open', R: 'open' },
    },
    { t: 0.25, hips: { x: 0.07, y: 0.94, roll: 0.06 }, torso: { side: -0.05 }, feet: { R: { at: [-0.02, 0.1, 0.02], pitch: 0.35 } } },
    { t: 0.5, hips: { x: 0, y: 0.95, roll: 0 }, torso: { side: 0 }, feet: { R: { at: [0, 0.08, 0], pitch: 0 } } },
    { t: 0.75, hips: { x: -0.07, y: 0.94, roll: -0.06 }, torso: { side: 0.05 }, feet: { L: { at: [0.02, 0.1, 0.02], pitch: 0.35 } } },
    { t: 1, hips: { x: 0, y: 0.95, roll: 0 }, torso: { side: 0 }, feet: { L: { at: [0, 0.08, 0], pitch: 0 } } },
  ],
};

/**
 * Macarena: one arm move per beat (arms out palms down, palms up, hands to the opposite shoulders,
 * behind the head, to the front hips, to the back pockets), a hip circle and a jump with a quarter
 * turn; repeated bars keep turning.
 */
const M = 1 / 16;
const macarena: ActionDef = {
  id: 'macarena',
  dur: [8.4, 9.4],
  cycle: true,
  keys: [
    { t: 0, hips: { y: 0.95, x: 0, z: 0 }, turn: 0, shape: { L: 'open', R: 'open' } },
    { t: 1 * M, hands: { R: at(-0.17, 0.42, 0.5, [-1, 0, 0]) } },
    { t: 2 * M, hands: { L: at(0.17, 0.42, 0.5, [1, 0, 0]) } },
    { t: 3 * M, hands: { R: at(-0.17, 0.4, 0.5, [-1, -1, 0]) } },
    { t: 4 * M, hands: { L: at(0.17, 0.4, 0.5, [1, -1, 0]) } },
    { t: 5 * M, hands: { R: at(0.1, 0.42, 0.14, [-1, -0.5, 0]) } },
    { t: 6 * M, hands: { L: at(-0.1, 0.4, 0.18, [1, -0.5, 0]) } },
    { t: 7 * M, hands: { R: at(-0.08, 0.68, -0.1, [-1, 0.3, 0]) } },
    { t: 8 * M, hands: { L: at(0.08, 0.68, -0.1, [1, 0.3, 0]) } },
    { t: 9 * M, hands: { R: at(0.12, 0.02, 0.16, [-1, -0.5, 0]) } },
    { t: 10 * M, hands: { L: at(-0.12, 0.02, 0.18, [1, -0.5, 0]) } },
    { t: 11 * M, hands: { R: at(-0.16, -0.04, -0.12, [-1, 0, 0.5]) } },
    { t: 12 * M, hands: { L: at(0.16, -0.04, -0.12, [1, 0, 0.5]) } },
    { t: 12.7 * M, hips: { x: 0.06, roll: -0.12 } },
    { t: 13.4 * M, hips: { x: 0, z: -0.05, roll: 0, pitch: 0.1 } },
    { t: 14 * M, hips: { x: -0.06, z: 0, roll: 0.12, pitch: 0, y: 0.88 } },
    { t: 14.5 * M, hips: { x: 0, y: 0.97, roll: 0 }, feet: { L: { at: [0, 0.1, 0], pitch: 0.8, yaw: 0 }, R: { at: [0, 0.1, 0], pitch: 0.8, yaw: 0 } }, turn: 0 },
    { t: 14.7 * M, air: true, hips: { y: 0.98 }, feet: { L: { at: [0, 0.22, 0], contact: false, yaw: -0.8 }, R: { at: [0, 0.22, 0], contact: false, yaw: -0.8 } }, turn: -0.8 },
    {
      t: 15.3 * M,
      hips: { y: 0.92 },
      feet: { L: { at: [-0.01, 0.08, 0.01], pitch: 0, yaw: -1.5708 }, R: { at: [0.01, 0.08, -0.01], pitch: 0, yaw: -1.5708 } },
      turn: -1.5708,
      hands: { L: at(0.3, -0.04, 0.06), R: at(-0.3, -0.04, 0.06) },
    },
    { t: 1, hips: { y: 0.95 } },
  ],
};

/** Chicken dance: beaks snapping, wings flapping, tail-feather wiggle down low, four claps. */
/** Fists tucked at the armpits, elbows flapping up (+) and down (−) like wings. */
const wings = (flap: number): Frag['hands'] => ({ L: at(0.14, 0.4, 0.1, [1, flap, -0.2]), R: at(-0.14, 0.4, 0.1, [-1, flap, -0.2]) });
const beaks: Frag['hands'] = { L: at(0.18, 0.45, 0.35, [1, -0.6, 0]), R: at(-0.18, 0.45, 0.35, [-1, -0.6, 0]) };
const C = 1 / 16;
const chickenDance: ActionDef = {
  id: 'chickenDance',
  dur: [7, 8],
  cycle: true,
  keys: [
    { t: 0, hands: beaks, shape: { L: 'open', R: 'open' }, hips: { y: 0.95, roll: 0 } },
    ...[1, 2, 3, 4].flatMap((i): KeyPose[] => [
      { t: (i - 0.5) * C, shape: { L: 'pinch', R: 'pinch' } },
      { t: i * C, shape: { L: 'open', R: 'open' } },
    ]),
    { t: 4.5 * C, hands: wings(-0.8), shape: { L: 'fist', R: 'fist' } },
    ...[5, 6, 7, 8].flatMap((i): KeyPose[] => [
      { t: (i - 0.5) * C, hands: wings(0.5) },
      { t: i * C, hands: wings(-0.8) },
    ]),
    { t: 8.5 * C, hips: { y: 0.78, pitch: 0.3 }, torso: { lean: 0.2 }, hands: wings(0) },
    ...[9, 10, 11, 12].flatMap((i): KeyPose[] => [
      { t: (i - 0.5) * C, hips: { roll: 0.15 } },
      { t: i * C, hips: { roll: -0.15 } },
    ]),
    { t: 12.5 * C, hips: { y: 0.95, pitch: 0, roll: 0 }, torso: { lean: 0 }, hands: { L: at(0.12, 0.3, 0.3), R: at(-0.12, 0.3, 0.3) }, shape: { L: 'open', R: 'open' } },
    ...[13, 14, 15, 16].flatMap((i): KeyPose[] => [
      { t: (i - 0.5) * C, hands: { L: at(0.02, 0.3, 0.3), R: at(-0.02, 0.3, 0.3) } },
      { t: Math.min(1, i * C), hands: { L: at(0.12, 0.3, 0.3), R: at(-0.12, 0.3, 0.3) } },
    ]),
  ],
};

/** Headbanging: the head and chest whip down on every beat, knees bouncing, the left fist pumping. */
const headbang: ActionDef = {
  id: 'headbang',
  dur: [0.45, 0.55],
  cycle: true,
  vars: { whip: [0.5, 0.75] },
  keys: [
    {
      t: 0,
      hips: { y: 0.94 },
      torso: { lean: 0.05 },
      head: { pitch: -0.3 },
      feet: { L: { at: [0.08, 0.08, 0] }, R: { at: [-0.08, 0.08, 0] } },
      hands: { L: at(0.25, 0.55, 0.3), R: at(-0.22, 0.1, 0.25) },
      shape: { L: 'fist', R: 'fist' },
    },
    { t: 0.4, ease: 'in', hips: { y: 0.89 }, torso: { lean: 0.35 }, head: { pitch: 'whip' }, hands: { L: at(0.25, 0.4, 0.35) } },
    { t: 1, hips: { y: 0.94 }, torso: { lean: 0.05 }, head: { pitch: -0.3 }, hands: { L: at(0.25, 0.55, 0.3) } },
  ],
};

/** Shuffle (running man): a knee lifts while the standing foot slides back, alternating, arms pumping; stays on the spot. */
const shuffleDance: ActionDef = {
  id: 'shuffleDance',
  dur: [0.8, 0.95],
  cycle: true,
  keys: [
    {
      t: 0,
      hips: { y: 0.9, z: 0 },
      torso: { lean: 0.1 },
      feet: { L: { at: [0, 0.08, 0.14] }, R: { at: [0, 0.08, -0.14] } },
      arms: { L: { down: 1.1, forward: -0.3, elbow: 1.4 }, R: { down: 1.1, forward: 0.5, elbow: 1.4 } },
      shape: { L: 'fist', R: 'fist' },
    },
    {
      t: 0.25,
      hips: { y: 0.93 },
      feet: { L: { at: [0, 0.08, -0.02], contact: false }, R: { at: [0, 0.32, 0.08], contact: false, pitch: 0.3 } },
      arms: { L: { forward: 0.5 }, R: { forward: -0.3 } },
    },
    { t: 0.5, hips: { y: 0.9 }, feet: { L: { at: [0, 0.08, -0.14] }, R: { at: [0, 0.08, 0.14], pitch: 0 } }, arms: { L: { forward: 0.5 }, R: { forward: -0.3 } } },
    {
      t: 0.75,
      hips: { y: 0.93 },
      feet: { R: { at: [0, 0.08, -0.02], contact: false }, L: { at: [0, 0.32, 0.08], contact: false, pitch: 0.3 } },
      arms: { L: { forward: -0.3 }, R: { forward: 0.5 } },
    },
    { t: 1, hips: { y: 0.9 }, feet: { L: { at: [0, 0.08, 0.14], pitch: 0 }, R: { at: [0, 0.08, -0.14] } }, arms: { L: { forward: -0.3 }, R: { forward: 0.5 } } },
  ],
};

export default [waltz, hipHop, robot, salsa, disco, ballet, breakdance, twist, slowDance, macarena, chickenDance, headbang, shuffleDance] satisfies ActionDef[];
