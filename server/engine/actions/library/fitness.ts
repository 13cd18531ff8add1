/** Fitness and movement practice, authored in the action format (docs/action-format.md). */
import type { ActionDef } from '../format.ts';
import { ARMS_DOWN, standAt } from './poses.ts';

/** Hands planted under the shoulders in a plank, ground frame. */
const plankHands = { L: { at: [0.2, 0.07, 1.25], ground: true, pole: [1, 0.2, -0.6] }, R: { at: [-0.2, 0.07, 1.25], ground: true, pole: [-1, 0.2, -0.6] } } as const;
/** On the balls of the feet, heels up, where the feet stood. */
const toes = { L: { at: [0, 0.15, 0], pitch: 1.0 }, R: { at: [0, 0.15, 0], pitch: 1.0 } } as const;
const flat = { L: { at: [0, 0.08, 0], pitch: 0 }, R: { at: [0, 0.08, 0], pitch: 0 } } as const;

const pushUps: ActionDef = {
  id: 'pushUps',
  fill: true,
  dur: [4.2, 5],
  loop: [0.3, 0.55],
  vars: { depth: [0.15, 0.22] },
  keys: [
    { t: 0 },
    {
      t: 0.12,
      hips: { y: 0.55, z: 0.25, pitch: 0.9 },
      torso: { lean: 0.3 },
      head: { pitch: 0 },
      feet: flat,
      hands: { L: { at: [0.22, 0.06, 0.7], ground: true }, R: { at: [-0.22, 0.06, 0.7], ground: true } },
    },
    { t: 0.22, hips: { y: 0.42, z: 0.83, pitch: 1.2 }, torso: { lean: 0 }, head: { pitch: -0.35 }, hands: plankHands, feet: toes },
    { t: 0.3, hips: { y: 0.42, z: 0.83, pitch: 1.2 } },
    { t: 0.425, ease: 'out', hips: { y: 'depth', z: 0.9, pitch: 1.47 }, head: { pitch: -0.45 } },
    { t: 0.55, hips: { y: 0.42, z: 0.83, pitch: 1.2 }, head: { pitch: -0.35 } },
    {
      t: 0.68,
      hips: { y: 0.55, z: 0.25, pitch: 0.9 },
      torso: { lean: 0.3 },
      head: { pitch: 0 },
      feet: flat,
      hands: { L: { at: [0.22, 0.06, 0.7], ground: true }, R: { at: [-0.22, 0.06, 0.7], ground: true } },
    },
    { t: 0.85, hips: { y: 0.85, z: 0.05, pitch: 0.3 }, torso: { lean: 0.1 }, arms: { L: { down: 1.25, forward: 0.2, elbow: 0.3 }, R: { down: 1.25, forward: 0.2, elbow: 0.3 } } },
    { t: 1, hips: { y: 0.955, z: 0, pitch: 0 }, torso: { lean: 0 }, arms: { L: { down: 1.28, forward: 0, elbow: 0.2 }, R: { down: 1.28, forward: 0, elbow: 0.2 } } },
  ],
  scene: [{ kind: 'mat', at: [0, 0, 0.55], size: [0.8, 0.01, 1.8] }],
};

const plankPose = { hips: { y: 0.42, z: 0.83, pitch: 1.2 }, torso: { lean: 0 }, head: { pitch: -0.35 }, hands: plankHands, feet: toes } as const;
const downToHands = {
  hips: { y: 0.55, z: 0.25, pitch: 0.9 },
  torso: { lean: 0.3 },
  head: { pitch: 0 },
  feet: flat,
  hands: { L: { at: [0.22, 0.06, 0.7], ground: true }, R: { at: [-0.22, 0.06, 0.7], ground: true } },
} as const;

const plank: ActionDef = {
  id: 'plank',
  dur: [4, 5],
  hold: [0.3, 0.7],
  keys: [
    { t: 0 },
    { t: 0.15, ...downToHands },
    { t: 0.3, ...plankPose },
    { t: 0.5, hips: { y: 0.43 } },
    { t: 0.7, ...plankPose },
    { t: 0.85, ...downToHands },
    { t: 1, ...standAt() },
  ],
  scene: [{ kind: 'mat', at: [0, 0, 0.55], size: [0.8, 0.01, 1.8] }],
};

/** Mountain climbers: from the plank, the knees drive alternately toward the chest. */
const mountainClimbers: ActionDef = {
  id: 'mountainClimbers',
  fill: true,
  dur: [3.6, 4.2],
  loop: [0.3, 0.7],
  keys: [
    { t: 0 },
    { t: 0.15, ...downToHands },
    { t: 0.3, ...plankPose },
    { t: 0.4, hips: { y: 0.48 }, feet: { L: { at: [0, 0.2, 0.5], pitch: 0.6, contact: false } } },
    { t: 0.5, hips: { y: 0.42 }, feet: { L: { at: [0, 0.15, 0], pitch: 1.0 } } },
    { t: 0.6, hips: { y: 0.48 }, feet: { R: { at: [0, 0.2, 0.5], pitch: 0.6, contact: false } } },
    { t: 0.7, hips: { y: 0.42 }, feet: { R: { at: [0, 0.15, 0], pitch: 1.0 } } },
    { t: 0.85, ...downToHands },
    { t: 1, ...standAt() },
  ],
};

/** Sit-ups: get down onto the back with the knees bent, curl up and down with the hands behind the head. */
const sitBent = {
  feet: { L: { at: [0.02, 0.08, 0.15] }, R: { at: [-0.02, 0.08, 0.15] } },
  hands: { L: { at: [0.12, 0.66, -0.08], pole: [1, 0.5, 0] }, R: { at: [-0.12, 0.66, -0.08], pole: [-1, 0.5, 0] } },
} as const;
const sitUps: ActionDef = {
  id: 'sitUps',
  fill: true,
  dur: [4.6, 5.4],
  loop: [0.3, 0.6],
  keys: [
    { t: 0 },
    { t: 0.12, hips: { y: 0.5, z: -0.1, pitch: 0.5 }, torso: { lean: 0.4 } },
    { t: 0.22, hips: { y: 0.12, z: -0.42, pitch: -0.2 }, torso: { lean: 0.4 }, ...sitBent },
    { t: 0.3, hips: { y: 0.1, z: -0.45, pitch: -1.35 }, torso: { lean: 0.05 }, head: { pitch: 0.3 } },
    { t: 0.45, ease: 'out', hips: { y: 0.12, z: -0.45, pitch: -0.3 }, torso: { lean: 0.55 }, head: { pitch: 0.3 } },
    { t: 0.6, hips: { y: 0.1, z: -0.45, pitch: -1.35 }, torso: { lean: 0.05 } },
    { t: 0.72, hips: { y: 0.12, z: -0.42, pitch: -0.2 }, torso: { lean: 0.5 }, hands: { L: { at: [0.2, 0.05, -0.5], ground: true }, R: { at: [-0.2, 0.05, -0.5], ground: true } } },
    { t: 0.86, hips: { y: 0.55, z: -0.05, pitch: 0.5 }, torso: { lean: 0.4 }, feet: { L: { at: [0.02, 0.08, 0] }, R: { at: [-0.02, 0.08, 0] } } },
    { t: 1, ...standAt() },
  ],
  scene: [{ kind: 'mat', at: [0, 0, -0.4], size: [0.8, 0.01, 1.8] }],
};

/** Burpees: squat, hands down, jump the feet back to a plank, back in, and jump up with the arms overhead. */
const burpees: ActionDef = {
  id: 'burpees',
  dur: [2.6, 3.2],
  cycle: true,
  keys: [
    { t: 0 },
    { t: 0.15, ...downToHands },
    {
      t: 0.3,
      hips: { y: 0.42, z: 0.1, pitch: 1.2 },
      head: { pitch: -0.35 },
      torso: { lean: 0 },
      hands: { L: { at: [0.2, 0.07, 0.52], ground: true }, R: { at: [-0.2, 0.07, 0.52], ground: true } },
      feet: { L: { at: [0, 0.15, -0.75], pitch: 1.0 }, R: { at: [0, 0.15, -0.75], pitch: 1.0 } },
    },
    { t: 0.45, ...downToHands },
    { t: 0.58, hips: { y: 0.7, z: 0.05, pitch: 0.2 }, torso: { lean: 0.25 }, feet: flat, arms: { L: { down: 1.1, forward: -0.4 }, R: { down: 1.1, forward: -0.4 } } },
    {
      t: 0.66,
      air: true,
      hips: { y: 1.0, z: 0, pitch: 0 },
      torso: { lean: -0.05 },
      feet: { L: { at: [0, 0.1, 0], pitch: 0.6 }, R: { at: [0, 0.1, 0], pitch: 0.6 } },
      arms: { L: { down: -1.2, forward: 0.2, elbow: 0.1 }, R: { down: -1.2, forward: 0.2, elbow: 0.1 } },
    },
    { t: 0.75, air: true, feet: { L: { at: [0, 0.28, 0], pitch: 0.5, contact: false }, R: { at: [0, 0.28, 0], pitch: 0.5, contact: false } } },
    { t: 0.84, hips: { y: 0.98 }, feet: { L: { at: [0, 0.1, 0], pitch: 0.4 }, R: { at: [0, 0.1, 0], pitch: 0.4 } } },
    { t: 0.92, hips: { y: 0.82, pitch: 0.15 }, torso: { lean: 0.2 }, feet: flat, arms: { L: { down: 0.9, forward: 0.3 }, R: { down: 0.9, forward: 0.3 } } },
    { t: 1, ...standAt() },
  ],
};

/** Lunges: alternate legs step far forward, the back knee drops toward the floor, push back up. */
const lunges: ActionDef = {
  id: 'lunges',
  dur: [3.2, 3.8],
  cycle: true,
  keys: [
    { t: 0 },
    { t: 0.12, hips: { y: 0.9, z: 0.15 }, feet: { L: { at: [0, 0.14, 0.35], contact: false } } },
    {
      t: 0.25,
      ease: 'out',
      hips: { y: 0.58, z: 0.3, pitch: -0.05 },
      torso: { lean: -0.02 },
      feet: { L: { at: [0, 0.08, 0.7] }, R: { at: [0, 0.1, 0], pitch: 0.7 } },
      hands: { L: { at: [0.25, 0.0, 0.05] }, R: { at: [-0.25, 0.0, 0.05] } },
    },
    { t: 0.38, hips: { y: 0.9, z: 0.15, pitch: 0 }, feet: { L: { at: [0, 0.14, 0.35], contact: false }, R: { at: [0, 0.08, 0], pitch: 0 } } },
    { t: 0.5, ...standAt(), arms: ARMS_DOWN },
    { t: 0.62, hips: { y: 0.9, z: 0.15 }, feet: { R: { at: [0, 0.14, 0.35], contact: false } } },
    {
      t: 0.75,
      ease: 'out',
      hips: { y: 0.58, z: 0.3, pitch: -0.05 },
      feet: { R: { at: [0, 0.08, 0.7] }, L: { at: [0, 0.1, 0], pitch: 0.7 } },
      hands: { L: { at: [0.25, 0.0, 0.05] }, R: { at: [-0.25, 0.0, 0.05] } },
    },
    { t: 0.88, hips: { y: 0.9, z: 0.15 }, feet: { R: { at: [0, 0.14, 0.35], contact: false }, L: { at: [0, 0.08, 0], pitch: 0 } } },
    { t: 1, ...standAt() },
  ],
};

/** High knees: running on the spot with the knees driven to hip height and the arms pumping. */
const highKnees: ActionDef = {
  id: 'highKnees',
  dur: [0.7, 0.85],
  cycle: true,
  inPlace: true,
  keys: [
    { t: 0, hips: { y: 0.93 }, arms: { L: { down: 1.2, forward: 0.4, elbow: 1.5 }, R: { down: 1.2, forward: -0.4, elbow: 1.5 } } },
    { t: 0.25, hips: { y: 0.97 }, feet: { L: { at: [0, 0.55, 0.3], pitch: 0.4, contact: false } }, arms: { L: { forward: -0.4 }, R: { forward: 0.6 } }, torso: { lean: -0.05 } },
    { t: 0.5, hips: { y: 0.92 }, feet: { L: { at: [0, 0.08, 0], pitch: 0 } }, arms: { L: { forward: 0 }, R: { forward: 0 } } },
    { t: 0.75, hips: { y: 0.97 }, feet: { R: { at: [0, 0.55, 0.3], pitch: 0.4, contact: false } }, arms: { L: { forward: 0.6 }, R: { forward: -0.4 } } },
    { t: 1, hips: { y: 0.93 }, feet: { R: { at: [0, 0.08, 0], pitch: 0 } }, arms: { L: { forward: 0.4 }, R: { forward: -0.4 } }, torso: { lean: 0 } },
  ],
};

/** Toe touch: hinge forward with straight legs and reach the hands down to the toes, hold, roll up. */
const toeTouch: ActionDef = {
  id: 'toeTouch',
  dur: [2.6, 3.2],
  hold: [0.4, 0.6],
  keys: [
    { t: 0 },
    {
      t: 0.4,
      hips: { y: 0.93, z: -0.12, pitch: 1.05 },
      torso: { lean: 0.7 },
      head: { pitch: 0.3 },
      hands: { L: { at: [0.12, 0.1, 0.16], ground: true }, R: { at: [-0.12, 0.1, 0.16], ground: true } },
    },
    { t: 0.6, hips: { y: 0.93, z: -0.13, pitch: 1.1 }, torso: { lean: 0.75 } },
    { t: 1, ...standAt() },
  ],
};

/** Arm circles: arms straight out to the sides tracing small circles. */
const armCircles: ActionDef = {
  id: 'armCircles',
  dur: [0.8, 1.1],
  cycle: true,
  keys: [
    { t: 0, arms: { L: { down: 0.05, forward: 0.15, elbow: 0.05 }, R: { down: 0.05, forward: 0.15, elbow: 0.05 } } },
    { t: 0.25, arms: { L: { down: -0.12, forward: 0 }, R: { down: -0.12, forward: 0 } } },
    { t: 0.5, arms: { L: { down: 0.05, forward: -0.15 }, R: { down: 0.05, forward: -0.15 } } },
    { t: 0.75, arms: { L: { down: 0.22, forward: 0 }, R: { down: 0.22, forward: 0 } } },
    { t: 1, arms: { L: { down: 0.05, forward: 0.15 }, R: { down: 0.05, forward: 0.15 } } },
  ],
};

/** Yoga tree: weight on the left leg, right sole against the left inner thigh, palms together then overhead. */
const yogaTree: ActionDef = {
  id: 'yogaTree',
  dur: [5, 6],
  hold: [0.35, 0.75],
  keys: [
    { t: 0 },
    { t: 0.15, hips: { x: 0.08, y: 0.95 }, feet: { R: { at: [0, 0.1, 0], contact: false } } },
    {
      t: 0.3,
      hips: { x: 0.09, y: 0.95, roll: 0.05 },
      feet: { R: { at: [0.14, 0.5, 0.04], yaw: -1.3, pitch: 0.6, contact: false } },
      hands: { L: { at: [0.02, 0.4, 0.2] }, R: { at: [-0.02, 0.4, 0.2] } },
      shape: { L: 'open', R: 'open' },
    },
    { t: 0.45, hands: { L: { at: [0.04, 1.02, 0.04] }, R: { at: [-0.04, 1.02, 0.04] } }, head: { pitch: -0.05 } },
    { t: 0.75, hands: { L: { at: [0.04, 1.03, 0.04] }, R: { at: [-0.04, 1.03, 0.04] } } },
    { t: 0.88, hips: { x: 0.08 }, hands: { L: { at: [0.02, 0.4, 0.2] }, R: { at: [-0.02, 0.4, 0.2] } }, feet: { R: { at: [0, 0.12, 0], yaw: 0, pitch: 0, contact: false } } },
    { t: 1, ...standAt() },
  ],
};

/** Warrior II: step wide, front knee bent over the ankle, arms long to the sides, gaze over the front hand. */
const yogaWarrior: ActionDef = {
  id: 'yogaWarrior',
  dur: [4.5, 5.5],
  hold: [0.3, 0.75],
  keys: [
    { t: 0 },
    { t: 0.15, hips: { x: -0.1 }, feet: { R: { at: [-0.25, 0.14, 0], contact: false } } },
    {
      t: 0.3,
      hips: { x: -0.22, y: 0.72, yaw: 0.1 },
      feet: { R: { at: [-0.55, 0.08, 0], yaw: -1.2 }, L: { at: [0.2, 0.08, 0], yaw: 0.2 } },
      arms: { L: { down: 0.02, forward: 0, elbow: 0.05 }, R: { down: 0.02, forward: 0, elbow: 0.05 } },
      head: { yaw: -1.2 },
      torso: { twist: -0.05 },
    },
    { t: 0.75, hips: { y: 0.71 } },
    {
      t: 0.88,
      hips: { x: -0.1, y: 0.9, yaw: 0 },
      head: { yaw: 0 },
      feet: { R: { at: [-0.25, 0.14, 0], yaw: 0, contact: false }, L: { at: [0, 0.08, 0], yaw: 0 } },
      arms: ARMS_DOWN,
    },
    { t: 1, ...standAt() },
  ],
};

/** Downward dog: hands and feet on the floor, hips high, the body an inverted V. */
const yogaDownwardDog: ActionDef = {
  id: 'yogaDownwardDog',
  dur: [4.5, 5.5],
  hold: [0.3, 0.72],
  keys: [
    { t: 0 },
    { t: 0.15, ...downToHands },
    {
      t: 0.3,
      hips: { y: 0.8, z: 0.33, pitch: 2.45 },
      torso: { lean: 0.1 },
      head: { pitch: 0.4 },
      feet: flat,
      hands: { L: { at: [0.2, 0.06, 0.95], ground: true, pole: [1, 0.2, -0.6] }, R: { at: [-0.2, 0.06, 0.95], ground: true, pole: [-1, 0.2, -0.6] } },
    },
    { t: 0.72, hips: { y: 0.82, z: 0.32, pitch: 2.45 } },
    { t: 0.85, ...downToHands },
    { t: 1, ...standAt() },
  ],
  scene: [{ kind: 'mat', at: [0, 0, 0.45], size: [0.8, 0.01, 1.8] }],
};

/** Child's pose: kneel, sit back on the heels and fold forward with the arms long on the floor. */
const yogaChild: ActionDef = {
  id: 'yogaChild',
  dur: [4.5, 5.5],
  hold: [0.35, 0.72],
  keys: [
    { t: 0 },
    { t: 0.15, hips: { y: 0.6, z: 0.05, pitch: 0.3 }, torso: { lean: 0.2 }, feet: { L: { at: [0, 0.1, -0.3], pitch: 1.3 }, R: { at: [0, 0.1, -0.3], pitch: 1.3 } } },
    {
      t: 0.35,
      hips: { y: 0.3, z: -0.2, pitch: 1.4 },
      torso: { lean: 0.3 },
      head: { pitch: 0.3 },
      feet: { L: { at: [0.02, 0.09, -0.32], pitch: 1.45 }, R: { at: [-0.02, 0.09, -0.32], pitch: 1.45 } },
      hands: { L: { at: [0.15, 0.04, 0.55], ground: true }, R: { at: [-0.15, 0.04, 0.55], ground: true } },
    },
    { t: 0.72, hips: { y: 0.3, z: -0.21, pitch: 1.42 } },
    {
      t: 0.85,
      hips: { y: 0.6, z: 0.05, pitch: 0.3 },
      torso: { lean: 0.2 },
      feet: { L: { at: [0, 0.1, -0.3], pitch: 1.3 }, R: { at: [0, 0.1, -0.3], pitch: 1.3 } },
      arms: ARMS_DOWN,
    },
    { t: 1, ...standAt() },
  ],
  scene: [{ kind: 'mat', at: [0, 0, 0.1], size: [0.8, 0.01, 1.8] }],
};

/** Tai chi, "wave hands like clouds": slow weight shifts side to side with the waist turning and the hands circling. */
const taiChi: ActionDef = {
  id: 'taiChi',
  fill: true,
  dur: [5, 6],
  loop: [0.1, 0.9],
  keys: [
    { t: 0 },
    {
      t: 0.1,
      hips: { y: 0.84, x: 0 },
      feet: { L: { at: [0.12, 0.08, 0] }, R: { at: [-0.12, 0.08, 0] } },
      hands: { L: { at: [0.1, 0.45, 0.3] }, R: { at: [-0.1, 0.15, 0.3] } },
      shape: { L: 'open', R: 'open' },
    },
    { t: 0.3, hips: { x: 0.1, yaw: 0.35 }, torso: { twist: 0.2 }, head: { yaw: 0.4 }, hands: { L: { at: [0.35, 0.35, 0.25] }, R: { at: [0.1, 0.25, 0.3] } } },
    { t: 0.5, hips: { x: 0, yaw: 0 }, torso: { twist: 0 }, head: { yaw: 0 }, hands: { L: { at: [0.1, 0.15, 0.3] }, R: { at: [-0.1, 0.45, 0.3] } } },
    { t: 0.7, hips: { x: -0.1, yaw: -0.35 }, torso: { twist: -0.2 }, head: { yaw: -0.4 }, hands: { L: { at: [-0.1, 0.25, 0.3] }, R: { at: [-0.35, 0.35, 0.25] } } },
    { t: 0.9, hips: { x: 0, yaw: 0 }, torso: { twist: 0 }, head: { yaw: 0 }, hands: { L: { at: [0.1, 0.45, 0.3] }, R: { at: [-0.1, 0.15, 0.3] } } },
    { t: 1, ...standAt() },
  ],
};

export default [
  pushUps,
  plank,
  mountainClimbers,
  sitUps,
  burpees,
  lunges,
  highKnees,
  toeTouch,
  armCircles,
  yogaTree,
  yogaWarrior,
  yogaDownwardDog,
  yogaChild,
  taiChi,
] satisfies ActionDef[];
