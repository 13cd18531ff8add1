/**
 * Sports, authored in the action format (docs/action-format.md). Right-handed as written; a plan step
 * for the left side mirrors them. Swings and throws are driven from the ground up: weight shift, then
 * the hips turn, then the shoulders, then the hands, with a held finish (follow-through).
 */
import type { ActionDef, HandKey, KeyPose } from '../format.ts';
import { tileKeys } from './cycles.ts';
import { lyingBack, standAt } from './poses.ts';

type Frag = Omit<KeyPose, 't'>;
type P3 = readonly [number, number, number];

/** A wrist target with an elbow pole. */
const at = (x: number, y: number, z: number, pole?: P3): HandKey => (pole ? { at: [x, y, z], pole } : { at: [x, y, z] });
/** Both hands on one grip (bat, club, stick): the left hand above/ahead of the right by `d`. */
const grip = (x: number, y: number, z: number, d: P3 = [0.02, 0.05, 0.02]): Frag['hands'] => ({
  L: at(x + d[0], y + d[1], z + d[2], [1, -0.6, -0.3]),
  R: at(x - d[0], y - d[1], z - d[2], [-1, -0.6, -0.3]),
});
const END = (z = 0, x = 0): Frag => ({ ...standAt(z, x, z, x) });

// ---- Golf ----------------------------------------------------------------------------------------

/** Golf address: hinge at the hips, knees soft, arms hanging, both hands on the grip over the ball. */
const ADDRESS: Frag = {
  hips: { y: 0.9, z: -0.05, pitch: 0.28, yaw: 0, x: 0 },
  torso: { lean: 0.3, twist: 0, side: 0 },
  head: { pitch: 0.45, yaw: 0 },
  feet: { L: { at: [0.1, 0.08, 0], yaw: 0.2 }, R: { at: [-0.1, 0.08, 0] } },
  hands: grip(0.0, 0.02, 0.3),
  shape: { L: 'grip', R: 'grip' },
};

const golfSwing: ActionDef = {
  id: 'golfSwing',
  dur: [3, 3.6],
  hold: [0.74, 0.84],
  vars: { top: [0.5, 0.62], finish: [0.85, 1.05] },
  keys: [
    { t: 0 },
    { t: 0.22, ...ADDRESS },
    { t: 0.3, hands: grip(0.0, 0.02, 0.3) },
    // Backswing: weight to the right foot, hips turn half as far as the shoulders, hands above the right shoulder.
    {
      t: 0.5,
      hips: { x: -0.04, yaw: -0.45 },
      torso: { twist: -0.75, lean: 0.25 },
      head: { yaw: 0.75, pitch: 0.4 },
      hands: { L: at(-0.28, 0.6, 0.15, [1, -0.6, -0.3]), R: { at: [-0.3, 'top', 0.12], pole: [-1, -0.6, -0.3] } },
      feet: { L: { at: [0.1, 0.1, 0], pitch: 0.3 } },
    },
    // Downswing: the hips lead, the hands drop into the slot and release through the ball.
    {
      t: 0.58,
      ease: 'in',
      hips: { x: 0.02, yaw: -0.05 },
      torso: { twist: -0.3 },
      head: { yaw: 0.4 },
      hands: grip(-0.15, 0.15, 0.25),
      feet: { L: { at: [0.1, 0.08, 0], pitch: 0 } },
    },
    { t: 0.63, ease: 'in', hips: { x: 0.05, yaw: 0.35 }, torso: { twist: 0.05, lean: 0.28 }, head: { yaw: 0.1 }, hands: grip(0.03, 0.0, 0.32) },
    // Finish: belt buckle to the target, hands high over the left shoulder, right foot up on its toe.
    {
      t: 0.74,
      ease: 'out',
      hips: { x: 0.07, y: 0.93, yaw: 'finish', pitch: 0.05 },
      torso: { twist: 0.55, lean: 0.02, side: -0.1 },
      head: { yaw: -0.6, pitch: 0 },
      hands: grip(0.22, 0.7, -0.02, [-0.03, 0.03, 0.02]),
      feet: { R: { at: [-0.06, 0.12, 0.02], pitch: 0.9, yaw: 0.6 } },
    },
    { t: 0.84, hands: grip(0.22, 0.68, -0.01, [-0.03, 0.03, 0.02]) },
    { t: 1, ...END(0) },
  ],
  props: [{ kind: 'club', hand: 'both' }],
};

/** Golf putt: the address, then a pendulum of the shoulders; the head stays still over the ball. */
const golfPutt: ActionDef = {
  id: 'golfPutt',
  dur: [2.6, 3.2],
  vars: { back: [0.08, 0.14] },
  keys: [
    { t: 0 },
    {
      t: 0.25,
      ...ADDRESS,
      hips: { y: 0.9, z: -0.04, pitch: 0.3 },
      torso: { lean: 0.4 },
      head: { pitch: 0.6 },
      hands: grip(0, -0.08, 0.25, [0.0, 0.05, 0.0]),
      feet: { L: { at: [0.06, 0.08, 0] }, R: { at: [-0.06, 0.08, 0] } },
    },
    { t: 0.5, hands: grip(-0.12, -0.06, 0.25, [0.0, 0.05, 0.0]), torso: { side: 0.08 } },
    { t: 0.62, ease: 'in', hands: grip(0.14, -0.06, 0.25, [0.0, 0.05, 0.0]), torso: { side: -0.09 } },
    { t: 0.75, head: { yaw: -0.3, pitch: 0.4 } },
    { t: 1, ...END(0) },
  ],
  props: [{ kind: 'club', hand: 'both' }],
};

// ---- Baseball ------------------------------------------------------------------------------------

/** Batting stance: side-on with the left shoulder to the pitcher (forward), bat cocked by the right ear. */
const BATTING: Frag = {
  hips: { y: 0.88, yaw: -0.9, z: 0 },
  torso: { lean: 0.12, twist: -0.25 },
  head: { yaw: 1.0, pitch: 0.05 },
  feet: { L: { at: [0.15, 0.08, 0.12], yaw: -0.8 }, R: { at: [-0.15, 0.08, -0.12], yaw: -0.8 } },
  hands: grip(-0.22, 0.52, 0.0, [0.0, -0.05, 0.0]),
  shape: { L: 'grip', R: 'grip' },
};

const baseballSwing: ActionDef = {
  id: 'baseballSwing',
  dur: [2.4, 3],
  keys: [
    { t: 0 },
    { t: 0.25, ...BATTING },
    // Load and stride: hands back, the front foot lifts and reaches toward the pitcher.
    { t: 0.45, hips: { yaw: -1.05, x: -0.04 }, torso: { twist: -0.35 }, hands: grip(-0.3, 0.55, -0.08, [0.0, -0.05, 0.0]), feet: { L: { at: [0.15, 0.14, 0.2], contact: false } } },
    { t: 0.52, hips: { x: 0.03 }, feet: { L: { at: [0.15, 0.08, 0.3] } } },
    // Swing: hips fire, then shoulders, the bat flattens through the zone in front of the plate.
    { t: 0.6, ease: 'in', hips: { yaw: -0.1, y: 0.86 }, torso: { twist: 0.1, lean: 0.15 }, head: { yaw: 0.5 }, hands: grip(0.05, 0.25, 0.45, [0.0, -0.03, 0.03]) },
    {
      t: 0.7,
      ease: 'out',
      hips: { yaw: 0.35, y: 0.9 },
      torso: { twist: 0.45, lean: 0.05 },
      head: { yaw: 0.2 },
      hands: grip(0.32, 0.5, -0.05, [0.0, -0.03, 0.0]),
      feet: { R: { at: [-0.15, 0.12, -0.1], pitch: 0.8, yaw: 0.3 } },
    },
    { t: 0.82, hands: grip(0.3, 0.5, -0.06, [0.0, -0.03, 0.0]) },
    { t: 1, ...END(0.15) },
  ],
  props: [{ kind: 'bat', hand: 'both' }],
};

/** Pitch: wind-up with the left knee lifted high, a long stride, the ball released above the head, deep follow-through. */
const baseballPitch: ActionDef = {
  id: 'baseballPitch',
  dur: [2.6, 3.2],
  keys: [
    { t: 0, shape: { R: 'grip', L: 'grip' } },
    { t: 0.15, hips: { y: 0.94, yaw: -0.3 }, hands: grip(0, 0.42, 0.22, [0, 0, 0]) },
    {
      t: 0.35,
      hips: { y: 0.93, yaw: -1.2, x: -0.03 },
      torso: { twist: -0.3, lean: -0.05 },
      head: { yaw: 1.2 },
      hands: grip(0, 0.4, 0.2, [0, 0, 0]),
      legs: { L: { flex: 1.5, knee: 1.9, abduct: 0.1 } },
    },
    {
      t: 0.5,
      hips: { y: 0.84, z: 0.2, yaw: -1.0 },
      torso: { twist: -0.5, lean: 0.0 },
      head: { yaw: 1.0 },
      feet: { L: { at: [0.05, 0.08, 0.7], yaw: -0.3 } },
      hands: { L: at(0.45, 0.45, 0.3, [1, -0.3, 0]), R: at(-0.45, 0.7, -0.3, [-1, 0.2, -0.5]) },
    },
    {
      t: 0.6,
      ease: 'in',
      hips: { y: 0.8, z: 0.45, yaw: 0.3 },
      torso: { twist: 0.45, lean: 0.35 },
      head: { yaw: 0, pitch: 0.05 },
      hands: { L: at(0.25, 0.1, 0.05), R: at(-0.15, 0.85, 0.35, [-1, -0.3, -0.2]) },
      shape: { R: 'open' },
    },
    {
      t: 0.72,
      hips: { y: 0.78, z: 0.55, yaw: 0.6, pitch: 0.25 },
      torso: { twist: 0.5, lean: 0.6 },
      hands: { R: at(0.25, -0.25, 0.4) },
      feet: { R: { at: [-0.1, 0.35, -0.1], contact: false, pitch: 0.5 } },
    },
    { t: 0.86, hips: { y: 0.92, z: 0.6, yaw: 0.1, pitch: 0 }, torso: { twist: 0, lean: 0.1 }, feet: { R: { at: [-0.05, 0.08, 0.65] } } },
    { t: 1, ...END(0.68) },
  ],
  props: [{ kind: 'ball', hand: 'R', to: 0.6 }],
};

// ---- Tennis --------------------------------------------------------------------------------------

const READY: Frag = {
  hips: { y: 0.86 },
  torso: { lean: 0.2 },
  head: { pitch: -0.05 },
  feet: { L: { at: [0.1, 0.08, 0] }, R: { at: [-0.1, 0.08, 0] } },
  hands: grip(0, 0.15, 0.3, [0.05, 0.04, 0.05]),
  shape: { L: 'open', R: 'grip' },
};

const tennisForehand: ActionDef = {
  id: 'tennisForehand',
  dur: [2.2, 2.7],
  vars: { finish: [0.45, 0.6] },
  keys: [
    { t: 0 },
    { t: 0.2, ...READY },
    // Unit turn: shoulders turn right, racket back at hip height, the free hand points at the ball.
    {
      t: 0.45,
      hips: { yaw: -0.7, x: -0.05 },
      torso: { twist: -0.6, lean: 0.12 },
      head: { yaw: 0.9 },
      feet: { R: { at: [-0.22, 0.08, -0.08], yaw: -0.6 } },
      hands: { L: at(0.15, 0.4, 0.45, [1, -0.5, 0]), R: at(-0.5, 0.2, -0.2, [-1, -0.3, 0.3]) },
    },
    // Low to high through contact out in front, the left foot stepping in.
    {
      t: 0.58,
      ease: 'in',
      hips: { yaw: 0.1, x: 0.03, z: 0.08 },
      torso: { twist: 0.05, lean: 0.2 },
      head: { yaw: 0.3 },
      feet: { L: { at: [0.12, 0.08, 0.25] } },
      hands: { L: at(0.3, 0.2, 0.2), R: at(-0.25, 0.15, 0.5, [-1, -0.6, 0]) },
    },
    {
      t: 0.7,
      ease: 'out',
      hips: { yaw: 0.5, z: 0.1 },
      torso: { twist: 'finish', lean: 0.1 },
      head: { yaw: 0 },
      hands: { R: at(0.28, 0.55, 0.12, [-1, -0.5, -0.3]), L: at(0.25, 0.35, 0.2) },
      feet: { R: { at: [-0.14, 0.1, 0.0], pitch: 0.5, yaw: 0.3 } },
    },
    {
      t: 0.85,
      ...READY,
      hips: { y: 0.88, z: 0.06, yaw: 0 },
      torso: { twist: 0, lean: 0.2 },
      feet: { R: { at: [-0.1, 0.08, 0.05], yaw: 0, pitch: 0 }, L: { at: [0.1, 0.08, 0.1] } },
    },
    { t: 1, ...END(0.08) },
  ],
  props: [{ kind: 'racket', hand: 'R' }],
};

/** Two-handed backhand: turn left with the racket back by the left hip, swing through, finish over the right shoulder. */
const tennisBackhand: ActionDef = {
  id: 'tennisBackhand',
  dur: [2.2, 2.7],
  keys: [
    { t: 0 },
    { t: 0.2, ...READY },
    {
      t: 0.45,
      hips: { yaw: 0.75, x: 0.05 },
      torso: { twist: 0.6, lean: 0.15 },
      head: { yaw: -0.9 },
      feet: { L: { at: [0.22, 0.08, -0.08], yaw: 0.6 } },
      hands: grip(0.42, 0.12, -0.15, [0.03, 0.0, 0.03]),
      shape: { L: 'grip', R: 'grip' },
    },
    {
      t: 0.58,
      ease: 'in',
      hips: { yaw: -0.05, x: -0.03, z: 0.08 },
      torso: { twist: -0.05, lean: 0.2 },
      head: { yaw: -0.3 },
      feet: { R: { at: [-0.12, 0.08, 0.25] } },
      hands: grip(0.12, 0.15, 0.5, [0.03, 0.0, -0.03]),
    },
    {
      t: 0.7,
      ease: 'out',
      hips: { yaw: -0.45 },
      torso: { twist: -0.55, lean: 0.1 },
      head: { yaw: 0 },
      hands: grip(-0.3, 0.55, 0.1, [0.03, 0.0, 0.0]),
      feet: { L: { at: [0.18, 0.11, -0.06], pitch: 0.8 } },
    },
    {
      t: 0.85,
      ...READY,
      hips: { y: 0.88, z: 0.06, yaw: 0 },
      torso: { twist: 0, lean: 0.2 },
      feet: { L: { at: [0.1, 0.08, 0.05], yaw: 0, pitch: 0 }, R: { at: [-0.1, 0.08, 0.1] } },
    },
    { t: 1, ...END(0.08) },
  ],
  props: [{ kind: 'racket', hand: 'R' }],
};

/** Serve: toss with the left arm straight up, the trophy position with knees bent, drive up to contact high, finish across. */
const tennisServe: ActionDef = {
  id: 'tennisServe',
  dur: [2.6, 3.2],
  keys: [
    { t: 0, shape: { L: 'grip', R: 'grip' } },
    {
      t: 0.15,
      hips: { yaw: -0.8 },
      torso: { twist: -0.3 },
      head: { yaw: 0.9 },
      feet: { L: { at: [0.05, 0.08, 0.1], yaw: -0.5 }, R: { at: [-0.05, 0.08, -0.15], yaw: -0.8 } },
      hands: { L: at(0.1, 0.25, 0.35), R: at(0.0, 0.22, 0.4) },
    },
    {
      t: 0.42,
      hips: { y: 0.8, yaw: -0.9, x: -0.03 },
      torso: { lean: -0.25, side: 0.3, twist: -0.3 },
      head: { pitch: -0.6, yaw: 0.7 },
      hands: { L: at(0.12, 1.0, 0.2, [1, 0, 0]), R: at(-0.4, 0.6, -0.2, [-1, -0.2, -0.4]) },
      shape: { L: 'open' },
    },
    {
      t: 0.52,
      ease: 'in',
      hips: { y: 0.98, yaw: -0.2, z: 0.08 },
      torso: { lean: 0, side: 0, twist: 0.2 },
      head: { pitch: -0.45, yaw: 0.2 },
      hands: { L: at(0.25, 0.35, 0.2), R: at(-0.12, 1.02, 0.3, [-1, 0, -0.2]) },
      feet: { R: { at: [-0.05, 0.16, -0.05], pitch: 0.9, contact: false } },
    },
    {
      t: 0.66,
      hips: { y: 0.88, yaw: 0.4, z: 0.3, pitch: 0.2 },
      torso: { twist: 0.4, lean: 0.45 },
      head: { pitch: 0.1, yaw: 0 },
      hands: { R: at(0.25, -0.1, 0.3) },
      feet: { R: { at: [-0.08, 0.08, 0.45], pitch: 0 }, L: { at: [0.05, 0.08, 0.1], yaw: 0 } },
    },
    { t: 1, ...END(0.3) },
  ],
  props: [
    { kind: 'racket', hand: 'R' },
    { kind: 'ball', hand: 'L', to: 0.42 },
  ],
};

// ---- Basketball, soccer, volleyball ---------------------------------------------------------------

/** Dribble: low stance, the right hand pushes the ball down on each beat, the left arm guards. */
const basketballDribble: ActionDef = {
  id: 'basketballDribble',
  dur: [0.5, 0.65],
  cycle: true,
  keys: [
    {
      t: 0,
      hips: { y: 0.84, pitch: 0.1 },
      torso: { lean: 0.25 },
      head: { pitch: -0.25 },
      feet: { L: { at: [0.08, 0.08, 0.12] }, R: { at: [-0.08, 0.08, -0.05] } },
      hands: { R: at(-0.27, 0.05, 0.3, [-1, -0.3, -0.4]), L: at(0.35, 0.2, 0.3, [1, -0.6, 0]) },
      shape: { R: 'open', L: 'open' },
    },
    { t: 0.45, ease: 'in', hips: { y: 0.82 }, hands: { R: at(-0.29, -0.22, 0.34) } },
    { t: 1, hips: { y: 0.84 }, hands: { R: at(-0.27, 0.05, 0.3) } },
  ],
  props: [{ kind: 'ball', hand: 'R' }],
};

/** Jump shot: dip with the ball at the chest, jump, release from above the forehead with a wrist flick, land. */
const basketballShot: ActionDef = {
  id: 'basketballShot',
  dur: [2.2, 2.6],
  keys: [
    { t: 0, hands: { L: at(0.1, 0.22, 0.28), R: at(-0.06, 0.2, 0.28) }, shape: { L: 'open', R: 'open' } },
    { t: 0.3, ease: 'out', hips: { y: 0.76, pitch: 0.15 }, torso: { lean: 0.2 }, head: { pitch: -0.15 }, hands: { L: at(0.1, 0.22, 0.3), R: at(-0.05, 0.2, 0.3) } },
    {
      t: 0.42,
      hips: { y: 1.0, pitch: 0 },
      torso: { lean: -0.05 },
      head: { pitch: -0.3 },
      hands: { L: at(0.08, 0.75, 0.2), R: at(-0.04, 0.72, 0.15, [-1, -0.5, 0]) },
      feet: { L: { at: [0, 0.1, 0], pitch: 0.8 }, R: { at: [0, 0.1, 0], pitch: 0.8 } },
    },
    { t: 0.46, air: true, hips: { y: 1.0 }, feet: { L: { at: [0, 0.24, 0], pitch: 0.6, contact: false }, R: { at: [0, 0.24, 0], pitch: 0.6, contact: false } } },
    { t: 0.55, air: true, hands: { L: at(0.12, 0.8, 0.25), R: at(-0.06, 0.98, 0.3, [-1, -0.2, 0]) }, arms: { R: { wrist: 0.9 } } },
    { t: 0.66, hips: { y: 0.96 }, feet: { L: { at: [0, 0.08, 0], pitch: 0 }, R: { at: [0, 0.08, 0], pitch: 0 } } },
    { t: 0.76, hips: { y: 0.84 }, hands: { L: at(0.2, 0.5, 0.3), R: at(-0.12, 0.7, 0.35) } },
    { t: 1, ...END(0) },
  ],
  props: [{ kind: 'ball', hand: 'both', to: 0.55 }],
};

/** Soccer pass: plant beside the ball, the right leg swings through with the inside of the foot, arms out for balance. */
const soccerPass: ActionDef = {
  id: 'soccerPass',
  dur: [1.6, 2],
  keys: [
    { t: 0 },
    {
      t: 0.3,
      hips: { y: 0.9, z: 0.15 },
      feet: { L: { at: [0.05, 0.08, 0.28] } },
      head: { pitch: 0.4 },
      arms: { L: { down: 0.9, forward: 0.2 }, R: { down: 0.9, forward: -0.2 } },
      legs: { R: { flex: -0.45, knee: 0.9, abduct: 0.1, twist: 0.6 } },
    },
    { t: 0.45, ease: 'in', hips: { z: 0.2, yaw: 0.15 }, torso: { twist: 0.2 }, legs: { R: { flex: 0.45, knee: 0.15, abduct: -0.05, twist: 0.9 } } },
    { t: 0.56, legs: { R: { flex: 0.6, knee: 0.3, abduct: -0.1, twist: 0.8 } }, head: { pitch: 0.1 } },
    { t: 0.75, hips: { y: 0.94, z: 0.25, yaw: 0 }, torso: { twist: 0 }, feet: { R: { at: [0, 0.08, 0.3] } } },
    { t: 1, ...END(0.28) },
  ],
  props: [],
};

/** Soccer shot: a long last stride, big back-lift of the kicking leg, laces through the ball, landing on the kicking foot. */
const soccerShot: ActionDef = {
  id: 'soccerShot',
  dur: [1.8, 2.2],
  vars: { follow: [1.1, 1.4] },
  keys: [
    { t: 0 },
    { t: 0.25, hips: { y: 0.92, z: 0.2 }, feet: { R: { at: [0, 0.08, 0.25] } }, arms: { L: { forward: 0.4 }, R: { forward: -0.4 } } },
    {
      t: 0.42,
      hips: { y: 0.88, z: 0.5, roll: -0.1 },
      torso: { lean: 0.05, side: 0.1 },
      head: { pitch: 0.4 },
      feet: { L: { at: [0.12, 0.08, 0.62] } },
      arms: { L: { down: 0.5, forward: 0.3 }, R: { down: 0.8, forward: -0.5 } },
      legs: { R: { flex: -0.7, knee: 1.5 } },
    },
    { t: 0.52, ease: 'in', hips: { z: 0.58, yaw: 0.2 }, torso: { lean: -0.1, twist: 0.25 }, legs: { R: { flex: 0.8, knee: 0.2 } } },
    { t: 0.62, hips: { y: 0.9, z: 0.65, yaw: 0.15 }, torso: { lean: -0.15 }, head: { pitch: 0.1 }, legs: { R: { flex: 'follow', knee: 0.3 } } },
    { t: 0.8, hips: { y: 0.92, z: 0.8, yaw: 0, roll: 0 }, torso: { lean: 0.05, twist: 0, side: 0 }, feet: { R: { at: [0, 0.08, 0.95] } } },
    { t: 1, ...END(0.85) },
  ],
};

/** Spike: two-step approach, both arms swing back then up into the jump, the right arm cocks and snaps down on the ball. */
const volleyballSpike: ActionDef = {
  id: 'volleyballSpike',
  dur: [2.4, 2.8],
  keys: [
    { t: 0 },
    { t: 0.15, hips: { y: 0.93, z: 0.3 }, feet: { R: { at: [0, 0.08, 0.45] } } },
    {
      t: 0.3,
      hips: { y: 0.76, z: 0.62, pitch: 0.35 },
      torso: { lean: 0.35 },
      feet: { L: { at: [0, 0.08, 0.72] }, R: { at: [0, 0.08, 0.65] } },
      hands: { L: at(0.25, -0.1, -0.4, [1, 0, 0.3]), R: at(-0.25, -0.1, -0.4, [-1, 0, 0.3]) },
      shape: { L: 'open', R: 'open' },
    },
    {
      t: 0.38,
      hips: { y: 1.0, z: 0.72, pitch: 0 },
      torso: { lean: -0.1 },
      head: { pitch: -0.4 },
      feet: { L: { at: [0, 0.1, 0.72], pitch: 0.9 }, R: { at: [0, 0.1, 0.65], pitch: 0.9 } },
      hands: { L: at(0.2, 0.9, 0.25), R: at(-0.2, 0.9, 0.2) },
    },
    { t: 0.42, air: true, hips: { y: 1.0, z: 0.76 }, feet: { L: { at: [0, 0.3, 0.76], contact: false, pitch: 0.6 }, R: { at: [0, 0.3, 0.7], contact: false, pitch: 0.6 } } },
    { t: 0.5, air: true, torso: { lean: -0.25, twist: -0.35 }, hands: { L: at(0.18, 0.85, 0.35), R: at(-0.35, 0.75, -0.25, [-1, 0.3, -0.5]) } },
    { t: 0.57, air: true, ease: 'in', torso: { lean: 0.35, twist: 0.3 }, hands: { L: at(0.2, 0.2, 0.2), R: at(-0.1, 0.95, 0.38, [-1, -0.2, 0]) } },
    {
      t: 0.64,
      hips: { y: 0.96, z: 0.84 },
      torso: { lean: 0.4, twist: 0.2 },
      hands: { R: at(0.15, 0.0, 0.35) },
      feet: { L: { at: [0, 0.08, 0.84], pitch: 0 }, R: { at: [0, 0.08, 0.8], pitch: 0 } },
    },
    { t: 0.74, hips: { y: 0.78, z: 0.84, pitch: 0.3 }, torso: { lean: 0.3, twist: 0 } },
    { t: 1, ...END(0.84) },
  ],
  props: [],
};

/** Forearm pass (bump): knees bent, arms straight and joined into a platform, legs lift the ball. */
const volleyballBump: ActionDef = {
  id: 'volleyballBump',
  dur: [1.8, 2.2],
  fill: true,
  loop: [0.25, 0.75],
  keys: [
    { t: 0 },
    {
      t: 0.25,
      hips: { y: 0.76, pitch: 0.3, z: -0.04 },
      torso: { lean: 0.3 },
      head: { pitch: -0.2 },
      feet: { L: { at: [0.14, 0.08, 0.1] }, R: { at: [-0.14, 0.08, 0] } },
      hands: { L: at(0.02, -0.2, 0.42, [1, 0.2, 0]), R: at(-0.02, -0.2, 0.42, [-1, 0.2, 0]) },
      shape: { L: 'fist', R: 'open' },
    },
    { t: 0.5, ease: 'out', hips: { y: 0.9, pitch: 0.1 }, torso: { lean: 0.12 }, head: { pitch: -0.35 }, hands: { L: at(0.02, 0.05, 0.48), R: at(-0.02, 0.05, 0.48) } },
    { t: 0.75, hips: { y: 0.76, pitch: 0.3 }, torso: { lean: 0.3 }, head: { pitch: -0.2 }, hands: { L: at(0.02, -0.2, 0.42), R: at(-0.02, -0.2, 0.42) } },
    { t: 1, ...END(0) },
  ],
};

// ---- Swimming (on a floor or bench: the body horizontal, strokes and kicks cycling) ----------------

/** Face down, horizontal, hips just off the floor. */
const PRONE: Frag = { hips: { y: 0.2, pitch: 1.45 }, torso: { lean: -0.05 }, head: { pitch: -0.3 } };
const flutter = (a: number): Frag['legs'] => ({ L: { flex: -a, knee: 0.25, abduct: 0.05 }, R: { flex: a, knee: 0.15, abduct: 0.05 } });

const swimFreestyle: ActionDef = {
  id: 'swimFreestyle',
  dur: [1.5, 1.9],
  fill: true,
  loop: [0.2, 1],
  ends: 'lie',
  keys: [
    { t: 0 },
    { t: 0.1, hips: { y: 0.7, pitch: 0.6, z: 0.2 }, torso: { lean: 0.3 }, hands: { L: at(0.1, 0.7, 0.5), R: at(-0.1, 0.7, 0.5) }, shape: { L: 'open', R: 'open' } },
    {
      t: 0.2,
      ...PRONE,
      hips: { ...PRONE.hips, z: 0.6, roll: 0.35 },
      hands: { L: at(0.15, 0.05, 0.95, [1, 0.5, 0]), R: at(-0.28, 0.18, 0.1, [-1, 0.6, -0.5]) },
      legs: flutter(0.2),
    },
    { t: 0.4, hips: { z: 0.8, roll: 0 }, hands: { L: at(0.18, -0.1, 0.45), R: at(-0.2, 0.25, 0.6) }, legs: flutter(-0.2), head: { yaw: 0, pitch: -0.3 } },
    {
      t: 0.6,
      hips: { z: 1.0, roll: -0.35 },
      hands: { L: at(0.28, 0.18, 0.1, [1, 0.6, -0.5]), R: at(-0.15, 0.05, 0.95, [-1, 0.5, 0]) },
      legs: flutter(0.2),
      head: { yaw: 0.6, pitch: -0.1 },
    },
    { t: 0.8, hips: { z: 1.2, roll: 0 }, hands: { L: at(0.2, 0.25, 0.6), R: at(-0.18, -0.1, 0.45) }, legs: flutter(-0.2), head: { yaw: 0, pitch: -0.3 } },
    { t: 1, hips: { z: 1.4, roll: 0.35 }, hands: { L: at(0.15, 0.05, 0.95), R: at(-0.28, 0.18, 0.1) }, legs: flutter(0.2) },
  ],
};

const frog = (k: number): Frag['legs'] => ({ L: { flex: 0.5 * k, knee: 1.9 * k, abduct: 0.15 + 0.4 * k }, R: { flex: 0.5 * k, knee: 1.9 * k, abduct: 0.15 + 0.4 * k } });

const swimBreaststroke: ActionDef = {
  id: 'swimBreaststroke',
  dur: [1.8, 2.3],
  fill: true,
  loop: [0.2, 1],
  ends: 'lie',
  keys: [
    { t: 0 },
    { t: 0.1, hips: { y: 0.7, pitch: 0.6, z: 0.2 }, torso: { lean: 0.3 }, hands: { L: at(0.1, 0.7, 0.5), R: at(-0.1, 0.7, 0.5) }, shape: { L: 'open', R: 'open' } },
    { t: 0.2, ...PRONE, hips: { ...PRONE.hips, z: 0.6 }, hands: { L: at(0.06, 0.05, 1.0, [1, 0.4, 0]), R: at(-0.06, 0.05, 1.0, [-1, 0.4, 0]) }, legs: frog(0) },
    { t: 0.45, hips: { z: 0.7 }, head: { pitch: -0.7 }, torso: { lean: -0.2 }, hands: { L: at(0.45, -0.02, 0.7), R: at(-0.45, -0.02, 0.7) }, legs: frog(0.2) },
    { t: 0.65, hips: { z: 0.75 }, head: { pitch: -0.8 }, hands: { L: at(0.12, -0.05, 0.45, [1, 0.3, -0.3]), R: at(-0.12, -0.05, 0.45, [-1, 0.3, -0.3]) }, legs: frog(1) },
    { t: 0.8, ease: 'in', hips: { z: 1.05 }, head: { pitch: -0.3 }, torso: { lean: -0.05 }, hands: { L: at(0.06, 0.05, 1.0), R: at(-0.06, 0.05, 1.0) }, legs: frog(0.15) },
    { t: 1, hips: { z: 1.2 }, legs: frog(0) },
  ],
};

const swimBackstroke: ActionDef = {
  id: 'swimBackstroke',
  dur: [1.6, 2],
  fill: true,
  loop: [0.2, 1],
  ends: 'lie',
  keys: [
    { t: 0 },
    { t: 0.1, hips: { y: 0.6, pitch: -0.5, z: -0.1 }, torso: { lean: 0.2 }, feet: { L: { at: [0.05, 0.08, 0.25] }, R: { at: [-0.05, 0.08, 0.25] } } },
    {
      t: 0.2,
      ...lyingBack(-0.5, 0.4),
      hips: { y: 0.2, z: -0.5, pitch: -1.45, roll: 0.3 },
      hands: { L: at(0.25, 0.05, -0.95, [1, -0.3, 0]), R: at(-0.25, 0.0, 0.05) },
      legs: flutter(0.2),
    },
    { t: 0.4, hips: { z: -0.7, roll: 0 }, hands: { L: at(0.35, -0.05, -0.4), R: at(-0.2, 0.55, -0.2, [-1, 0, 0]) }, legs: flutter(-0.2) },
    { t: 0.6, hips: { z: -0.9, roll: -0.3 }, hands: { L: at(0.25, 0.0, 0.05), R: at(-0.25, 0.05, -0.95, [-1, -0.3, 0]) }, legs: flutter(0.2) },
    { t: 0.8, hips: { z: -1.1, roll: 0 }, hands: { L: at(0.2, 0.55, -0.2, [1, 0, 0]), R: at(-0.35, -0.05, -0.4) }, legs: flutter(-0.2) },
    { t: 1, hips: { z: -1.3, roll: 0.3 }, hands: { L: at(0.25, 0.05, -0.95), R: at(-0.25, 0.0, 0.05) }, legs: flutter(0.2) },
  ],
};

/** Rowing on a sliding seat: catch (shins vertical, arms long, leaning forward), legs drive, body swings back, arms finish to the ribs. */
const rowing: ActionDef = {
  id: 'rowing',
  dur: [2, 2.5],
  fill: true,
  loop: [0.25, 0.85],
  ends: 'sitFloor',
  keys: [
    { t: 0 },
    { t: 0.12, hips: { y: 0.6, z: -0.1, pitch: 0.3 }, torso: { lean: 0.3 }, feet: { L: { at: [0.02, 0.08, 0.15] }, R: { at: [-0.02, 0.08, 0.15] } } },
    {
      t: 0.25,
      hips: { y: 0.4, z: -0.05, pitch: 0.05 },
      torso: { lean: 0.45 },
      head: { pitch: -0.1 },
      feet: { L: { at: [0.02, 0.14, 0.5], pitch: -0.5 }, R: { at: [-0.02, 0.14, 0.5], pitch: -0.5 } },
      hands: { L: at(0.18, 0.32, 0.62, [1, -0.4, 0]), R: at(-0.18, 0.32, 0.62, [-1, -0.4, 0]) },
      shape: { L: 'grip', R: 'grip' },
    },
    { t: 0.45, ease: 'in', hips: { z: -0.4 }, torso: { lean: 0.2 }, hands: { L: at(0.18, 0.3, 0.55), R: at(-0.18, 0.3, 0.55) } },
    {
      t: 0.55,
      ease: 'out',
      hips: { z: -0.48, pitch: -0.15 },
      torso: { lean: -0.35 },
      head: { pitch: 0.05 },
      hands: { L: at(0.2, 0.42, 0.05, [1, -0.3, -0.6]), R: at(-0.2, 0.42, 0.05, [-1, -0.3, -0.6]) },
    },
    { t: 0.7, hips: { z: -0.4, pitch: 0.05 }, torso: { lean: 0.2 }, hands: { L: at(0.18, 0.3, 0.55), R: at(-0.18, 0.3, 0.55) } },
    { t: 0.85, hips: { y: 0.4, z: -0.05, pitch: 0.05 }, torso: { lean: 0.45 }, head: { pitch: -0.1 }, hands: { L: at(0.18, 0.32, 0.62), R: at(-0.18, 0.32, 0.62) } },
    { t: 1, hips: { z: -0.3 }, torso: { lean: 0 }, hands: { L: at(0.2, 0.25, 0.3), R: at(-0.2, 0.25, 0.3) } },
  ],
  props: [{ kind: 'paddle', hand: 'both' }],
  scene: [{ kind: 'box', at: [0, 0, -0.25], size: [0.3, 0.3, 0.7] }],
};

// ---- Others --------------------------------------------------------------------------------------

/** Bowling: two approach steps while the ball swings back, a long slide on the left foot, release low and follow up. */
const bowling: ActionDef = {
  id: 'bowling',
  dur: [2.6, 3.2],
  keys: [
    { t: 0, hands: { R: at(-0.1, 0.25, 0.3), L: at(0.06, 0.25, 0.3) }, shape: { R: 'grip', L: 'open' } },
    { t: 0.2, hips: { y: 0.92, z: 0.3 }, feet: { R: { at: [0, 0.08, 0.45] } }, hands: { R: at(-0.22, -0.1, 0.35), L: at(0.3, 0.05, 0.25) }, torso: { lean: 0.1 } },
    { t: 0.4, hips: { y: 0.88, z: 0.7 }, feet: { L: { at: [0, 0.08, 0.95] } }, hands: { R: at(-0.25, 0.15, -0.45, [-1, 0, 0.4]), L: at(0.4, 0.2, 0.1) }, torso: { lean: 0.25 } },
    {
      t: 0.6,
      ease: 'in',
      hips: { y: 0.62, z: 1.35, pitch: 0.35 },
      torso: { lean: 0.4 },
      head: { pitch: 0.1 },
      feet: { L: { at: [0.02, 0.08, 1.65] }, R: { at: [0.2, 0.1, 0.95], pitch: 0.8, contact: false } },
      hands: { R: at(-0.18, -0.5, 0.5, [-1, -0.5, 0]), L: at(0.5, 0.2, 0.0) },
      shape: { R: 'open' },
    },
    { t: 0.72, hands: { R: at(-0.15, 0.4, 0.45) }, torso: { lean: 0.3 }, head: { pitch: -0.1 } },
    { t: 0.86, hips: { y: 0.85, z: 1.45, pitch: 0.1 }, torso: { lean: 0.1 }, feet: { R: { at: [-0.02, 0.08, 1.6], pitch: 0 } } },
    { t: 1, ...END(1.62) },
  ],
  props: [{ kind: 'ball', hand: 'R', to: 0.6 }],
};

/** Archery: side-on stance, bow arm straight at the target, the string drawn to the cheek, hold, release. */
const archery: ActionDef = {
  id: 'archery',
  dur: [3.2, 4],
  hold: [0.45, 0.65],
  keys: [
    { t: 0, hands: { L: at(0.25, 0.0, 0.15) }, shape: { L: 'grip', R: 'relaxed' } },
    {
      t: 0.2,
      hips: { yaw: -1.1 },
      torso: { twist: -0.35 },
      head: { yaw: 1.3 },
      feet: { L: { at: [0.08, 0.08, 0.08], yaw: -0.9 }, R: { at: [-0.08, 0.08, -0.08], yaw: -1.1 } },
      hands: { L: at(0.05, 0.45, 0.55, [1, -0.2, 0]), R: at(0.04, 0.45, 0.45, [-1, 0.3, -0.3]) },
      shape: { R: 'pinch' },
    },
    { t: 0.45, ease: 'out', hands: { L: at(0.05, 0.47, 0.6), R: at(-0.04, 0.58, 0.08, [-1, 0.6, -0.6]) }, torso: { side: 0.05 } },
    { t: 0.65, hands: { L: at(0.05, 0.47, 0.6), R: at(-0.04, 0.58, 0.07) } },
    { t: 0.69, ease: 'in', hands: { R: at(-0.12, 0.57, -0.06) }, shape: { R: 'open' } },
    { t: 0.82, hands: { L: at(0.05, 0.44, 0.56) } },
    { t: 1, ...END(0), hands: { L: at(0.25, 0.0, 0.15) }, shape: { L: 'grip', R: 'relaxed' } },
  ],
  props: [{ kind: 'bow', hand: 'L' }],
};

/** Jump rope: small springy hops on the balls of the feet, the wrists turning the rope at the hips. */
const jumpRope: ActionDef = {
  id: 'jumpRope',
  dur: [0.45, 0.55],
  cycle: true,
  keys: [
    {
      t: 0,
      hips: { y: 0.93 },
      feet: { L: { at: [0.02, 0.1, 0], pitch: 0.6 }, R: { at: [-0.02, 0.1, 0], pitch: 0.6 } },
      hands: { L: at(0.3, 0.0, 0.12, [1, -0.2, -0.4]), R: at(-0.3, 0.0, 0.12, [-1, -0.2, -0.4]) },
      shape: { L: 'grip', R: 'grip' },
    },
    { t: 0.2, hips: { y: 0.97 }, hands: { L: at(0.32, -0.04, 0.02), R: at(-0.32, -0.04, 0.02) } },
    {
      t: 0.25,
      air: true,
      hips: { y: 0.99 },
      feet: { L: { at: [0.02, 0.24, 0], pitch: 0.5, contact: false }, R: { at: [-0.02, 0.24, 0], pitch: 0.5, contact: false } },
      hands: { L: at(0.31, 0.05, 0.08), R: at(-0.31, 0.05, 0.08) },
    },
    {
      t: 0.75,
      hips: { y: 0.97 },
      feet: { L: { at: [0.02, 0.1, 0], pitch: 0.6 }, R: { at: [-0.02, 0.1, 0], pitch: 0.6 } },
      hands: { L: at(0.29, 0.03, 0.18), R: at(-0.29, 0.03, 0.18) },
    },
    { t: 1, hips: { y: 0.93 }, hands: { L: at(0.3, 0.0, 0.12), R: at(-0.3, 0.0, 0.12) } },
  ],
  props: [{ kind: 'rope', hand: 'both' }],
};

/** Skiing: a low tuck with poles, linked turns carving left and right, the body inclining into each turn. */
const skiing: ActionDef = {
  id: 'skiing',
  dur: [2, 2.6],
  fill: true,
  loop: [0.15, 0.85],
  keys: [
    { t: 0 },
    {
      t: 0.15,
      hips: { y: 0.8, z: 0.4, pitch: 0.3, x: 0 },
      torso: { lean: 0.3 },
      head: { pitch: -0.2 },
      feet: { L: { at: [0.0, 0.08, 0.4], contact: false }, R: { at: [0.0, 0.08, 0.4], contact: false } },
      hands: { L: at(0.28, 0.1, 0.4, [1, -0.6, 0]), R: at(-0.28, 0.1, 0.4, [-1, -0.6, 0]) },
      shape: { L: 'grip', R: 'grip' },
    },
    {
      t: 0.5,
      hips: { x: 0.25, z: 1.6, roll: -0.25, yaw: 0.2 },
      torso: { side: -0.15, twist: -0.15 },
      feet: { L: { at: [0.32, 0.08, 1.6], contact: false, yaw: 0.25 }, R: { at: [0.32, 0.08, 1.6], contact: false, yaw: 0.25 } },
    },
    {
      t: 0.85,
      hips: { x: 0, z: 2.8, roll: 0.25, yaw: -0.2 },
      torso: { side: 0.15, twist: 0.15 },
      feet: { L: { at: [0.0, 0.08, 2.8], contact: false, yaw: -0.25 }, R: { at: [0.0, 0.08, 2.8], contact: false, yaw: -0.25 } },
    },
    {
      t: 1,
      hips: { y: 0.9, z: 3.1, roll: 0, yaw: 0, pitch: 0.05 },
      torso: { side: 0, twist: 0, lean: 0.1 },
      feet: { L: { at: [0, 0.08, 3.1], yaw: 0 }, R: { at: [0, 0.08, 3.1], yaw: 0 } },
    },
  ],
  props: [
    { kind: 'stick', hand: 'L' },
    { kind: 'stick', hand: 'R' },
  ],
};

/**
 * Skateboard: the left foot rides the board, the right foot pushes off the ground behind, then back on
 * to glide. The board is low (soles 4-5 cm up) so riding with no foot on the floor never reads as a jump.
 */
const skateboard: ActionDef = {
  id: 'skateboard',
  dur: [1.8, 2.2],
  fill: true,
  loop: [0.2, 0.9],
  keys: [
    { t: 0 },
    { t: 0.1, hips: { y: 0.9, z: 0.02, x: -0.03 }, feet: { L: { at: [0, 0.15, 0.08], contact: false } } },
    // Loop: the right foot plants beside the board, pushes, lifts, rides, and reaches forward to plant again.
    {
      t: 0.2,
      hips: { y: 0.84, z: 0.08, x: 0 },
      torso: { lean: 0.2 },
      feet: { L: { at: [0, 0.13, 0.1], contact: false }, R: { at: [-0.02, 0.08, 0] } },
      arms: { L: { down: 1.0, forward: 0.3 }, R: { down: 1.0, forward: -0.3 } },
    },
    {
      t: 0.38,
      ease: 'in',
      hips: { y: 0.83, z: 0.5 },
      torso: { lean: 0.25 },
      feet: { L: { at: [0, 0.13, 0.5], contact: false }, R: { at: [-0.02, 0.08, 0] } },
      arms: { L: { forward: -0.3 }, R: { forward: 0.3 } },
    },
    { t: 0.48, hips: { y: 0.84, z: 0.68 }, feet: { L: { at: [0, 0.13, 0.68], contact: false }, R: { at: [-0.02, 0.2, 0.25], contact: false } } },
    {
      t: 0.62,
      hips: { y: 0.84, z: 0.85 },
      torso: { lean: 0.12 },
      feet: { L: { at: [0, 0.13, 0.85], contact: false }, R: { at: [-0.03, 0.13, 0.55], contact: false, yaw: -0.4 } },
      arms: { L: { forward: 0.2 }, R: { forward: -0.2 } },
    },
    { t: 0.78, hips: { y: 0.84, z: 0.98 }, torso: { lean: 0.18 }, feet: { L: { at: [0, 0.13, 0.98], contact: false }, R: { at: [-0.02, 0.2, 0.85], contact: false, yaw: 0 } } },
    {
      t: 0.9,
      hips: { y: 0.84, z: 1.08 },
      torso: { lean: 0.2 },
      feet: { L: { at: [0, 0.13, 1.1], contact: false }, R: { at: [-0.02, 0.08, 1.0] } },
      arms: { L: { forward: 0.3 }, R: { forward: -0.3 } },
    },
    { t: 1, hips: { y: 0.93, z: 1.08 }, torso: { lean: 0 }, feet: { L: { at: [0, 0.08, 1.1] } }, arms: { L: { down: 1.28, forward: 0 }, R: { down: 1.28, forward: 0 } } },
  ],
};

/** Hula hoop: the hips circle fast (forward, left, back, right) while the arms stay up out of the way. */
const hulaHoop: ActionDef = {
  id: 'hulaHoop',
  dur: [2, 2.6],
  cycle: true,
  keys: tileKeys(
    [
      {
        t: 0,
        hips: { y: 0.92, z: 0.06, x: 0, pitch: -0.12, roll: 0 },
        feet: { L: { at: [0.05, 0.08, 0.08] }, R: { at: [-0.05, 0.08, -0.08] } },
        hands: { L: at(0.3, 0.75, 0.1, [1, -0.2, -0.3]), R: at(-0.3, 0.75, 0.1, [-1, -0.2, -0.3]) },
        shape: { L: 'open', R: 'open' },
      },
      { t: 0.25, hips: { x: 0.06, z: 0, pitch: 0, roll: -0.12 }, torso: { side: -0.1 } },
      { t: 0.5, hips: { x: 0, z: -0.06, pitch: 0.12, roll: 0 }, torso: { side: 0 } },
      { t: 0.75, hips: { x: -0.06, z: 0, pitch: 0, roll: 0.12 }, torso: { side: 0.1 } },
      { t: 1, hips: { x: 0, z: 0.06, pitch: -0.12, roll: 0 }, torso: { side: 0 } },
    ],
    4,
  ),
  props: [{ kind: 'hoop', hand: 'both' }],
};

/** Cricket bowling: run-up, a bound into the side-on delivery stride, the straight bowling arm windmilling over the top. */
const cricketBowl: ActionDef = {
  id: 'cricketBowl',
  dur: [2.4, 2.9],
  keys: [
    { t: 0, shape: { R: 'grip' } },
    { t: 0.18, hips: { y: 0.92, z: 0.4 }, feet: { R: { at: [0, 0.08, 0.55] } }, arms: { L: { forward: 0.5 }, R: { forward: -0.4 } } },
    {
      t: 0.32,
      hips: { y: 1.0, z: 0.85, yaw: -0.9 },
      torso: { lean: -0.15, twist: -0.3 },
      head: { yaw: 1.0 },
      feet: { L: { at: [0, 0.3, 0.8], contact: false }, R: { at: [0, 0.2, 0.7], contact: false } },
      hands: { L: at(0.15, 0.95, 0.25, [1, 0, 0]), R: at(-0.3, -0.1, -0.2, [-1, 0, 0.3]) },
    },
    { t: 0.42, hips: { y: 0.9, z: 1.15, yaw: -1.0 }, feet: { R: { at: [0, 0.08, 1.0], yaw: -1.2 } }, hands: { R: at(-0.45, 0.35, -0.3, [-1, 0, 0.3]) } },
    {
      t: 0.52,
      ease: 'in',
      hips: { y: 0.86, z: 1.35, yaw: -0.2 },
      torso: { lean: 0.2, twist: 0.2 },
      head: { yaw: 0.2 },
      feet: { L: { at: [0.05, 0.08, 1.65] } },
      hands: { L: at(0.3, 0.0, -0.1), R: at(-0.12, 0.98, 0.1, [-1, 0, -0.2]) },
    },
    {
      t: 0.6,
      ease: 'in',
      hips: { yaw: 0.4, z: 1.45 },
      torso: { lean: 0.55, twist: 0.45 },
      head: { yaw: 0 },
      hands: { R: at(0.2, -0.15, 0.4) },
      shape: { R: 'open' },
      feet: { R: { at: [0, 0.3, 1.2], contact: false, pitch: 0.5 } },
    },
    { t: 0.78, hips: { y: 0.92, z: 1.7, yaw: 0.1 }, torso: { lean: 0.1, twist: 0 }, feet: { R: { at: [-0.03, 0.08, 1.9], pitch: 0, yaw: 0 } } },
    { t: 1, ...END(1.8) },
  ],
  props: [{ kind: 'ball', hand: 'R', to: 0.56 }],
};

/** Hockey slap shot: the stick wound up high behind, the hips lead the downswing, slap through the puck, high finish. */
const hockeySlapShot: ActionDef = {
  id: 'hockeySlapShot',
  dur: [2.2, 2.7],
  keys: [
    { t: 0 },
    {
      t: 0.2,
      hips: { y: 0.84, pitch: 0.2, yaw: -0.3 },
      torso: { lean: 0.3, twist: -0.2 },
      head: { pitch: 0.2, yaw: 0.3 },
      feet: { L: { at: [0.12, 0.08, 0.1] }, R: { at: [-0.14, 0.08, -0.05] } },
      hands: { L: at(0.05, 0.12, 0.3, [1, -0.6, 0]), R: at(-0.15, -0.15, 0.42, [-1, -0.5, 0]) },
      shape: { L: 'grip', R: 'grip' },
    },
    {
      t: 0.45,
      hips: { yaw: -0.65, x: -0.05 },
      torso: { twist: -0.6, lean: 0.15 },
      head: { yaw: 0.6 },
      hands: { L: at(-0.12, 0.48, 0.05), R: at(-0.35, 0.4, -0.15, [-1, 0, -0.3]) },
    },
    {
      t: 0.56,
      ease: 'in',
      hips: { y: 0.78, yaw: -0.05, x: 0.04 },
      torso: { twist: -0.05, lean: 0.4 },
      head: { yaw: 0.2 },
      hands: { L: at(0.0, 0.1, 0.35), R: at(-0.08, -0.3, 0.5) },
    },
    {
      t: 0.68,
      ease: 'out',
      hips: { y: 0.86, yaw: 0.45, x: 0.06 },
      torso: { twist: 0.45, lean: 0.15 },
      head: { yaw: -0.1 },
      hands: { L: at(0.35, 0.2, 0.15), R: at(0.3, 0.35, 0.45) },
      feet: { R: { at: [-0.12, 0.12, -0.05], pitch: 0.7 } },
    },
    { t: 1, ...END(0) },
  ],
  props: [{ kind: 'stick', hand: 'both' }],
};

export default [
  golfSwing,
  golfPutt,
  baseballSwing,
  baseballPitch,
  tennisForehand,
  tennisBackhand,
  tennisServe,
  basketballDribble,
  basketballShot,
  soccerPass,
  soccerShot,
  volleyballSpike,
  volleyballBump,
  swimFreestyle,
  swimBreaststroke,
  swimBackstroke,
  rowing,
  bowling,
  archery,
  jumpRope,
  skiing,
  skateboard,
  hulaHoop,
  cricketBowl,
  hockeySlapShot,
] satisfies ActionDef[];
