/** Locomotion that is not a gait: on the spot, vaulting, crawling (docs/action-format.md). */
import type { ActionDef } from '../format.ts';
import { standAt } from './poses.ts';

/** Running on the spot: feet alternate under the hips with a brief flight, arms pumping. */
const runInPlace: ActionDef = {
  id: 'runInPlace',
  dur: [0.62, 0.72],
  cycle: true,
  inPlace: true,
  keys: [
    { t: 0, hips: { y: 0.92 }, torso: { lean: 0.08 }, arms: { L: { down: 1.25, forward: 0.5, elbow: 1.4 }, R: { down: 1.25, forward: -0.4, elbow: 1.4 } } },
    {
      t: 0.25,
      hips: { y: 0.95 },
      feet: { L: { at: [0, 0.32, -0.08], pitch: 0.5, contact: false }, R: { at: [0, 0.1, 0], pitch: 0.4 } },
      arms: { L: { forward: -0.4 }, R: { forward: 0.5 } },
    },
    { t: 0.5, hips: { y: 0.91 }, feet: { L: { at: [0, 0.08, 0], pitch: 0 }, R: { at: [0, 0.08, 0], pitch: 0 } }, arms: { L: { forward: 0 }, R: { forward: 0 } } },
    {
      t: 0.75,
      hips: { y: 0.95 },
      feet: { R: { at: [0, 0.32, -0.08], pitch: 0.5, contact: false }, L: { at: [0, 0.1, 0], pitch: 0.4 } },
      arms: { L: { forward: 0.5 }, R: { forward: -0.4 } },
    },
    { t: 1, hips: { y: 0.92 }, feet: { R: { at: [0, 0.08, 0], pitch: 0 }, L: { at: [0, 0.08, 0], pitch: 0 } }, arms: { L: { forward: 0.5 }, R: { forward: -0.4 } } },
  ],
};

/** Walking on the spot: knees lift alternately, heels peel, arms swing gently. */
const walkInPlace: ActionDef = {
  id: 'walkInPlace',
  dur: [1.0, 1.2],
  cycle: true,
  inPlace: true,
  keys: [
    { t: 0, hips: { y: 0.95 }, arms: { L: { down: 1.28, forward: 0.25, elbow: 0.3 }, R: { down: 1.28, forward: -0.25, elbow: 0.3 } } },
    { t: 0.25, hips: { y: 0.955, x: -0.02 }, feet: { L: { at: [0, 0.2, 0.05], pitch: 0.3, contact: false } }, arms: { L: { forward: -0.25 }, R: { forward: 0.25 } } },
    { t: 0.5, hips: { y: 0.945, x: 0 }, feet: { L: { at: [0, 0.08, 0], pitch: 0 } }, arms: { L: { forward: 0 }, R: { forward: 0 } } },
    { t: 0.75, hips: { y: 0.955, x: 0.02 }, feet: { R: { at: [0, 0.2, 0.05], pitch: 0.3, contact: false } }, arms: { L: { forward: 0.25 }, R: { forward: -0.25 } } },
    { t: 1, hips: { y: 0.95, x: 0 }, feet: { R: { at: [0, 0.08, 0], pitch: 0 } }, arms: { L: { forward: 0.25 }, R: { forward: -0.25 } } },
  ],
};

/**
 * The moonwalk: the body glides backward while the feet alternate two roles. One foot stands on the
 * ball with its heel up under the body and carries the weight; the other stays flat and slides back
 * past it along the floor (never lifted). At the switch the raised heel drops flat and the slid foot
 * rises onto its ball, so each foot slides back two lengths `S` per cycle. The flat sliding foot is
 * never marked in contact (it moves), so foot locking pins only the raised-heel foot.
 */
const S = 0.26;
const slide = (z: number) => ({ at: [0, 0.08, z], pitch: 0 }) as const;
const onBall = (z: number) => ({ at: [0, 0.08, z], pitch: 'heel' }) as const;
const moonwalk: ActionDef = {
  id: 'moonwalk',
  dur: [1.7, 2.0],
  loop: [0.3, 1],
  fill: true,
  vars: { heel: [0.55, 0.75] },
  keys: [
    { t: 0 },
    {
      t: 0.12,
      hips: { y: 0.93, x: -0.02 },
      torso: { lean: 0.06 },
      head: { pitch: 0.1 },
      feet: { R: onBall(0) },
      arms: { L: { down: 1.2, forward: 0.15, elbow: 0.7 }, R: { down: 1.2, forward: -0.1, elbow: 0.5 } },
      shape: { L: 'relaxed', R: 'relaxed' },
    },
    { t: 0.3, hips: { y: 0.93, z: -S / 2, x: -0.03 }, feet: { L: slide(-S) } },
    // Loop: switch roles, the right foot slides back two lengths; switch again, the left one does.
    { t: 0.38, ease: 'linear', hips: { y: 0.925, x: 0.02 }, feet: { L: onBall(-S), R: slide(0) }, arms: { L: { forward: -0.1, elbow: 0.5 }, R: { forward: 0.15, elbow: 0.7 } } },
    { t: 0.65, hips: { y: 0.93, z: -1.5 * S, x: 0.03 }, feet: { R: slide(-2 * S) } },
    {
      t: 0.73,
      ease: 'linear',
      hips: { y: 0.925, x: -0.02 },
      feet: { R: onBall(-2 * S), L: slide(-S) },
      arms: { L: { forward: 0.15, elbow: 0.7 }, R: { forward: -0.1, elbow: 0.5 } },
    },
    { t: 1, hips: { y: 0.93, z: -2.5 * S, x: -0.03 }, feet: { L: slide(-3 * S) } },
  ],
};

/** Vault over a box: two steps in, hands on the box, legs swing over in a flight, land and stand. */
const vault: ActionDef = {
  id: 'vault',
  dur: [2, 2.4],
  keys: [
    { t: 0 },
    { t: 0.15, hips: { z: 0.2, y: 0.93 }, feet: { L: { at: [0, 0.08, 0.4] } }, torso: { lean: 0.15 } },
    {
      t: 0.3,
      hips: { z: 0.5, y: 0.88, pitch: 0.3 },
      torso: { lean: 0.35 },
      feet: { R: { at: [0, 0.08, 0.55] } },
      hands: { L: { at: [0.2, 0.64, 0.85], ground: true }, R: { at: [-0.2, 0.64, 0.85], ground: true } },
    },
    { t: 0.4, air: true, hips: { z: 0.65, y: 1.0, pitch: 0.4, roll: 0.1 } },
    { t: 0.55, air: true, hips: { z: 0.95, pitch: 0.35, roll: 0.3 }, legs: { L: { flex: 1.5, knee: 1.6, abduct: 0.4 }, R: { flex: 1.4, knee: 1.7, abduct: 0.3 } } },
    {
      t: 0.7,
      hips: { z: 1.45, y: 0.8, pitch: 0.2, roll: 0 },
      torso: { lean: 0.25 },
      feet: { L: { at: [0, 0.08, 1.5] }, R: { at: [0, 0.08, 1.5] } },
      hands: { L: { at: [0.25, 0.3, 0.3] }, R: { at: [-0.25, 0.3, 0.3] } },
    },
    { t: 1, ...standAt(1.5) },
  ],
  scene: [{ kind: 'box', at: [0, 0, 0.95], size: [0.9, 0.6, 0.4] }],
};

/** Hands and knees: the right hand with the left knee, then the left hand with the right knee. */
const onAllFours = (z: number) =>
  ({
    hips: { y: 0.52, z, pitch: 1.45 },
    torso: { lean: 0.05 },
    head: { pitch: -0.5 },
    hands: { L: { at: [0.15, 0.05, z + 0.45], ground: true, pole: [1, 0.3, -0.6] }, R: { at: [-0.15, 0.05, z + 0.45], ground: true, pole: [-1, 0.3, -0.6] } },
    feet: { L: { at: [0.02, 0.1, z - 0.41], pitch: 1.35 }, R: { at: [-0.02, 0.1, z - 0.41], pitch: 1.35 } },
  }) as const;
const crawl: ActionDef = {
  id: 'crawl',
  fill: true,
  dur: [4.6, 5.2],
  loop: [0.2, 0.8],
  keys: [
    { t: 0 },
    {
      t: 0.1,
      hips: { y: 0.62, z: 0.1, pitch: 0.8 },
      torso: { lean: 0.3 },
      hands: { L: { at: [0.2, 0.2, 0.55], ground: true }, R: { at: [-0.2, 0.2, 0.55], ground: true } },
      feet: { L: { at: [0, 0.08, 0], pitch: 0.5 } },
    },
    { t: 0.2, ...onAllFours(0.35) },
    { t: 0.35, hips: { z: 0.47, roll: 0.04 }, hands: { R: { at: [-0.15, 0.14, 1.05], ground: true } }, feet: { L: { at: [0.02, 0.14, 0.19], contact: false } } },
    { t: 0.5, hips: { z: 0.6, roll: 0 }, hands: { R: { at: [-0.15, 0.05, 1.3], ground: true } }, feet: { L: { at: [0.02, 0.1, 0.44] } } },
    { t: 0.65, hips: { z: 0.72, roll: -0.04 }, hands: { L: { at: [0.15, 0.14, 1.05], ground: true } }, feet: { R: { at: [-0.02, 0.14, 0.19], contact: false } } },
    { t: 0.8, hips: { z: 0.85, roll: 0 }, hands: { L: { at: [0.15, 0.05, 1.3], ground: true } }, feet: { R: { at: [-0.02, 0.1, 0.44] } } },
    {
      t: 0.9,
      hips: { y: 0.62, z: 0.75, pitch: 0.7 },
      torso: { lean: 0.3 },
      head: { pitch: 0 },
      hands: { L: { at: [0.2, 0.3, 1.0], ground: true }, R: { at: [-0.2, 0.3, 1.0], ground: true } },
      feet: { L: { at: [0, 0.08, 0.75], pitch: 0 } },
    },
    { t: 1, ...standAt(0.78, 0, 0.78) },
  ],
};

/** Commando crawl: flat on the belly, forearms pulling, a knee drawn up to the side pushing. */
const prone = (z: number) =>
  ({
    hips: { y: 0.14, z, pitch: 1.5 },
    torso: { lean: -0.1 },
    head: { pitch: -0.5 },
    hands: { L: { at: [0.2, 0.06, z + 0.62], ground: true, pole: [1, -1, 0] }, R: { at: [-0.2, 0.06, z + 0.62], ground: true, pole: [-1, -1, 0] } },
    feet: { L: { at: [0.05, 0.1, z - 0.82], pitch: 1.5 }, R: { at: [-0.05, 0.1, z - 0.82], pitch: 1.5 } },
  }) as const;
const commandoCrawl: ActionDef = {
  id: 'commandoCrawl',
  fill: true,
  dur: [5, 5.8],
  loop: [0.25, 0.8],
  keys: [
    { t: 0 },
    {
      t: 0.12,
      hips: { y: 0.5, z: 0.2, pitch: 0.9 },
      torso: { lean: 0.3 },
      hands: { L: { at: [0.25, 0.05, 0.7], ground: true }, R: { at: [-0.25, 0.05, 0.7], ground: true } },
      feet: { L: { at: [0, 0.1, -0.1], pitch: 1.0 }, R: { at: [0, 0.1, -0.1], pitch: 1.0 } },
    },
    { t: 0.25, ...prone(0.75) },
    { t: 0.38, hips: { z: 0.82, roll: 0.1 }, hands: { R: { at: [-0.2, 0.08, 1.57], ground: true } }, feet: { L: { at: [0.3, 0.1, 0.15], pitch: 1.3, contact: false } } },
    { t: 0.52, hips: { z: 0.92, roll: 0 }, hands: { R: { at: [-0.2, 0.06, 1.57], ground: true } }, feet: { L: { at: [0.05, 0.1, 0.2], pitch: 1.5 } } },
    { t: 0.66, hips: { z: 0.99, roll: -0.1 }, hands: { L: { at: [0.2, 0.08, 1.77], ground: true } }, feet: { R: { at: [-0.3, 0.1, 0.25], pitch: 1.3, contact: false } } },
    {
      t: 0.8,
      hips: { z: 1.1, roll: 0 },
      hands: { L: { at: [0.2, 0.06, 1.72], ground: true }, R: { at: [-0.2, 0.06, 1.72], ground: true } },
      feet: { R: { at: [-0.05, 0.1, 0.28], pitch: 1.5 } },
    },
    {
      t: 0.9,
      hips: { y: 0.5, z: 1.0, pitch: 0.9 },
      torso: { lean: 0.3 },
      head: { pitch: 0 },
      hands: { L: { at: [0.25, 0.1, 1.45], ground: true }, R: { at: [-0.25, 0.1, 1.45], ground: true } },
      feet: { L: { at: [0, 0.08, 0.85], pitch: 0 }, R: { at: [0, 0.08, 0.85], pitch: 0 } },
    },
    { t: 1, ...standAt(0.9, 0, 0.9) },
  ],
};

export default [moonwalk, runInPlace, walkInPlace, vault, crawl, commandoCrawl] satisfies ActionDef[];
