/** Getting down and up, authored in the action format (docs/action-format.md). */
import type { ActionDef } from '../format.ts';
import { ARMS_DOWN, lyingBack, lyingFront, standAt } from './poses.ts';

/**
 * Getting up from lying face down (where falling forward ends: hips 0.9 m ahead of the feet): push up
 * onto hands and knees, step the right foot forward between the hands, then the left, and rise.
 */
const getUpFront: ActionDef = {
  id: 'getUp',
  dur: [2.8, 3.3],
  keys: [
    { t: 0, ...lyingFront(0.9, 0) },
    {
      t: 0.3,
      hips: { y: 0.52, z: 0.5, pitch: 1.45 },
      torso: { lean: 0.05 },
      head: { pitch: -0.4, yaw: 0 },
      hands: { L: { at: [0.2, 0.05, 1.0], ground: true, pole: [1, 0.3, -0.6] }, R: { at: [-0.2, 0.05, 1.0], ground: true, pole: [-1, 0.3, -0.6] } },
      feet: { L: { at: [0.02, 0.1, 0.09], pitch: 1.35 }, R: { at: [-0.02, 0.1, 0.09], pitch: 1.35 } },
    },
    { t: 0.45, hips: { y: 0.58, z: 0.45, pitch: 1.2 }, feet: { R: { at: [0, 0.25, 0.4], pitch: 0.4, contact: false } } },
    { t: 0.55, hips: { y: 0.6, z: 0.45, pitch: 0.9 }, torso: { lean: 0.35 }, feet: { R: { at: [0, 0.08, 0.7], pitch: 0 } } },
    {
      t: 0.72,
      hips: { y: 0.75, z: 0.55, pitch: 0.45 },
      torso: { lean: 0.3 },
      head: { pitch: 0.1 },
      arms: ARMS_DOWN,
      feet: { L: { at: [0, 0.2, 0.45], pitch: 0.3, contact: false } },
    },
    { t: 0.82, hips: { y: 0.85, z: 0.68, pitch: 0.2 }, feet: { L: { at: [0, 0.08, 0.7], pitch: 0 } } },
    { t: 1, ...standAt(0.7) },
  ],
};

/** Getting up from sitting on the floor (hips ~0.4 m behind the feet): feet in, hands push behind, rise through a squat. */
const getUpSitting: ActionDef = {
  id: 'getUp',
  dur: [2.0, 2.5],
  keys: [
    { t: 0, hips: { y: 0.15, z: -0.42, pitch: -0.05 }, torso: { lean: 0.1 }, arms: { L: { down: 1.2, forward: 0.6, elbow: 0.5 }, R: { down: 1.2, forward: 0.6, elbow: 0.5 } } },
    {
      t: 0.25,
      hips: { y: 0.14, z: -0.42 },
      torso: { lean: 0.5 },
      feet: { L: { at: [0.04, 0.1, -0.15] }, R: { at: [-0.04, 0.1, -0.15] } },
      hands: { L: { at: [0.25, 0.04, -0.6], ground: true }, R: { at: [-0.25, 0.04, -0.6], ground: true } },
    },
    { t: 0.55, hips: { y: 0.5, z: -0.3, pitch: 0.55 }, torso: { lean: 0.5 }, hands: { L: { at: [0.25, 0.2, -0.1], ground: true }, R: { at: [-0.25, 0.2, -0.1], ground: true } } },
    { t: 0.8, hips: { y: 0.85, z: -0.2, pitch: 0.2 }, torso: { lean: 0.2 }, arms: ARMS_DOWN },
    { t: 1, ...standAt(-0.18, 0, -0.15) },
  ],
};

/**
 * Getting up from kneeling on the right knee (left foot 0.42 m ahead, right toes 0.41 m behind): push
 * up off the front thigh, bring the right foot forward beside the left.
 */
const getUpKneeling: ActionDef = {
  id: 'getUp',
  dur: [1.6, 2.0],
  keys: [
    {
      t: 0,
      hips: { y: 0.53, z: 0 },
      torso: { lean: 0.05 },
      feet: { R: { at: [0, 0.21, 0], pitch: 0.95 } },
      arms: { L: { down: 1.25, forward: 0.5, elbow: 1.4, wrist: 0.2 }, R: { down: 1.28, forward: 0, elbow: 0.2 } },
    },
    { t: 0.35, hips: { y: 0.72, z: 0.2, pitch: 0.3 }, torso: { lean: 0.35 }, arms: { L: { down: 1.1, forward: 0.6, elbow: 0.6 } } },
    { t: 0.6, hips: { y: 0.88, z: 0.38, pitch: 0.1 }, torso: { lean: 0.15 }, feet: { R: { at: [0, 0.2, 0.45], pitch: 0.3, contact: false } } },
    { t: 0.8, hips: { y: 0.93, z: 0.42 }, torso: { lean: 0 }, arms: ARMS_DOWN, feet: { R: { at: [0, 0.08, 0.8], pitch: 0 } } },
    { t: 1, hips: { y: 0.955, z: 0.42, pitch: 0, roll: 0, yaw: 0, x: 0 }, head: { pitch: 0, yaw: 0, roll: 0 }, feet: { R: { at: [0, 0.08, 0.8], pitch: 0 } } },
  ],
};

/**
 * Getting up from lying on the back: sit up, pull the feet in, hands push off behind, rise through a
 * squat. Starts where the fall reactions end (lying with the hips 0.7 m behind the feet); from lying face
 * down, sitting or kneeling it plays the matching variant (`from`).
 */
const getUp: ActionDef = {
  id: 'getUp',
  dur: [2.6, 3.2],
  from: { lieFront: getUpFront, sitFloor: getUpSitting, kneel: getUpKneeling },
  keys: [
    { t: 0, ...lyingBack(-0.7, 0.1) },
    {
      t: 0.25,
      hips: { y: 0.13, z: -0.65, pitch: -0.25 },
      torso: { lean: 0.5 },
      head: { pitch: 0.2 },
      hands: { L: { at: [0.25, 0.04, -0.95], ground: true }, R: { at: [-0.25, 0.04, -0.95], ground: true } },
    },
    { t: 0.45, hips: { y: 0.14, z: -0.6, pitch: -0.1 }, feet: { L: { at: [0.06, 0.08, -0.3] }, R: { at: [-0.06, 0.08, -0.3] } }, torso: { lean: 0.6 } },
    {
      t: 0.65,
      hips: { y: 0.52, z: -0.4, pitch: 0.55 },
      torso: { lean: 0.5 },
      head: { pitch: 0 },
      hands: { L: { at: [0.25, 0.2, -0.1], ground: true }, R: { at: [-0.25, 0.2, -0.1], ground: true } },
    },
    { t: 0.85, hips: { y: 0.85, z: -0.32, pitch: 0.2 }, torso: { lean: 0.2 }, arms: ARMS_DOWN },
    { t: 1, ...standAt(-0.3, 0, -0.3) },
  ],
};

/** Sitting cross-legged on the floor: lower down, cross the shins, hands on the knees. */
const sitCrossLegged: ActionDef = {
  id: 'sitCrossLegged',
  dur: [3, 3.6],
  ends: 'sitFloor',
  hold: [0.55, 1],
  keys: [
    { t: 0 },
    { t: 0.25, hips: { y: 0.55, z: -0.1, pitch: 0.4 }, torso: { lean: 0.4 }, hands: { L: { at: [0.25, 0.1, -0.3], ground: true }, R: { at: [-0.25, 0.1, -0.3], ground: true } } },
    {
      t: 0.45,
      hips: { y: 0.14, z: -0.3, pitch: -0.1 },
      torso: { lean: 0.2 },
      feet: { L: { at: [-0.12, 0.09, -0.05], yaw: -1.2, pitch: -0.3 }, R: { at: [0.12, 0.09, 0.05], yaw: 1.2, pitch: -0.3 } },
    },
    { t: 0.55, hips: { y: 0.13, z: -0.3, pitch: -0.05 }, torso: { lean: 0.1 }, hands: { L: { at: [0.22, 0.0, 0.25] }, R: { at: [-0.22, 0.0, 0.25] } }, head: { pitch: 0.05 } },
    { t: 1, hips: { y: 0.13, z: -0.3 } },
  ],
};

/** Lie down on the back, controlled: sit, lower onto the back, arms by the sides. */
const lieOnBack: ActionDef = {
  id: 'lieOnBack',
  dur: [3.4, 4],
  ends: 'lie',
  hold: [0.7, 1],
  keys: [
    { t: 0 },
    { t: 0.25, hips: { y: 0.55, z: -0.1, pitch: 0.4 }, torso: { lean: 0.4 }, hands: { L: { at: [0.25, 0.1, -0.3], ground: true }, R: { at: [-0.25, 0.1, -0.3], ground: true } } },
    {
      t: 0.45,
      hips: { y: 0.13, z: -0.45, pitch: -0.2 },
      torso: { lean: 0.3 },
      feet: { L: { at: [0.04, 0.08, 0.05] }, R: { at: [-0.04, 0.08, 0.05] } },
      hands: { L: { at: [0.25, 0.04, -0.7], ground: true }, R: { at: [-0.25, 0.04, -0.7], ground: true } },
    },
    { t: 0.7, ...lyingBack(-0.7, 0.1), arms: { L: { down: 1.3, forward: 0, elbow: 0.1 }, R: { down: 1.3, forward: 0, elbow: 0.1 } } },
    { t: 1, ...lyingBack(-0.7, 0.1), arms: { L: { down: 1.3, forward: 0, elbow: 0.1 }, R: { down: 1.3, forward: 0, elbow: 0.1 } } },
  ],
};

/** Lie on the side: down onto the back, then roll onto the right side with the knees drawn up a little. */
const lieOnSide: ActionDef = {
  ...lieOnBack,
  id: 'lieOnSide',
  dur: [4, 4.6],
  hold: [0.8, 1],
  keys: [
    ...lieOnBack.keys.filter((k) => k.t < 0.7),
    { t: 0.65, ...lyingBack(-0.7, 0.1) },
    {
      t: 0.8,
      hips: { y: 0.24, z: -0.65, pitch: -1.5, roll: 1.35 },
      torso: { lean: 0.15 },
      head: { roll: 0.3 },
      feet: { L: { at: [-0.15, 0.2, 0.0], pitch: 0.2 }, R: { at: [-0.1, 0.1, -0.05], pitch: 0.2 } },
      arms: { L: { down: 1.2, forward: 0.6, elbow: 0.6 }, R: { down: 1.2, forward: 1.0, elbow: 1.2 } },
    },
    { t: 1, hips: { y: 0.24, z: -0.65, pitch: -1.5, roll: 1.35 } },
  ],
};

export default [getUp, sitCrossLegged, lieOnBack, lieOnSide] satisfies ActionDef[];
