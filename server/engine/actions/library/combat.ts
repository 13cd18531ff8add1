/** Combat: distinct strikes, defences and reactions, authored in the action format (docs/action-format.md). */
import type { ActionDef, KeyPose } from '../format.ts';
import { STANCE, lyingBack, stanceIn, stanceOut, standAt } from './poses.ts';

type Extra = Omit<KeyPose, 't'>;

/**
 * A strike from the stance: guard, an optional wind-up, the hit (arriving with `ease: 'in'`, fast at
 * the end), a follow-through and back to guard. The loop window repeats it for counts ("three jabs").
 */
function strike(id: string, dur: [number, number], side: 'L' | 'R', windUp: Extra | null, hit: Extra, follow: Extra): ActionDef {
  const keys: KeyPose[] = [{ t: 0 }, ...stanceIn(0, 0.25), { t: 0.25, ...STANCE }];
  if (windUp) keys.push({ t: 0.33, ...windUp });
  keys.push({ t: 0.45, ease: 'in', ...hit }, { t: 0.55, ...follow }, { t: 0.7, ...STANCE }, ...stanceOut(0.7, 1), { t: 1, ...standAt() });
  return { id, dur, side, loop: [0.25, 0.7], chain: { name: 'stance', from: 0.25, to: 0.7 }, keys };
}

const jab = strike(
  'jab',
  [1.3, 1.6],
  'L',
  null,
  { hips: { y: 0.89, yaw: -0.45, z: 0.07 }, torso: { twist: -0.3, lean: 0.12 }, hands: { L: { at: [0.03, 0.52, [0.6, 0.68]], pole: [1, -0.2, -0.3] } } },
  { hips: { y: 0.9, yaw: -0.4, z: 0.04 }, torso: { twist: -0.15 }, hands: { L: { at: [0.08, 0.51, 0.35], pole: [1, -0.6, -0.3] } } },
);

/** Cross: the rear hand straight through, rear hip and heel pivoting forward. */
const cross = strike(
  'cross',
  [1.4, 1.7],
  'R',
  { hips: { yaw: -0.45 }, torso: { twist: -0.2 } },
  {
    hips: { y: 0.88, yaw: 0.3, z: 0.1 },
    torso: { twist: 0.35, lean: 0.15 },
    feet: { R: { at: [-0.03, 0.1, -0.16], yaw: 0.2, pitch: 0.4 } },
    hands: { R: { at: [-0.01, 0.52, [0.66, 0.72]], pole: [-1, -0.2, -0.3] }, L: { at: [0.1, 0.52, 0.2] } },
  },
  { hips: { yaw: 0.1, z: 0.06 }, torso: { twist: 0.15 }, hands: { R: { at: [-0.06, 0.5, 0.4] } } },
);

/** Hook: the lead hand swings round horizontally with the elbow up, the whole body turning through. */
const hook = strike(
  'hook',
  [1.4, 1.7],
  'L',
  { hips: { yaw: -0.55 }, torso: { twist: -0.3 }, hands: { L: { at: [0.35, 0.5, 0.25], pole: [1, 0.5, -0.5] } } },
  {
    hips: { y: 0.88, yaw: 0.25, z: 0.05 },
    torso: { twist: 0.45, lean: 0.1 },
    feet: { L: { at: [0.02, 0.1, 0.2], yaw: 0.4, pitch: 0.3 } },
    hands: { L: { at: [-0.12, 0.52, 0.42], pole: [0.3, 1, -0.6] } },
  },
  { hips: { yaw: 0.15 }, torso: { twist: 0.35 }, hands: { L: { at: [-0.15, 0.5, 0.3], pole: [0.3, 1, -0.6] } } },
);

/** Uppercut: dip, then drive up from the legs with the rear hand rising under the chin. */
const uppercut = strike(
  'uppercut',
  [1.4, 1.8],
  'R',
  { hips: { y: 0.8, yaw: -0.5 }, torso: { lean: 0.2, twist: -0.25 }, hands: { R: { at: [-0.12, 0.25, 0.25], pole: [-1, -0.5, 0] } } },
  { hips: { y: 0.93, yaw: 0.2, z: 0.06 }, torso: { lean: -0.08, twist: 0.35 }, hands: { R: { at: [-0.03, 0.72, 0.36], pole: [-0.5, -1, 0.2] } } },
  { hips: { y: 0.91 }, torso: { lean: 0 }, hands: { R: { at: [-0.06, 0.62, 0.3], pole: [-0.5, -1, 0.2] } } },
);

/** A generic punch is a cross with the right hand. */
const punch: ActionDef = { ...cross, id: 'punch' };

const elbowStrike = strike(
  'elbowStrike',
  [1.3, 1.6],
  'R',
  { hips: { yaw: -0.5 }, torso: { twist: -0.3 } },
  { hips: { y: 0.88, yaw: 0.35, z: 0.06 }, torso: { twist: 0.55 }, hands: { R: { at: [0.12, 0.52, 0.12], pole: [-0.3, 0.2, 1] } } },
  { hips: { yaw: 0.3 }, torso: { twist: 0.45 }, hands: { R: { at: [0.1, 0.5, 0.15], pole: [-0.3, 0.2, 1] } } },
);

/** Knee strike: the hands pull the opponent down while the rear knee drives up. */
const kneeStrike = strike(
  'kneeStrike',
  [1.4, 1.7],
  'R',
  { hips: { yaw: -0.2 }, hands: { L: { at: [0.12, 0.62, 0.45] }, R: { at: [-0.12, 0.62, 0.45] } } },
  {
    hips: { y: 0.93, yaw: 0, z: 0.05, pitch: -0.15 },
    torso: { lean: 0.15, twist: 0 },
    legs: { R: { flex: 1.6, knee: 2.0 } },
    hands: { L: { at: [0.08, 0.35, 0.5] }, R: { at: [-0.08, 0.35, 0.5] } },
  },
  { legs: { R: { flex: 1.0, knee: 1.6 } } },
);
// The kneeing foot lands back where it stood.
kneeStrike.keys.splice(
  kneeStrike.keys.findIndex((k) => k.t === 0.7),
  1,
  { t: 0.7, ...STANCE, feet: { ...STANCE.feet, R: { at: [-0.03, 0.08, -0.16], yaw: -0.3 } } },
);

/** Kicks leave IK on the kicking leg (angles), with the body counter-leaning and the guard up. */
function kick(id: string, dur: [number, number], chamber: Extra, hit: Extra, recoil: Extra): ActionDef {
  return {
    id,
    dur,
    side: 'R',
    loop: [0.25, 0.78],
    chain: { name: 'stance', from: 0.25, to: 0.78 },
    keys: [
      { t: 0 },
      ...stanceIn(0, 0.25),
      { t: 0.25, ...STANCE },
      { t: 0.38, ...chamber },
      { t: 0.5, ease: 'in', ...hit },
      { t: 0.6, ...recoil },
      { t: 0.78, ...STANCE, feet: { ...STANCE.feet, R: { at: [-0.03, 0.08, -0.16], yaw: -0.3 } } },
      ...stanceOut(0.78, 1),
      { t: 1, ...standAt() },
    ],
  };
}

const frontKick = kick(
  'frontKick',
  [1.5, 1.8],
  { hips: { y: 0.92, yaw: -0.1, x: 0.06, pitch: -0.15 }, torso: { lean: -0.15 }, legs: { R: { flex: 1.5, knee: 2.0, abduct: 0.05 } } },
  { hips: { pitch: -0.35, z: 0.05 }, torso: { lean: -0.3 }, legs: { R: { flex: [1.75, 1.95], knee: 0.08 } } },
  { hips: { pitch: -0.15 }, torso: { lean: -0.15 }, legs: { R: { flex: 1.4, knee: 1.9 } } },
);

/** Side kick: the body turns side-on, the leg chambers and extends sideways with the heel leading. */
const sideKick = kick(
  'sideKick',
  [1.5, 1.9],
  {
    hips: { y: 0.9, yaw: -1.3, x: 0.08, roll: -0.2 },
    torso: { side: 0.3, twist: 0.3 },
    head: { yaw: 1.2 },
    feet: { L: { at: [0.02, 0.08, 0.2], yaw: -1.1 } },
    legs: { R: { flex: 1.2, abduct: 0.6, knee: 2.1 } },
  },
  { hips: { roll: -0.55 }, torso: { side: 0.55 }, legs: { R: { flex: 0.3, abduct: [1.3, 1.5], knee: 0.05, twist: 0.3 } } },
  { hips: { roll: -0.25 }, torso: { side: 0.3 }, legs: { R: { flex: 1.2, abduct: 0.6, knee: 2.0 } } },
);

/** Roundhouse: pivot on the standing foot, the hip turns over and the shin whips round above hip height. */
const roundhouseKick = kick(
  'roundhouseKick',
  [1.5, 1.9],
  {
    hips: { y: 0.9, yaw: -0.9, x: 0.08, roll: -0.3 },
    torso: { side: 0.3, twist: 0.5 },
    head: { yaw: 0.8 },
    feet: { L: { at: [0.02, 0.1, 0.2], yaw: -1.2, pitch: 0.3 } },
    legs: { R: { flex: 1.0, abduct: 1.0, knee: 2.0 } },
  },
  { hips: { yaw: -1.3, roll: -0.7 }, torso: { side: 0.6, twist: 0.7 }, legs: { R: { flex: 0.9, abduct: [1.45, 1.6], knee: 0.15, twist: 0.6 } } },
  { hips: { yaw: -1.0, roll: -0.35 }, torso: { side: 0.3 }, legs: { R: { flex: 0.9, abduct: 0.9, knee: 1.9 } } },
);

/** Back kick: look over the shoulder, hinge forward and drive the heel straight back. */
const backKick = kick(
  'backKick',
  [1.5, 1.9],
  { hips: { y: 0.9, yaw: -0.2, pitch: 0.3 }, torso: { lean: 0.3 }, head: { yaw: 1.0, pitch: -0.3 }, legs: { R: { flex: 0.8, knee: 2.0 } } },
  { hips: { pitch: 0.7, z: -0.05 }, torso: { lean: 0.4 }, legs: { R: { flex: -1.1, knee: 0.1 } } },
  { hips: { pitch: 0.35 }, torso: { lean: 0.3 }, legs: { R: { flex: 0.6, knee: 1.8 } } },
);

function hold(id: string, dur: [number, number], pose: Extra, side: 'L' | 'R' = 'R'): ActionDef {
  return {
    id,
    dur,
    side,
    hold: [0.3, 0.75],
    keys: [{ t: 0 }, ...stanceIn(0, 0.3), { t: 0.3, ...STANCE, ...pose }, { t: 0.75, ...STANCE, ...pose }, ...stanceOut(0.75, 1), { t: 1, ...standAt() }],
  };
}

const block = hold('block', [1.6, 2.2], {
  torso: { lean: 0.15, twist: -0.05 },
  head: { pitch: 0.2, yaw: 0.2 },
  hands: { L: { at: [0.06, 0.66, 0.2], pole: [1, -0.3, 0] }, R: { at: [-0.06, 0.66, 0.2], pole: [-1, -0.3, 0] } },
});
const fightStance: ActionDef = {
  id: 'fightStance',
  dur: [2.5, 3.2],
  hold: [0.3, 0.8],
  keys: [
    { t: 0 },
    ...stanceIn(0, 0.3),
    { t: 0.3, ...STANCE },
    { t: 0.45, hips: { y: 0.87 } },
    { t: 0.6, hips: { y: 0.9 } },
    { t: 0.8, ...STANCE },
    ...stanceOut(0.8, 1),
    { t: 1, ...standAt() },
  ],
};
const dodge: ActionDef = {
  id: 'dodge',
  dur: [1.2, 1.6],
  side: 'R',
  keys: [
    { t: 0 },
    ...stanceIn(0, 0.2),
    { t: 0.2, ...STANCE },
    { t: 0.45, ease: 'out', hips: { x: -0.22, y: 0.84, roll: 0.15 }, torso: { side: -0.45, lean: 0.2 }, feet: { R: { at: [-0.3, 0.08, -0.12] } }, head: { roll: -0.3 } },
    { t: 0.7, ...STANCE, feet: { L: { at: [-0.1, 0.08, 0.2] }, R: { at: [-0.3, 0.08, -0.16] } }, hips: { x: -0.18, y: 0.9, yaw: -0.35 } },
    { t: 1, ...standAt(0, -0.2, 0, -0.2) },
  ],
};
const duck: ActionDef = {
  id: 'duck',
  dur: [1.1, 1.5],
  keys: [
    { t: 0 },
    ...stanceIn(0, 0.15),
    { t: 0.15, ...STANCE },
    { t: 0.4, ease: 'out', hips: { y: 0.62, z: -0.05, pitch: 0.3 }, torso: { lean: 0.55 }, head: { pitch: -0.2 } },
    { t: 0.6, hips: { y: 0.64 } },
    { t: 0.8, ...STANCE },
    ...stanceOut(0.8, 1),
    { t: 1, ...standAt() },
  ],
};

/** Sword (held in the right hand): slash high-left to low-right, stab in a lunge, parry across. */
const sword = (d: ActionDef): ActionDef => ({ ...d, props: [{ kind: 'sword', hand: 'R' }] });
const swordSlash = sword({
  id: 'swordSlash',
  dur: [1.4, 1.8],
  side: 'R',
  loop: [0.2, 0.75],
  keys: [
    { t: 0 },
    ...stanceIn(0, 0.2),
    { t: 0.2, ...STANCE, shape: { R: 'grip', L: 'fist' } },
    { t: 0.38, hips: { yaw: -0.6, y: 0.92 }, torso: { twist: -0.5, lean: -0.05, side: 0.1 }, hands: { R: { at: [0.22, 0.88, 0.05], pole: [-1, 0.3, -0.5] } } },
    { t: 0.52, ease: 'in', hips: { yaw: 0.35, y: 0.84, z: 0.1 }, torso: { twist: 0.5, lean: 0.3, side: -0.1 }, hands: { R: { at: [-0.35, 0.15, 0.5], pole: [-1, -0.5, 0] } } },
    { t: 0.62, hips: { yaw: 0.4 }, torso: { twist: 0.55 }, hands: { R: { at: [-0.42, 0.05, 0.3] } } },
    { t: 0.75, ...STANCE },
    ...stanceOut(0.75, 1),
    { t: 1, ...standAt() },
  ],
});
const swordStab = sword({
  id: 'swordStab',
  dur: [1.4, 1.8],
  side: 'R',
  loop: [0.2, 0.75],
  keys: [
    { t: 0 },
    ...stanceIn(0, 0.2),
    { t: 0.2, ...STANCE, shape: { R: 'grip', L: 'fist' } },
    { t: 0.35, hips: { yaw: -0.4 }, hands: { R: { at: [-0.15, 0.4, 0.05], pole: [-1, -0.5, -0.3] } } },
    {
      t: 0.5,
      ease: 'in',
      hips: { y: 0.8, z: 0.28, yaw: -0.2 },
      torso: { lean: 0.2, twist: 0.2 },
      feet: { L: { at: [0.04, 0.08, 0.6] } },
      hands: { R: { at: [-0.02, 0.45, 0.75], pole: [-1, -0.3, 0] }, L: { at: [0.3, 0.4, -0.1] } },
    },
    { t: 0.6, hips: { z: 0.26 }, hands: { R: { at: [-0.03, 0.45, 0.7] } } },
    { t: 0.75, ...STANCE },
    ...stanceOut(0.75, 1),
    { t: 1, ...standAt() },
  ],
});
const swordParry = sword(
  hold('swordParry', [1.4, 1.8], { hands: { R: { at: [0.1, 0.6, 0.42], pole: [-1, -0.4, 0] }, L: { at: [0.15, 0.4, 0.1] } }, torso: { twist: 0.2 }, shape: { R: 'grip' } }),
);

/** Firearms: a two-handed rifle shouldered with the cheek on the stock, a two-handed pistol at arm's length. */
const rifleHands: Extra = {
  hands: { R: { at: [-0.1, 0.48, 0.16], pole: [-1, -0.4, -0.4] }, L: { at: [0.0, 0.45, 0.5], pole: [1, -1, 0] } },
  head: { pitch: 0.15, yaw: 0.15, roll: -0.2 },
  torso: { lean: 0.12, twist: 0.1 },
  shape: { R: 'grip', L: 'grip' },
};
const pistolHands: Extra = {
  hands: { R: { at: [-0.02, 0.52, 0.55], pole: [-1, -1, 0] }, L: { at: [0.02, 0.5, 0.52], pole: [1, -1, 0] } },
  head: { pitch: 0.05 },
  torso: { lean: 0.08 },
  shape: { R: 'point', L: 'grip' },
};
const rifleAim: ActionDef = { ...hold('rifleAim', [2.2, 2.8], rifleHands), props: [{ kind: 'rifle', hand: 'both' }] };
const pistolAim: ActionDef = { ...hold('pistolAim', [2, 2.6], pistolHands), props: [{ kind: 'pistol', hand: 'R' }] };
/** Firing: each shot kicks the hands and shoulders back, recovering quickly (loop = one shot). */
function fire(id: string, base: Extra, kickBack: number, lift: number, prop: 'rifle' | 'pistol'): ActionDef {
  const h = base.hands!;
  const kicked = {
    R: { ...h.R!, at: [h.R!.at[0], (h.R!.at[1] as number) + lift, (h.R!.at[2] as number) - kickBack] as const },
    L: { ...h.L!, at: [h.L!.at[0], (h.L!.at[1] as number) + lift, (h.L!.at[2] as number) - kickBack] as const },
  };
  return {
    id,
    dur: [1.8, 2.2],
    loop: [0.3, 0.5],
    fill: true,
    props: [{ kind: prop, hand: prop === 'rifle' ? 'both' : 'R' }],
    keys: [
      { t: 0 },
      ...stanceIn(0, 0.3),
      { t: 0.3, ...STANCE, ...base },
      { t: 0.34, ease: 'out', hands: kicked, torso: { lean: 0.02 }, hips: { z: -0.01 } },
      { t: 0.5, hands: h, torso: { lean: 0.12 }, hips: { z: 0.02 } },
      { t: 0.75, ...STANCE, ...base },
      ...stanceOut(0.75, 1),
      { t: 1, ...standAt() },
    ],
  };
}
const rifleFire = fire('rifleFire', rifleHands, 0.05, 0.02, 'rifle');
const pistolFire = fire('pistolFire', pistolHands, 0.04, 0.07, 'pistol');

/** Hit reactions: the body part struck moves first, the rest follows, a step catches the balance. */
const hitHead: ActionDef = {
  id: 'hitHead',
  dur: [1.3, 1.7],
  keys: [
    { t: 0 },
    { t: 0.12, ease: 'out', head: { pitch: -0.55, yaw: 0.3, roll: 0.2 }, torso: { lean: -0.2, twist: 0.15 }, hips: { z: -0.05 } },
    {
      t: 0.3,
      torso: { lean: -0.3 },
      hips: { z: -0.16, y: 0.92 },
      feet: { R: { at: [-0.02, 0.08, -0.28] } },
      arms: { L: { down: 0.9, forward: 0.5, elbow: 0.8 }, R: { down: 0.9, forward: 0.4, elbow: 0.8 } },
    },
    {
      t: 0.6,
      head: { pitch: 0.1, yaw: 0, roll: 0 },
      torso: { lean: 0.05, twist: 0 },
      hips: { z: -0.12, y: 0.94 },
      arms: { L: { down: 1.2, forward: 0.2, elbow: 0.5 }, R: { down: 1.2, forward: 0.2, elbow: 0.5 } },
    },
    { t: 1, ...standAt(-0.14, 0, -0.14) },
  ],
};
const hitStomach: ActionDef = {
  id: 'hitStomach',
  dur: [1.5, 1.9],
  keys: [
    { t: 0 },
    {
      t: 0.12,
      ease: 'out',
      hips: { z: -0.1, y: 0.9, pitch: -0.1 },
      torso: { lean: 0.6 },
      head: { pitch: 0.2 },
      hands: { L: { at: [0.06, 0.12, 0.18] }, R: { at: [-0.06, 0.14, 0.18] } },
    },
    { t: 0.35, hips: { z: -0.2, y: 0.84, pitch: 0.2 }, torso: { lean: 0.75 }, feet: { L: { at: [0.02, 0.08, -0.25] } } },
    { t: 0.65, hips: { z: -0.16, y: 0.9, pitch: 0.05 }, torso: { lean: 0.4 } },
    { t: 1, ...standAt(-0.13, 0, -0.12) },
  ],
};
const hitBack: ActionDef = {
  id: 'hitBack',
  dur: [1.3, 1.7],
  keys: [
    { t: 0 },
    {
      t: 0.12,
      ease: 'out',
      hips: { z: 0.1, pitch: -0.2 },
      torso: { lean: -0.35 },
      head: { pitch: -0.4 },
      arms: { L: { down: 1.1, forward: -0.5, elbow: 0.4 }, R: { down: 1.1, forward: -0.5, elbow: 0.4 } },
    },
    { t: 0.32, hips: { z: 0.22, y: 0.92 }, torso: { lean: 0.1 }, head: { pitch: 0.1 }, feet: { L: { at: [0.02, 0.08, 0.3] } } },
    { t: 1, ...standAt(0.16, 0, 0.16) },
  ],
};
/** Knockdown: a heavy hit lifts the body back and it falls flat on its back. */
const knockdown: ActionDef = {
  id: 'knockdown',
  dur: [2.2, 2.8],
  ends: 'lie',
  hold: [0.75, 1],
  keys: [
    { t: 0 },
    {
      t: 0.1,
      ease: 'out',
      head: { pitch: -0.6 },
      torso: { lean: -0.35 },
      hips: { z: -0.12, pitch: -0.2 },
      arms: { L: { down: 0.5, forward: 0.6, elbow: 0.4 }, R: { down: 0.5, forward: 0.6, elbow: 0.4 } },
    },
    { t: 0.3, hips: { z: -0.35, y: 0.75, pitch: -0.5 }, feet: { R: { at: [0, 0.08, -0.2] } } },
    { t: 0.5, hips: { z: -0.55, y: 0.3, pitch: -1.0 }, feet: { L: { at: [0.05, 0.12, 0.1], contact: false } } },
    { t: 0.62, ...lyingBack(-0.75, 0.05), head: { pitch: -0.3 } },
    { t: 0.75, ...lyingBack(-0.75, 0.05) },
    { t: 1, ...lyingBack(-0.75, 0.05) },
  ],
};

export default [
  jab,
  cross,
  hook,
  uppercut,
  punch,
  elbowStrike,
  kneeStrike,
  frontKick,
  sideKick,
  roundhouseKick,
  backKick,
  block,
  fightStance,
  dodge,
  duck,
  swordSlash,
  swordStab,
  swordParry,
  rifleAim,
  rifleFire,
  pistolAim,
  pistolFire,
  hitHead,
  hitStomach,
  hitBack,
  knockdown,
] satisfies ActionDef[];
