/** Acrobatics and floor work, authored in the action format (docs/action-format.md). */
import type { ActionDef, KeyPose } from '../format.ts';
import { ARMS_DOWN, lyingBack, standAt } from './poses.ts';

/**
 * Cartwheel to the right (mirrors to the left): lunge, right hand, left hand, legs straddled over
 * the top, left foot, right foot. The pelvis rolls a full turn about the forward axis while the hips
 * travel sideways about 1.6 m; hands are planted on the floor (ground frame) in order.
 */
const cartwheel: ActionDef = {
  id: 'cartwheel',
  dur: [1.7, 2.1],
  vars: { reach: [1.5, 1.7] },
  keys: [
    { t: 0 },
    {
      t: 0.15,
      hips: { x: -0.2, y: 0.88, roll: 0.25 },
      torso: { side: -0.25 },
      head: { roll: -0.2 },
      hands: { L: { at: [0.25, 0.95, 0.05] }, R: { at: [-0.25, 0.95, 0.05] } },
      feet: { R: { at: [-0.45, 0.08, 0] } },
      shape: { L: 'open', R: 'open' },
    },
    {
      t: 0.32,
      hips: { x: -0.55, y: 0.78, roll: 1.57 },
      torso: { side: -0.1 },
      hands: { R: { at: [-0.88, 0.06, 0], ground: true }, L: { at: [-1.3, 0.3, 0], ground: true } },
      legs: { L: { flex: 0, abduct: 0.9, knee: 0.05 }, R: { flex: 0, abduct: 0.5, knee: 0.1 } },
    },
    {
      t: 0.5,
      hips: { x: -0.8, y: 1.0, roll: 3.14 },
      torso: { side: 0 },
      head: { roll: 0 },
      hands: { R: { at: [-0.55, 0.05, 0], ground: true }, L: { at: [-1.05, 0.05, 0], ground: true } },
      legs: { L: { flex: 0, abduct: 0.8, knee: 0.05 }, R: { flex: 0, abduct: 0.8, knee: 0.05 } },
    },
    {
      t: 0.64,
      hips: { x: -1.05, y: 0.9, roll: 4.2 },
      hands: { R: { at: [-0.2, 0.5, 0], ground: true }, L: { at: [-1.05, 0.05, 0], ground: true } },
      legs: { L: { flex: 0, abduct: 0.6, knee: 0.1 }, R: { flex: 0, abduct: 0.9, knee: 0.05 } },
    },
    {
      t: 0.78,
      hips: { x: -1.3, y: 0.82, roll: 5.4 },
      torso: { side: 0.15 },
      hands: { R: { at: [0.1, 0.8, 0] }, L: { at: [0.5, 0.7, 0.05] } },
      feet: { L: { at: ['-reach', 0.08, 0] } },
      legs: { R: { flex: 0, abduct: 0.7, knee: 0.1 } },
    },
    { t: 0.9, hips: { x: '-reach', y: 0.9, roll: 6.0 }, torso: { side: 0.05 }, feet: { L: { at: ['-reach', 0.08, 0] }, R: { at: ['-reach', 0.08, 0] } } },
    { t: 1, hips: { y: 0.955, roll: 6.2832 }, torso: { side: 0 }, arms: { L: { down: 1.28, elbow: 0.2 }, R: { down: 1.28, elbow: 0.2 } } },
  ],
};

type Extra = Omit<KeyPose, 't'>;
const TUCK: Extra['legs'] = { L: { flex: 2.0, knee: 2.3, abduct: 0.1 }, R: { flex: 2.0, knee: 2.3, abduct: 0.1 } };
const squatAt = (z: number, pitch = 0.5): Extra => ({
  hips: { y: 0.55, z, pitch },
  torso: { lean: 0.5 },
  head: { pitch: 0.3 },
  feet: { L: { at: [0, 0.08, z + 0.12], pitch: 0 }, R: { at: [0, 0.08, z + 0.12], pitch: 0 } },
});

/**
 * Forward roll: squat, hands down, tuck the head and roll over the rounded back (the pelvis pitches a
 * full turn forward while the hips travel about 1.2 m), land in a squat and stand up.
 */
const forwardRoll: ActionDef = {
  id: 'forwardRoll',
  dur: [2.2, 2.7],
  vars: { go: [1.1, 1.3] },
  keys: [
    { t: 0 },
    { t: 0.15, ...squatAt(0.1), hands: { L: { at: [0.2, 0.05, 0.55], ground: true }, R: { at: [-0.2, 0.05, 0.55], ground: true } } },
    { t: 0.3, hips: { y: 0.62, z: 0.35, pitch: 1.7 }, torso: { lean: 0.9 }, head: { pitch: 1.0 }, legs: TUCK },
    { t: 0.45, hips: { y: 0.55, z: 0.6, pitch: 3.14 }, torso: { lean: 1.0 }, head: { pitch: 1.1 }, hands: { L: { at: [0.25, 0.35, 0.25] }, R: { at: [-0.25, 0.35, 0.25] } } },
    { t: 0.6, hips: { y: 0.35, z: 0.85, pitch: 4.6 }, torso: { lean: 0.9 }, legs: { L: { flex: 1.8, knee: 2.4 }, R: { flex: 1.8, knee: 2.4 } } },
    {
      t: 0.75,
      hips: { y: 0.55, z: 'go', pitch: 6.0 },
      torso: { lean: 0.6 },
      head: { pitch: 0.4 },
      feet: { L: { at: [0, 0.08, 1.25] }, R: { at: [0, 0.08, 1.25] } },
      hands: { L: { at: [0.25, 0.3, 0.35] }, R: { at: [-0.25, 0.3, 0.35] } },
    },
    { t: 1, ...standAt(1.25), hips: { y: 0.955, z: 1.25, pitch: 6.2832, roll: 0, yaw: 0, x: 0 } },
  ],
  scene: [{ kind: 'mat', at: [0, 0, 0.7], size: [1, 0.02, 2.2] }],
};

/** Backward roll: sit back, roll over the shoulders with the hands by the ears pushing, land in a squat. */
const backwardRoll: ActionDef = {
  id: 'backwardRoll',
  dur: [2.4, 2.9],
  keys: [
    { t: 0 },
    { t: 0.15, ...squatAt(-0.05, 0.4), hands: { L: { at: [0.2, 0.45, 0.3] }, R: { at: [-0.2, 0.45, 0.3] } } },
    {
      t: 0.3,
      hips: { y: 0.15, z: -0.3, pitch: -0.5 },
      torso: { lean: 0.8 },
      head: { pitch: 0.9 },
      legs: TUCK,
      hands: { L: { at: [0.18, 0.62, -0.05] }, R: { at: [-0.18, 0.62, -0.05] } },
    },
    {
      t: 0.45,
      hips: { y: 0.38, z: -0.55, pitch: -2.2 },
      torso: { lean: 1.0 },
      hands: { L: { at: [0.2, 0.04, -0.85], ground: true, pole: [1, 1, 0] }, R: { at: [-0.2, 0.04, -0.85], ground: true, pole: [-1, 1, 0] } },
    },
    { t: 0.6, hips: { y: 0.6, z: -0.8, pitch: -3.3 }, torso: { lean: 0.9 } },
    {
      t: 0.75,
      hips: { y: 0.55, z: -1.0, pitch: -5.6 },
      torso: { lean: 0.5 },
      head: { pitch: 0.3 },
      feet: { L: { at: [0, 0.08, -1.1] }, R: { at: [0, 0.08, -1.1] } },
      hands: { L: { at: [0.25, 0.35, 0.3] }, R: { at: [-0.25, 0.35, 0.3] } },
    },
    { t: 1, ...standAt(-1.1), hips: { y: 0.955, z: -1.1, pitch: -6.2832, roll: 0, yaw: 0, x: 0 } },
  ],
  scene: [{ kind: 'mat', at: [0, 0, -0.55], size: [1, 0.02, 2.2] }],
};

/**
 * Flips in the air: crouch, swing the arms and take off, the pelvis turns a full circle (forward for a
 * somersault, backward for a backflip) in a tuck during a ballistic flight, land and absorb.
 */
function flip(id: string, dir: 1 | -1, travel: number): ActionDef {
  const p = (a: number): number => dir * a;
  return {
    id,
    dur: [1.7, 2.0],
    keys: [
      { t: 0 },
      {
        t: 0.2,
        hips: { y: 0.72, z: -dir * 0.05, pitch: dir > 0 ? 0.45 : 0.25 },
        torso: { lean: 0.35 },
        arms: { L: { down: 1.2, forward: -0.8, elbow: 0.3 }, R: { down: 1.2, forward: -0.8, elbow: 0.3 } },
      },
      {
        t: 0.3,
        air: true,
        hips: { y: 0.98, z: 0, pitch: p(0.3) },
        torso: { lean: 0 },
        feet: { L: { at: [0, 0.1, 0], pitch: 0.6 }, R: { at: [0, 0.1, 0], pitch: 0.6 } },
        arms: { L: { down: -0.3, forward: 0.3, elbow: 0.2 }, R: { down: -0.3, forward: 0.3, elbow: 0.2 } },
      },
      {
        t: 0.45,
        air: true,
        hips: { z: travel * 0.35, pitch: p(2.2) },
        torso: { lean: 0.6 },
        head: { pitch: 0.6 },
        legs: TUCK,
        hands: { L: { at: [0.15, 0.1, 0.35] }, R: { at: [-0.15, 0.1, 0.35] } },
      },
      { t: 0.6, air: true, hips: { z: travel * 0.7, pitch: p(4.4) }, torso: { lean: 0.6 }, legs: TUCK },
      {
        t: 0.75,
        hips: { y: 0.8, z: travel, pitch: p(6.0) },
        torso: { lean: 0.3 },
        head: { pitch: 0.2 },
        feet: { L: { at: [0, 0.08, travel] }, R: { at: [0, 0.08, travel] } },
        arms: { L: { down: 0.6, forward: 0.8, elbow: 0.3 }, R: { down: 0.6, forward: 0.8, elbow: 0.3 } },
      },
      { t: 0.85, hips: { y: 0.7, pitch: p(6.283) + 0.3 }, torso: { lean: 0.35 } },
      { t: 1, ...standAt(travel), hips: { y: 0.955, z: travel, pitch: p(6.2832), roll: 0, yaw: 0, x: 0 } },
    ],
  };
}
const somersault = flip('somersault', 1, 0.6);
const backflip = flip('backflip', -1, -0.45);

/** Handstand: lunge, hands down, kick the legs up over the hands and hold inverted, step back down. */
const handstand: ActionDef = {
  id: 'handstand',
  dur: [3.2, 3.8],
  hold: [0.4, 0.62],
  keys: [
    { t: 0 },
    { t: 0.12, hips: { y: 0.85, z: 0.25 }, torso: { lean: 0.15 }, feet: { L: { at: [0, 0.08, 0.45] } }, hands: { L: { at: [0.15, 1.0, 0.1] }, R: { at: [-0.15, 1.0, 0.1] } } },
    {
      t: 0.25,
      hips: { y: 0.8, z: 0.55, pitch: 1.8 },
      torso: { lean: 0.1 },
      head: { pitch: -0.5 },
      hands: { L: { at: [0.2, 0.05, 0.95], ground: true, pole: [1, 0, -1] }, R: { at: [-0.2, 0.05, 0.95], ground: true, pole: [-1, 0, -1] } },
      legs: { L: { flex: 1.0, knee: 0.6 }, R: { flex: -0.6, knee: 0.1 } },
    },
    {
      t: 0.4,
      hips: { y: 1.02, z: 0.92, pitch: 3.1 },
      torso: { lean: -0.05 },
      head: { pitch: -0.6 },
      legs: { L: { flex: 0.05, knee: 0.05, abduct: 0.04 }, R: { flex: -0.05, knee: 0.05, abduct: 0.04 } },
    },
    { t: 0.62, hips: { y: 1.02, z: 0.94, pitch: 3.15 }, legs: { L: { flex: -0.05, knee: 0.05 }, R: { flex: 0.05, knee: 0.05 } } },
    {
      t: 0.78,
      hips: { y: 0.8, z: 0.75, pitch: 1.9 },
      legs: { L: { flex: 0.9, knee: 0.5 }, R: { flex: -0.2, knee: 0.1 } },
      feet: { L: { at: [0, 0.08, 0.45] }, R: { at: [0, 0.08, 0.2] } },
    },
    {
      t: 0.9,
      hips: { y: 0.85, z: 0.4, pitch: 0.4 },
      torso: { lean: 0.2 },
      head: { pitch: 0 },
      feet: { L: { at: [0, 0.08, 0.45] }, R: { at: [0, 0.08, 0.2] } },
      hands: { L: { at: [0.2, 0.6, 0.3] }, R: { at: [-0.2, 0.6, 0.3] } },
    },
    { t: 1, ...standAt(0.35, 0, 0.35) },
  ],
};

/** Kip-up: from lying on the back, roll back onto the shoulders, snap the legs over and land on the feet. */
const kipUp: ActionDef = {
  id: 'kipUp',
  dur: [2.2, 2.7],
  keys: [
    { t: 0, ...lyingBack(-0.75, 0.05) },
    { t: 0.15, ...lyingBack(-0.75, 0.05), hands: { L: { at: [0.2, 0.62, -0.02] }, R: { at: [-0.2, 0.62, -0.02] } } },
    { t: 0.35, hips: { y: 0.3, z: -0.8, pitch: -2.4 }, torso: { lean: 0.5 }, head: { pitch: 0.6 }, legs: TUCK },
    { t: 0.5, air: true, hips: { y: 0.45, z: -0.65, pitch: -1.2 }, torso: { lean: -0.3 }, legs: { L: { flex: 0.9, knee: 1.2 }, R: { flex: 0.9, knee: 1.2 } } },
    {
      t: 0.68,
      hips: { y: 0.62, z: -0.4, pitch: 0.3 },
      torso: { lean: 0.3 },
      head: { pitch: 0.1 },
      feet: { L: { at: [0, 0.08, -0.3] }, R: { at: [0, 0.08, -0.3] } },
      arms: { L: { down: 0.8, forward: 0.9, elbow: 0.4 }, R: { down: 0.8, forward: 0.9, elbow: 0.4 } },
    },
    { t: 1, ...standAt(-0.32, 0, -0.3) },
  ],
};

/** Aerial: a cartwheel without hands, the body rolling a full turn in a ballistic flight. */
const aerial: ActionDef = {
  id: 'aerial',
  dur: [1.6, 1.9],
  keys: [
    { t: 0 },
    {
      t: 0.2,
      hips: { x: -0.2, y: 0.75, roll: 0.3 },
      torso: { lean: 0.4, side: -0.2 },
      feet: { R: { at: [-0.4, 0.08, 0] } },
      arms: { L: { down: 0.2, forward: -0.4 }, R: { down: 0.2, forward: -0.4 } },
    },
    { t: 0.32, air: true, hips: { x: -0.45, y: 0.95, roll: 1.2 }, torso: { lean: 0.3 }, legs: { L: { abduct: 1.0, knee: 0.05 }, R: { abduct: 0.6, knee: 0.1 } } },
    { t: 0.5, air: true, hips: { x: -0.8, roll: 3.14 }, legs: { L: { abduct: 0.9, knee: 0.05 }, R: { abduct: 0.9, knee: 0.05 } } },
    { t: 0.66, hips: { x: -1.15, y: 0.85, roll: 5.2 }, torso: { lean: 0.15, side: 0.15 }, feet: { L: { at: [-1.35, 0.08, 0] } }, legs: { R: { abduct: 0.7, knee: 0.1 } } },
    { t: 0.82, hips: { x: -1.4, y: 0.9, roll: 6.1 }, feet: { L: { at: [-1.35, 0.08, 0] }, R: { at: [-1.5, 0.08, 0] } } },
    { t: 1, hips: { x: -1.45, y: 0.955, roll: 6.2832, pitch: 0, yaw: 0, z: 0 }, torso: { lean: 0, side: 0 }, arms: ARMS_DOWN },
  ],
};

export default [cartwheel, forwardRoll, backwardRoll, somersault, backflip, handstand, kipUp, aerial] satisfies ActionDef[];
