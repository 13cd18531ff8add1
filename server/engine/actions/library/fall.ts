/** Falls, reactions and death, authored in the action format (docs/action-format.md). */
import type { ActionDef } from '../format.ts';
import { ARMS_DOWN, lyingBack, lyingFront, standAt } from './poses.ts';

/** Arms thrown out for balance. */
const FLAIL = { L: { down: 0.3, forward: 0.5, elbow: 0.5 }, R: { down: 0.4, forward: 0.3, elbow: 0.6 } };

/** Stumble: a foot catches, two quick catch-up steps forward with the arms out, recover. */
const stumble: ActionDef = {
  id: 'stumble',
  dur: [1.6, 2.0],
  keys: [
    { t: 0 },
    { t: 0.15, hips: { z: 0.12, y: 0.93, pitch: 0.15 }, torso: { lean: 0.35 }, arms: FLAIL, feet: { R: { at: [0, 0.12, 0.15], contact: false } } },
    { t: 0.3, hips: { z: 0.35, y: 0.88 }, feet: { R: { at: [0, 0.08, 0.45] } } },
    { t: 0.45, hips: { z: 0.6, y: 0.86 }, torso: { lean: 0.3 }, feet: { L: { at: [0, 0.08, 0.8] } } },
    { t: 0.6, hips: { z: 0.85, y: 0.9, pitch: 0.05 }, torso: { lean: 0.1 }, feet: { R: { at: [0, 0.08, 0.9] } } },
    { t: 1, ...standAt(0.85, 0, 0.85) },
  ],
};

/** Trip: the lead foot is caught, the body pitches forward and a long lunge catches it. */
const trip: ActionDef = {
  id: 'trip',
  dur: [1.6, 2.0],
  keys: [
    { t: 0 },
    { t: 0.15, hips: { z: 0.1 }, feet: { R: { at: [0, 0.1, 0.12], pitch: -0.3 } }, torso: { lean: 0.15 } },
    {
      t: 0.3,
      hips: { z: 0.35, y: 0.85, pitch: 0.3 },
      torso: { lean: 0.6 },
      head: { pitch: -0.3 },
      arms: { L: { down: 0.6, forward: 1.1, elbow: 0.3 }, R: { down: 0.6, forward: 1.2, elbow: 0.3 } },
      feet: { L: { at: [0, 0.15, 0.35], contact: false } },
    },
    { t: 0.45, hips: { z: 0.6, y: 0.72, pitch: 0.2 }, torso: { lean: 0.45 }, feet: { L: { at: [0, 0.08, 0.9] }, R: { at: [0, 0.1, 0.15], pitch: 0.6 } } },
    { t: 0.7, hips: { z: 0.75, y: 0.9, pitch: 0 }, torso: { lean: 0.1 }, head: { pitch: 0 }, feet: { R: { at: [0, 0.08, 0.85] } } },
    { t: 1, ...standAt(0.85, 0, 0.88) },
  ],
};

/** Slip: the feet shoot forward, arms fly up, and the body sits down hard on the floor. */
const slip: ActionDef = {
  id: 'slip',
  dur: [1.8, 2.2],
  ends: 'sitFloor',
  hold: [0.7, 1],
  keys: [
    { t: 0 },
    {
      t: 0.15,
      ease: 'in',
      feet: { L: { at: [0, 0.1, 0.35], pitch: -0.5, contact: false } },
      hips: { z: -0.05, pitch: -0.3 },
      torso: { lean: -0.3 },
      arms: { L: { down: -0.4, forward: 0.6, elbow: 0.4 }, R: { down: -0.3, forward: 0.4, elbow: 0.5 } },
    },
    {
      t: 0.35,
      hips: { y: 0.55, z: -0.15, pitch: -0.5 },
      torso: { lean: -0.2 },
      head: { pitch: 0.3 },
      feet: { L: { at: [0, 0.12, 0.55], pitch: -0.6, contact: false }, R: { at: [0, 0.1, 0.3], pitch: -0.3, contact: false } },
    },
    {
      t: 0.5,
      ease: 'in',
      hips: { y: 0.13, z: -0.2, pitch: -0.3 },
      torso: { lean: 0.2 },
      head: { pitch: 0.2 },
      feet: { L: { at: [0.04, 0.09, 0.5], pitch: -0.4 }, R: { at: [-0.04, 0.09, 0.4], pitch: -0.4 } },
      hands: { L: { at: [0.25, 0.04, -0.4], ground: true }, R: { at: [-0.25, 0.04, -0.4], ground: true } },
    },
    { t: 0.7, hips: { y: 0.14, z: -0.2, pitch: -0.15 }, torso: { lean: 0.3 }, head: { pitch: 0.1 } },
    { t: 1, hips: { y: 0.14, z: -0.2, pitch: -0.15 } },
  ],
};

/** Falling flat on the back: knees give, sit back, roll onto the back, arms out. */
const fallBackward: ActionDef = {
  id: 'fallBackward',
  dur: [1.8, 2.3],
  ends: 'lie',
  hold: [0.75, 1],
  keys: [
    { t: 0 },
    {
      t: 0.15,
      hips: { z: -0.08, pitch: -0.2 },
      torso: { lean: -0.3 },
      head: { pitch: 0.2 },
      arms: { L: { down: 0.6, forward: 0.8, elbow: 0.4 }, R: { down: 0.6, forward: 0.8, elbow: 0.4 } },
    },
    { t: 0.3, hips: { z: -0.25, y: 0.7, pitch: -0.3 }, feet: { R: { at: [0, 0.08, -0.15] } } },
    {
      t: 0.48,
      ease: 'in',
      hips: { z: -0.5, y: 0.22, pitch: -0.6 },
      torso: { lean: 0.2 },
      feet: { L: { at: [0.04, 0.12, 0.15], contact: false } },
      hands: { L: { at: [0.3, 0.05, -0.7], ground: true }, R: { at: [-0.3, 0.05, -0.7], ground: true } },
    },
    { t: 0.62, ...lyingBack(-0.7, 0.1), head: { pitch: -0.35 } },
    { t: 0.75, ...lyingBack(-0.7, 0.1) },
    { t: 1, ...lyingBack(-0.7, 0.1) },
  ],
};

/** Falling forward: the body tips, the hands catch the floor and the body lies face down. */
const fallForward: ActionDef = {
  id: 'fallForward',
  dur: [1.8, 2.3],
  ends: 'lieFront',
  hold: [0.75, 1],
  keys: [
    { t: 0 },
    { t: 0.15, hips: { z: 0.1, pitch: 0.2 }, torso: { lean: 0.3 }, arms: { L: { down: 0.8, forward: 1.2, elbow: 0.3 }, R: { down: 0.8, forward: 1.2, elbow: 0.3 } } },
    { t: 0.32, hips: { z: 0.3, y: 0.65, pitch: 0.6 }, torso: { lean: 0.3 }, feet: { L: { at: [0, 0.08, 0.3] } } },
    {
      t: 0.5,
      ease: 'in',
      hips: { z: 0.55, y: 0.35, pitch: 1.1 },
      hands: { L: { at: [0.3, 0.05, 1.1], ground: true }, R: { at: [-0.3, 0.05, 1.1], ground: true } },
      feet: { L: { at: [0, 0.12, 0.05], pitch: 1.0 }, R: { at: [0, 0.12, -0.05], pitch: 1.0 } },
    },
    { t: 0.65, ...lyingFront(0.75, -0.15) },
    { t: 0.75, ...lyingFront(0.75, -0.15), head: { pitch: -0.4, yaw: 0.9 } },
    { t: 1, ...lyingFront(0.75, -0.15), head: { pitch: -0.4, yaw: 0.9 } },
  ],
};

/** Falling to the side: the knees buckle, a hip and a forearm take the fall, lying on the side. */
const fallSide: ActionDef = {
  id: 'fallSide',
  dur: [1.8, 2.3],
  ends: 'lie',
  hold: [0.75, 1],
  side: 'R',
  keys: [
    { t: 0 },
    { t: 0.15, hips: { x: -0.1, roll: 0.2 }, torso: { side: 0.3 }, arms: FLAIL },
    { t: 0.35, hips: { x: -0.25, y: 0.55, roll: 0.4, pitch: 0.2 }, torso: { side: 0.2 }, feet: { R: { at: [-0.1, 0.08, 0.05] } } },
    {
      t: 0.55,
      ease: 'in',
      hips: { x: -0.45, y: 0.18, roll: 1.2, pitch: 0.1 },
      hands: { R: { at: [-0.9, 0.05, 0.1], ground: true } },
      feet: { L: { at: [-0.05, 0.1, 0.15], contact: false } },
    },
    {
      t: 0.7,
      hips: { x: -0.5, y: 0.24, roll: 1.45, pitch: 0 },
      torso: { side: 0.1 },
      head: { roll: 0.6 },
      feet: { L: { at: [-0.2, 0.2, 0.2], pitch: 0.3 }, R: { at: [-0.2, 0.1, 0.05], pitch: 0.3 } },
      hands: { R: { at: [-1.0, 0.05, 0.2], ground: true }, L: { at: [-0.4, 0.3, 0.3], ground: true } },
    },
    { t: 1, hips: { x: -0.5, y: 0.24, roll: 1.45 } },
  ],
};

/** Faint: the eyes roll, the knees give way and the body folds down to the floor, then rolls onto its back. */
const faint: ActionDef = {
  id: 'faint',
  dur: [2.6, 3.2],
  ends: 'lie',
  hold: [0.8, 1],
  keys: [
    { t: 0 },
    { t: 0.2, head: { pitch: -0.3, roll: 0.2 }, torso: { lean: -0.05 }, hips: { y: 0.93 }, arms: ARMS_DOWN },
    {
      t: 0.4,
      ease: 'in',
      hips: { y: 0.5, z: -0.05, pitch: 0.1 },
      torso: { lean: 0.3 },
      head: { pitch: 0.5, roll: 0.3 },
      arms: { L: { down: 1.35, forward: 0.1, elbow: 0.3 }, R: { down: 1.35, forward: 0.1, elbow: 0.3 } },
    },
    { t: 0.55, hips: { y: 0.16, z: -0.25, pitch: -0.1 }, torso: { lean: 0.5 }, feet: { L: { at: [0.04, 0.09, 0.1] }, R: { at: [-0.04, 0.09, 0.05] } } },
    { t: 0.8, ...lyingBack(-0.7, 0.1), head: { pitch: -0.1, yaw: 0.4 } },
    { t: 1, ...lyingBack(-0.7, 0.1), head: { pitch: -0.1, yaw: 0.4 } },
  ],
};

/** Death: clutch the chest, stagger back, drop to the knees and fall onto the back, still. */
const death: ActionDef = {
  id: 'death',
  dur: [3.2, 3.8],
  ends: 'lie',
  hold: [0.85, 1],
  keys: [
    { t: 0 },
    { t: 0.15, ease: 'out', hips: { z: -0.1, pitch: -0.15 }, torso: { lean: 0.3 }, head: { pitch: 0.3 }, hands: { L: { at: [0.05, 0.35, 0.2] }, R: { at: [-0.02, 0.38, 0.18] } } },
    { t: 0.3, hips: { z: -0.2, y: 0.9 }, feet: { R: { at: [0, 0.08, -0.2] } }, torso: { lean: 0.4 } },
    {
      t: 0.48,
      hips: { z: -0.05, y: 0.55, pitch: 0.05 },
      feet: { L: { at: [0, 0.1, -0.25], pitch: 1.3 }, R: { at: [0, 0.1, -0.3], pitch: 1.3 } },
      torso: { lean: 0.2 },
      head: { pitch: -0.2 },
    },
    {
      t: 0.62,
      hips: { z: -0.35, y: 0.3, pitch: -0.6 },
      torso: { lean: -0.1 },
      feet: { L: { at: [0.04, 0.1, 0.05], pitch: -0.3 }, R: { at: [-0.04, 0.1, 0.1], pitch: -0.3 } },
      arms: { L: { down: 0.9, forward: 0.4, elbow: 0.4 }, R: { down: 0.9, forward: 0.4, elbow: 0.4 } },
    },
    { t: 0.78, ...lyingBack(-0.75, 0.15), head: { pitch: -0.2, yaw: -0.6 } },
    { t: 1, ...lyingBack(-0.75, 0.15), head: { pitch: -0.2, yaw: -0.6 } },
  ],
};

/** Flinch: a quick protective recoil, shoulders up, head away, hands up, settle. */
const flinch: ActionDef = {
  id: 'flinch',
  dur: [1.0, 1.3],
  keys: [
    { t: 0 },
    {
      t: 0.15,
      ease: 'out',
      hips: { z: -0.05, y: 0.92 },
      torso: { lean: 0.15, twist: 0.2 },
      head: { pitch: 0.25, yaw: 0.6 },
      hands: { L: { at: [0.1, 0.55, 0.25] }, R: { at: [-0.12, 0.5, 0.2] } },
      shape: { L: 'open', R: 'open' },
    },
    { t: 0.45, hips: { z: -0.04 }, torso: { lean: 0.1 }, head: { pitch: 0.1, yaw: 0.3 } },
    { t: 1, ...standAt(-0.02, 0, 0) },
  ],
};

/** Recoil: a sharp jolt back with a step, then settling. */
const recoil: ActionDef = {
  id: 'recoil',
  dur: [1.2, 1.6],
  keys: [
    { t: 0 },
    {
      t: 0.12,
      ease: 'out',
      hips: { z: -0.12, pitch: -0.1 },
      torso: { lean: -0.25 },
      head: { pitch: -0.3 },
      arms: { L: { down: 1.0, forward: 0.5, elbow: 0.9 }, R: { down: 1.0, forward: 0.5, elbow: 0.9 } },
    },
    { t: 0.3, hips: { z: -0.22, y: 0.92 }, feet: { L: { at: [0, 0.08, -0.25] } }, torso: { lean: -0.1 } },
    { t: 1, ...standAt(-0.2, 0, -0.22) },
  ],
};

export default [stumble, trip, slip, fallBackward, fallForward, fallSide, faint, death, flinch, recoil] satisfies ActionDef[];
