/** Terrain with real height change, authored in the action format (docs/action-format.md). */
import type { ActionDef, FootKey } from '../format.ts';
import { ARMS_DOWN, standAt } from './poses.ts';

/** Stair geometry: 18 cm rise, 28 cm going; ankle height on a step = 0.08 + rise × step. */
const RISE = 0.18,
  RUN = 0.28;

/**
 * Stairs up, step over step: an intro step onto the first stair, a loop of two steps (each foot
 * climbs two stairs, so travel accumulates per repetition) and a closing step that brings the feet
 * together on the top stair. The hips stay within leg reach of the lower foot throughout.
 */
const stairsUp: ActionDef = {
  id: 'stairsUp',
  fill: true,
  dur: [3.2, 3.8],
  loop: [0.22, 0.78],
  keys: [
    { t: 0 },
    {
      t: 0.12,
      hips: { y: 0.93, z: 0.07 },
      torso: { lean: 0.12 },
      feet: { R: { at: [0, 0.08 + RISE + 0.12, RUN * 0.5], pitch: 0.2, contact: false } },
      arms: { L: { forward: 0.3 }, R: { forward: -0.2 } },
    },
    { t: 0.22, hips: { y: 0.92, z: 0.14 }, feet: { R: { at: [0, 0.08 + RISE, RUN], pitch: 0 } }, arms: { L: { forward: 0 }, R: { forward: 0 } } },
    { t: 0.36, hips: { y: 1.06, z: 0.3 }, feet: { L: { at: [0, 0.08 + RISE * 2, RUN], pitch: 0.2, contact: false } }, arms: { L: { forward: -0.2 }, R: { forward: 0.3 } } },
    { t: 0.5, hips: { y: 0.92 + RISE, z: 0.42 }, feet: { L: { at: [0, 0.08 + RISE * 2, RUN * 2], pitch: 0 } }, arms: { L: { forward: 0 }, R: { forward: 0 } } },
    {
      t: 0.64,
      hips: { y: 1.06 + RISE, z: 0.58 },
      feet: { R: { at: [0, 0.08 + RISE * 3, RUN * 2], pitch: 0.2, contact: false } },
      arms: { L: { forward: 0.3 }, R: { forward: -0.2 } },
    },
    { t: 0.78, hips: { y: 0.92 + RISE * 2, z: 0.7 }, feet: { R: { at: [0, 0.08 + RISE * 3, RUN * 3], pitch: 0 } }, arms: { L: { forward: 0 }, R: { forward: 0 } } },
    { t: 0.9, hips: { y: 1.06 + RISE * 2, z: 0.8 }, feet: { L: { at: [0, 0.08 + RISE * 3 + 0.08, RUN * 2.6], pitch: 0.15, contact: false } } },
    { t: 1, hips: { y: 0.955 + RISE * 3, z: RUN * 3 }, torso: { lean: 0 }, feet: { L: { at: [0, 0.08 + RISE * 3, RUN * 3], pitch: 0 } } },
  ],
  scene: [{ kind: 'stairs', at: [0, 0, 0.14 + RUN * 1.5], size: [0.9, RISE * 3, RUN * 3], steps: 3, perLoop: 2 }],
};

/**
 * Stairs down, step over step: the keys descend below the starting floor and `startsHigh` raises the
 * action by the whole descent, so the character starts on the top stair and ends on the floor.
 */
const stairsDown: ActionDef = {
  id: 'stairsDown',
  fill: true,
  dur: [3.0, 3.6],
  loop: [0.22, 0.78],
  startsHigh: true,
  keys: [
    { t: 0 },
    {
      t: 0.12,
      hips: { y: 0.9, z: 0.1 },
      torso: { lean: 0.05 },
      head: { pitch: 0.25 },
      feet: { R: { at: [0, 0.14, RUN * 0.5], pitch: 0.3, contact: false } },
      arms: { L: { forward: 0.2 }, R: { forward: -0.15 } },
    },
    { t: 0.22, hips: { y: 0.9 - RISE, z: 0.18 }, feet: { R: { at: [0, 0.08 - RISE, RUN], pitch: 0 } }, arms: { L: { forward: 0 }, R: { forward: 0 } } },
    { t: 0.36, hips: { y: 0.9 - RISE, z: 0.36 }, feet: { L: { at: [0, 0.1 - RISE, RUN], pitch: 0.3, contact: false } }, arms: { L: { forward: -0.15 }, R: { forward: 0.2 } } },
    { t: 0.5, hips: { y: 0.9 - RISE * 2, z: 0.46 }, feet: { L: { at: [0, 0.08 - RISE * 2, RUN * 2], pitch: 0 } }, arms: { L: { forward: 0 }, R: { forward: 0 } } },
    {
      t: 0.64,
      hips: { y: 0.9 - RISE * 2, z: 0.64 },
      feet: { R: { at: [0, 0.1 - RISE * 2, RUN * 2], pitch: 0.3, contact: false } },
      arms: { L: { forward: 0.2 }, R: { forward: -0.15 } },
    },
    { t: 0.78, hips: { y: 0.9 - RISE * 3, z: 0.74 }, feet: { R: { at: [0, 0.08 - RISE * 3, RUN * 3], pitch: 0 } }, arms: { L: { forward: 0 }, R: { forward: 0 } } },
    { t: 0.9, hips: { y: 0.92 - RISE * 3, z: 0.8 }, feet: { L: { at: [0, 0.1 - RISE * 3, RUN * 2.6], pitch: 0.2, contact: false } } },
    {
      t: 1,
      hips: { y: 0.955 - RISE * 4, z: RUN * 3 },
      torso: { lean: 0 },
      head: { pitch: 0 },
      feet: { L: { at: [0, 0.08 - RISE * 4, RUN * 3], pitch: 0 }, R: { at: [0, 0.08 - RISE * 4, RUN * 3] } },
    },
  ],
  scene: [{ kind: 'stairs', at: [0, -RISE * 4, RUN * 2], size: [0.9, RISE * 4, RUN * 4], steps: 4, perLoop: 2, descending: true }],
};

/** Step up onto a box: right foot up, weight over it, left foot joins. */
const BOX = 0.3;
const stepUp: ActionDef = {
  id: 'stepUp',
  dur: [1.8, 2.2],
  keys: [
    { t: 0 },
    { t: 0.2, hips: { y: 0.93, z: 0.08 }, torso: { lean: 0.1 }, feet: { R: { at: [0, 0.08 + BOX + 0.08, 0.22], pitch: 0.2, contact: false } } },
    { t: 0.35, hips: { y: 0.92, z: 0.18 }, feet: { R: { at: [0, 0.08 + BOX, 0.38], pitch: 0 } } },
    { t: 0.6, ease: 'out', hips: { y: 0.92 + BOX, z: 0.38 }, torso: { lean: 0.15 }, feet: { L: { at: [0, 0.08 + BOX + 0.05, 0.3], pitch: 0.3, contact: false } } },
    { t: 0.75, feet: { L: { at: [0, 0.08 + BOX, 0.38], pitch: 0 } } },
    { t: 1, ...standAt(0.38), hips: { y: 0.955 + BOX, z: 0.38, pitch: 0, roll: 0, yaw: 0, x: 0 }, feet: { L: { at: [0, 0.08 + BOX, 0.38] }, R: { at: [0, 0.08 + BOX, 0.38] } } },
  ],
  scene: [{ kind: 'box', at: [0, 0, 0.45], size: [0.7, BOX, 0.5] }],
};

/** Step down off a box: the action starts on the box and ends on the floor. */
const stepDown: ActionDef = {
  id: 'stepDown',
  dur: [1.6, 2.0],
  startsHigh: true,
  keys: [
    { t: 0 },
    { t: 0.2, hips: { y: 0.92, z: 0.12 }, head: { pitch: 0.3 }, feet: { R: { at: [0, 0.14, 0.25], pitch: 0.3, contact: false } } },
    { t: 0.45, ease: 'in', hips: { y: 0.9 - BOX, z: 0.3 }, feet: { R: { at: [0, 0.08 - BOX, 0.42], pitch: 0 } } },
    { t: 0.65, hips: { y: 0.93 - BOX, z: 0.42 }, feet: { L: { at: [0, 0.1 - BOX, 0.35], pitch: 0.3, contact: false } } },
    { t: 0.8, feet: { L: { at: [0, 0.08 - BOX, 0.42], pitch: 0 } }, head: { pitch: 0 } },
    { t: 1, ...standAt(0.42), hips: { y: 0.955 - BOX, z: 0.42, pitch: 0, roll: 0, yaw: 0, x: 0 }, feet: { L: { at: [0, 0.08 - BOX, 0.42] }, R: { at: [0, 0.08 - BOX, 0.42] } } },
  ],
  scene: [{ kind: 'box', at: [0, -BOX, -0.1], size: [0.7, BOX, 0.5] }],
};

/** Jump down from a ledge: crouch, step off into a ballistic drop, land absorbing deeply. */
const LEDGE = 0.6;
const jumpDown: ActionDef = {
  id: 'jumpDown',
  dur: [1.5, 1.8],
  startsHigh: true,
  keys: [
    { t: 0 },
    { t: 0.25, hips: { y: 0.78, z: 0.05, pitch: 0.3 }, torso: { lean: 0.3 }, head: { pitch: 0.3 }, arms: { L: { down: 1.1, forward: -0.6 }, R: { down: 1.1, forward: -0.6 } } },
    {
      t: 0.35,
      air: true,
      hips: { y: 0.98, z: 0.2, pitch: 0.1 },
      torso: { lean: 0.1 },
      feet: { L: { at: [0, 0.1, 0.1], pitch: 0.5 }, R: { at: [0, 0.1, 0.1], pitch: 0.5 } },
      arms: { L: { down: 0.6, forward: 0.8 }, R: { down: 0.6, forward: 0.8 } },
    },
    {
      t: 0.5,
      air: true,
      hips: { z: 0.45 },
      feet: { L: { at: [0, 0.1 - LEDGE * 0.4, 0.45], pitch: 0.3, contact: false }, R: { at: [0, 0.1 - LEDGE * 0.4, 0.45], pitch: 0.3, contact: false } },
    },
    { t: 0.62, hips: { y: 0.85 - LEDGE, z: 0.62, pitch: 0.2 }, feet: { L: { at: [0, 0.08 - LEDGE, 0.65], pitch: 0 }, R: { at: [0, 0.08 - LEDGE, 0.65], pitch: 0 } } },
    { t: 0.75, hips: { y: 0.6 - LEDGE, pitch: 0.5 }, torso: { lean: 0.45 }, arms: { L: { down: 1.0, forward: 0.5 }, R: { down: 1.0, forward: 0.5 } } },
    {
      t: 1,
      ...standAt(0.65),
      hips: { y: 0.955 - LEDGE, z: 0.65, pitch: 0, roll: 0, yaw: 0, x: 0 },
      feet: { L: { at: [0, 0.08 - LEDGE, 0.65] }, R: { at: [0, 0.08 - LEDGE, 0.65] } },
    },
  ],
  scene: [{ kind: 'box', at: [0, -LEDGE, -0.2], size: [1.0, LEDGE, 0.7] }],
};

/**
 * Ladder climbing: hands on the rungs (ground frame), feet on the rungs; each loop both feet and both
 * hands climb two 30 cm rungs, the right foot and left hand moving together, then the left foot and
 * right hand. Ends hanging on the ladder.
 */
const RUNG = 0.3,
  LAD = 0.3;
function climb(id: string, kind: 'ladder' | 'wall'): ActionDef {
  // A wall is climbed with wider holds, the feet wide and smearing (toes pointed in), the hips close in.
  const wall = kind === 'wall';
  const hz = wall ? LAD + 0.08 : LAD,
    hx = wall ? 0.32 : 0.2,
    fx = wall ? 0.12 : 0,
    hipZ = wall ? 0.12 : 0.05;
  const hand = (x: number, y: number) => ({ at: [Math.sign(x) * hx, y, hz], ground: true, pole: [x > 0 ? 1 : -1, -0.5, -1] }) as const;
  const foot = (side: 1 | -1, y: number, swing = false): FootKey => ({
    at: [side * fx, y + 0.08, LAD - 0.05],
    pitch: wall ? 0.5 : 0,
    yaw: side * (wall ? 0.5 : 0),
    ...(swing ? { contact: false } : {}),
  });
  return {
    id,
    dur: wall ? [4.4, 5] : [3.6, 4.2],
    loop: [0.3, 0.9],
    fill: true,
    keys: [
      { t: 0 },
      { t: 0.1, hips: { z: hipZ }, hands: { L: hand(1, 1.5), R: hand(-1, 1.2) }, shape: { L: 'grip', R: 'grip' }, torso: { lean: wall ? 0.2 : 0.05 } },
      { t: 0.2, hips: { y: 0.95, z: hipZ + 0.01 }, feet: { R: foot(-1, RUNG * 2) } },
      { t: 0.3, hips: { y: 0.92 + RUNG, z: hipZ, roll: wall ? 0.1 : 0 }, feet: { L: foot(1, RUNG) }, hands: { L: hand(1, 1.5 + 0.3), R: hand(-1, 1.2 + 0.3) } },
      { t: 0.45, hips: { y: 0.92 + RUNG * 1.5, roll: wall ? -0.1 : 0 }, feet: { L: foot(1, RUNG * 2.3, true) }, hands: { R: hand(-1, 1.5 + RUNG * 2) } },
      { t: 0.6, hips: { y: 0.92 + RUNG * 2, roll: wall ? -0.1 : 0 }, feet: { L: foot(1, RUNG * 3) } },
      { t: 0.75, hips: { y: 0.92 + RUNG * 2.5, roll: wall ? 0.1 : 0 }, feet: { R: foot(-1, RUNG * 3.3, true) }, hands: { L: hand(1, 1.8 + RUNG * 2) } },
      { t: 0.9, hips: { y: 0.92 + RUNG * 3, roll: wall ? 0.1 : 0 }, feet: { R: foot(-1, RUNG * 4) } },
      { t: 1, hips: { y: 0.92 + RUNG * 3 } },
    ],
    scene: [kind === 'ladder' ? { kind: 'ladder', at: [0, 0, LAD + 0.02], size: [0.5, 4, 0.06], steps: 13 } : { kind: 'wall', at: [0, 0, LAD + 0.15], size: [1.6, 4, 0.2] }],
  };
}
/**
 * Climbing down a ladder (plan `dir` π): the ascent's loop run the other way. From standing at the top
 * the hands take the rails, the right foot finds the first rung, then each loop lowers the right foot
 * and left hand, then the left foot and right hand, two 30 cm rungs; the last step reaches the floor.
 * The keys go below the start and `startsHigh` lifts the whole action, so it ends on the floor.
 */
function climbDown(): ActionDef {
  const hand = (x: number, y: number) => ({ at: [Math.sign(x) * 0.2, y, LAD], ground: true, pole: [x > 0 ? 1 : -1, -0.5, -1] }) as const;
  const foot = (side: 1 | -1, y: number, swing = false): FootKey => ({ at: [0, y + 0.08, LAD - 0.05], pitch: 0, yaw: 0, ...(swing ? { contact: false } : {}) });
  return {
    id: 'climbLadderDown',
    dur: [3.6, 4.2],
    loop: [0.3, 0.9],
    fill: true,
    startsHigh: true,
    keys: [
      { t: 0 },
      { t: 0.1, hips: { z: 0.05 }, hands: { L: hand(1, 0.9), R: hand(-1, 1.0) }, shape: { L: 'grip', R: 'grip' }, torso: { lean: 0.1 }, head: { pitch: 0.3 } },
      { t: 0.2, hips: { y: 0.92 - RUNG, z: 0.06 }, feet: { R: foot(-1, -RUNG) }, hands: { L: hand(1, 0.9 - RUNG) } },
      { t: 0.3, hips: { y: 0.92 - RUNG * 2, z: 0.05 }, feet: { L: foot(1, -RUNG * 2) }, hands: { R: hand(-1, 1.0 - RUNG * 1.5) } },
      { t: 0.45, hips: { y: 0.92 - RUNG * 2.5 }, feet: { R: foot(-1, -RUNG * 2.6, true) }, hands: { L: hand(1, 0.9 - RUNG * 3) } },
      { t: 0.6, hips: { y: 0.92 - RUNG * 3 }, feet: { R: foot(-1, -RUNG * 3) } },
      { t: 0.75, hips: { y: 0.92 - RUNG * 3.5 }, feet: { L: foot(1, -RUNG * 3.6, true) }, hands: { R: hand(-1, 1.0 - RUNG * 3.5) } },
      { t: 0.9, hips: { y: 0.92 - RUNG * 4 }, feet: { L: foot(1, -RUNG * 4) } },
      {
        t: 1,
        hips: { y: 0.955 - RUNG * 5, z: -0.05 },
        torso: { lean: 0 },
        head: { pitch: 0 },
        arms: ARMS_DOWN,
        shape: { L: 'relaxed', R: 'relaxed' },
        feet: { L: { at: [0, 0.08 - RUNG * 5, LAD - 0.2] }, R: { at: [0, 0.08 - RUNG * 5, LAD - 0.2] } },
      },
    ],
    scene: [{ kind: 'ladder', at: [0, 0, LAD + 0.02], size: [0.5, 4, 0.06], steps: 13, descending: true }],
  };
}
const climbLadder: ActionDef = { ...climb('climbLadder', 'ladder'), down: climbDown() };
const climbWall = climb('climbWall', 'wall');

/** Balance beam: careful steps along a 10 cm beam, feet in line, arms out to the sides. */
const BEAM = 0.1;
const balanceBeam: ActionDef = {
  id: 'balanceBeam',
  fill: true,
  dur: [2.2, 2.6],
  loop: [0.2, 1],
  keys: [
    { t: 0 },
    {
      t: 0.1,
      hips: { y: 0.95 + BEAM, z: 0.1 },
      feet: { R: { at: [0.09, 0.08 + BEAM, 0.2] } },
      arms: { L: { down: 0.15, forward: 0.1, elbow: 0.2 }, R: { down: 0.15, forward: 0.1, elbow: 0.2 } },
      head: { pitch: 0.35 },
    },
    { t: 0.2, hips: { y: 0.95 + BEAM, z: 0.2, roll: 0.05 }, feet: { L: { at: [-0.09, 0.08 + BEAM, 0.4] } }, torso: { side: 0.08 } },
    { t: 0.45, hips: { y: 0.96 + BEAM, z: 0.38, roll: -0.05 }, torso: { side: -0.1 }, feet: { R: { at: [0.09, 0.08 + BEAM, 0.6] } } },
    { t: 0.6, hips: { y: 0.96 + BEAM, z: 0.48, roll: 0 }, torso: { side: 0 }, feet: { R: { at: [0.09, 0.08 + BEAM, 0.6] } } },
    { t: 0.85, hips: { y: 0.95 + BEAM, z: 0.6, roll: 0.05 }, torso: { side: 0.08 }, feet: { L: { at: [-0.09, 0.08 + BEAM, 0.8] } } },
    { t: 1, hips: { y: 0.95 + BEAM, z: 0.6, roll: 0.05 } },
  ],
  scene: [{ kind: 'beam', at: [0, 0, 2.2], size: [0.1, BEAM, 4.5] }],
};

export default [stairsUp, stairsDown, stepUp, stepDown, jumpDown, climbLadder, climbWall, balanceBeam] satisfies ActionDef[];
