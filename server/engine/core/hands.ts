/**
 * Hand shapes: the finger poses actions ask for (a fist for a punch, a grip on a bat, a pointing
 * index finger). Actions name a shape per hand and a weight; this module turns that into finger
 * joint rotations on skeletons that have finger joints (VRM 1.0 names: leftThumbMetacarpal,
 * leftIndexProximal, …). On a skeleton without finger joints there is nothing to pose, and the call
 * leaves the motion unchanged.
 *
 * A shape is a table of anatomical angles (degrees) per finger — splay and the flexion of its three
 * joints — clamped to joint limits, turned into local rotations once and cached. Because the rest
 * pose is a T-pose with identity rotations and palms facing down, a finger's flexion is a rotation
 * about the hand's forward axis (±Z) and its splay one about the vertical axis (Y); the thumb,
 * which leaves the wrist at ~45°, uses axes built from its own direction.
 */
import { qAxisAngle, qMul, qSlerp } from './quat.ts';
import { CANONICAL, FINGERS, JOINT_COUNT } from './skeleton.ts';
import type { Skeleton } from './skeleton.ts';

export const HAND_SHAPES = ['relaxed', 'fist', 'grip', 'point', 'open', 'pinch', 'thumbsUp', 'victory'] as const;
export type HandShape = (typeof HAND_SHAPES)[number];

type Finger = (typeof FINGERS)[number];
/**
 * [splay, flex1, flex2, flex3] in degrees. Fingers: splay (+ toward the thumb), MCP, PIP, DIP flexion.
 * Thumb: palmar abduction (away from the palm plane, under the hand), CMC, MCP, IP flexion (across the palm).
 */
type Angles = readonly [number, number, number, number];
type ShapeTable = Readonly<Record<Finger, Angles>>;

/** Joint limits of an adult hand (active range of motion), [min, max] per angle slot. */
const LIMITS: Readonly<Record<Finger, readonly (readonly [number, number])[]>> = {
  Thumb: [
    [-10, 70],
    [-20, 50],
    [-10, 60],
    [-15, 80],
  ],
  Index: [
    [-20, 20],
    [-20, 90],
    [0, 110],
    [-5, 80],
  ],
  Middle: [
    [-15, 15],
    [-20, 90],
    [0, 110],
    [-5, 80],
  ],
  Ring: [
    [-20, 20],
    [-20, 90],
    [0, 110],
    [-5, 80],
  ],
  Little: [
    [-30, 25],
    [-20, 90],
    [0, 110],
    [-5, 80],
  ],
};

const CURLED: Angles = [0, 88, 100, 62];
/**
 * The shapes. Relaxed is the hand at rest hanging or held loosely: a slight curl that grows from
 * index to little finger. A grip closes around a ~3.5 cm handle: with proximal phalanges of
 * 4–5 cm the MCP/PIP angles that wrap a cylinder of that diameter are about 55°/80°.
 */
const SHAPES: Readonly<Record<HandShape, ShapeTable>> = {
  relaxed: { Thumb: [10, 8, 10, 8], Index: [3, 14, 22, 10], Middle: [0, 18, 27, 12], Ring: [-3, 23, 32, 14], Little: [-7, 28, 36, 16] },
  fist: { Thumb: [0, 30, 15, 20], Index: CURLED, Middle: CURLED, Ring: CURLED, Little: [-2, 88, 100, 62] },
  grip: { Thumb: [5, 25, 10, 15], Index: [2, 52, 80, 38], Middle: [0, 56, 82, 40], Ring: [-2, 60, 84, 42], Little: [-4, 64, 86, 44] },
  point: { Thumb: [0, 35, 15, 20], Index: [2, 2, 4, 2], Middle: CURLED, Ring: CURLED, Little: CURLED },
  open: { Thumb: [4, -10, -5, 0], Index: [9, 0, 2, 0], Middle: [1, 0, 2, 0], Ring: [-7, 0, 2, 0], Little: [-16, 0, 2, 0] },
  pinch: { Thumb: [10, 20, 15, 10], Index: [4, 42, 48, 22], Middle: [0, 32, 42, 20], Ring: [-3, 36, 46, 22], Little: [-7, 40, 50, 24] },
  thumbsUp: { Thumb: [0, -15, -5, -8], Index: CURLED, Middle: CURLED, Ring: CURLED, Little: CURLED },
  victory: { Thumb: [5, 40, 20, 20], Index: [10, 0, 3, 1], Middle: [-8, 0, 3, 1], Ring: CURLED, Little: CURLED },
};

const DEG = Math.PI / 180;
const clamp = (v: number, [lo, hi]: readonly [number, number]): number => Math.min(hi, Math.max(lo, v));

/** Anatomical angles of a shape after clamping to the joint limits (degrees), for inspection and tests. */
export function handShapeAngles(shape: HandShape): Record<Finger, number[]> {
  const t = SHAPES[shape];
  return Object.fromEntries(FINGERS.map((f) => [f, t[f].map((v, k) => clamp(v, LIMITS[f][k]!))])) as Record<Finger, number[]>;
}

// Left-hand thumb axes (hand frame): its direction as laid out in the skeleton, the flexion axis that
// swings it across the palm toward the little finger (mostly in the palm's plane, a little under it),
// and the palmar abduction axis that swings it under the palm (the palm faces −Y in the T-pose).
// The thumb angles of the shapes were fitted so its tip lands where a hand puts it: on the middle
// phalanges of index and middle finger in a fist, on the index fingertip in a pinch, over the middle
// (point) or ring (victory) finger, and against the handle in a grip (all within about 1.5 cm).
const THUMB_DIR = (() => {
  const o = CANONICAL.offsets,
    j = CANONICAL.names.indexOf('leftThumbProximal');
  const l = Math.hypot(o[j * 3]!, o[j * 3 + 1]!, o[j * 3 + 2]!);
  return [o[j * 3]! / l, o[j * 3 + 1]! / l, o[j * 3 + 2]! / l] as const;
})();
const cross = (a: readonly number[], b: readonly number[]): [number, number, number] => [
  a[1]! * b[2]! - a[2]! * b[1]!,
  a[2]! * b[0]! - a[0]! * b[2]!,
  a[0]! * b[1]! - a[1]! * b[0]!,
];
const THUMB_FLEX_AXIS = cross(THUMB_DIR, [0.3, -0.15, -1]);
const THUMB_ABD_AXIS = cross(THUMB_DIR, [0, -1, 0]);

/** Local rotations (15 quaternions, canonical finger order) of a shape on the left hand. */
function leftQuats(shape: HandShape): Float64Array {
  return leftQuatsOf(handShapeAngles(shape));
}

/** Left-hand local rotations from a table of angles (degrees, already within limits). */
function leftQuatsOf(a: Record<Finger, readonly number[]>): Float64Array {
  const out = new Float64Array(15 * 4);
  const q = new Float64Array(4),
    s = new Float64Array(4);
  FINGERS.forEach((f, i) => {
    const [splay, f1, f2, f3] = a[f] as [number, number, number, number];
    [f1, f2, f3].forEach((flex, k) => {
      if (f === 'Thumb') {
        const ax = THUMB_FLEX_AXIS;
        qAxisAngle(q, ax[0], ax[1], ax[2], flex * DEG);
        if (k === 0) {
          qAxisAngle(s, THUMB_ABD_AXIS[0], THUMB_ABD_AXIS[1], THUMB_ABD_AXIS[2], splay * DEG);
          qMul(q, s, q);
        }
      } else {
        // Flexion carries a left finger's +X toward the palm (−Y): a negative turn about +Z.
        qAxisAngle(q, 0, 0, 1, -flex * DEG);
        // Splay toward the thumb (+Z): a negative turn about +Y.
        if (k === 0) {
          qAxisAngle(s, 0, 1, 0, -splay * DEG);
          qMul(q, s, q);
        }
      }
      out.set(q, (i * 3 + k) * 4);
    });
  });
  return out;
}

const CACHE = new Map<string, Float32Array>();
/** Local rotations of `shape` on `side` (15 quaternions in canonical finger order: thumb, index … little). */
export function handShapeQuats(shape: HandShape, side: 0 | 1): Float32Array {
  const key = shape + side;
  let v = CACHE.get(key);
  if (!v) {
    const l = leftQuats(shape);
    v = new Float32Array(l);
    // The right hand is the mirror image: mirroring across the sagittal plane flips a rotation's y and z.
    if (side === 1)
      for (let i = 0; i < v.length; i += 4) {
        v[i + 1] = -v[i + 1]!;
        v[i + 2] = -v[i + 2]!;
      }
    CACHE.set(key, v);
  }
  return v;
}

const JOINT_CACHE = new WeakMap<Skeleton, Int16Array[]>();
/** Per side, the skeleton's joint index for each of the 15 canonical finger joints (−1 where missing). */
export function fingerJointMap(sk: Skeleton): Int16Array[] {
  let m = JOINT_CACHE.get(sk);
  if (!m) {
    m = (['left', 'right'] as const).map((side) => {
      const idx = new Int16Array(15).fill(-1);
      FINGERS.forEach((f, i) => {
        const segs = f === 'Thumb' ? ['Metacarpal', 'Proximal', 'Distal'] : ['Proximal', 'Intermediate', 'Distal'];
        segs.forEach((seg, k) => {
          idx[i * 3 + k] = sk.names.indexOf(`${side}${f}${seg}`);
        });
      });
      return idx;
    });
    JOINT_CACHE.set(sk, m);
  }
  return m;
}

/** Finger joints per side in the skeleton; empty when the rig has none. */
export function fingerJoints(sk: Skeleton, side: 0 | 1): number[] {
  return [...fingerJointMap(sk)[side]!].filter((j) => j >= 0).sort((a, b) => a - b);
}

const qa = new Float64Array(4),
  qb = new Float64Array(4);

/**
 * Writes hand shape `shape` for `side` into frame `f` of `rot` (the Motion rotation array), blended with
 * what is there by `weight` (0..1).
 */
export function applyHandShape(rot: Float32Array, sk: Skeleton, f: number, side: 0 | 1, shape: HandShape, weight: number): void {
  const joints = fingerJointMap(sk)[side]!;
  if (weight <= 0 || joints.every((j) => j < 0)) return;
  const w = Math.min(1, weight);
  const pose = handShapeQuats(shape, side);
  const base = f * sk.parents.length * 4;
  for (let k = 0; k < 15; k++) {
    const j = joints[k]!;
    if (j < 0) continue;
    const o = base + j * 4;
    if (w >= 1) {
      rot[o] = pose[k * 4]!;
      rot[o + 1] = pose[k * 4 + 1]!;
      rot[o + 2] = pose[k * 4 + 2]!;
      rot[o + 3] = pose[k * 4 + 3]!;
      continue;
    }
    qa[0] = rot[o]!;
    qa[1] = rot[o + 1]!;
    qa[2] = rot[o + 2]!;
    qa[3] = rot[o + 3]!;
    qb[0] = pose[k * 4]!;
    qb[1] = pose[k * 4 + 1]!;
    qb[2] = pose[k * 4 + 2]!;
    qb[3] = pose[k * 4 + 3]!;
    qSlerp(qa, qa, qb, w);
    rot[o] = qa[0]!;
    rot[o + 1] = qa[1]!;
    rot[o + 2] = qa[2]!;
    rot[o + 3] = qa[3]!;
  }
}

/**
 * The default hands: writes the relaxed shape on both hands for frames [from, to) of a canonical
 * rotation buffer. Synthesis starts every track from it (synth/track.ts), so every engine motion has
 * naturally curled fingers unless an action blends another shape in.
 */
export function fillRelaxedHands(rot: Float32Array, from: number, to: number, sk: Skeleton = CANONICAL): void {
  const jc = sk === CANONICAL ? JOINT_COUNT : sk.parents.length;
  const joints = fingerJointMap(sk);
  const all = joints.flatMap((m) => [...m].filter((j) => j >= 0));
  if (all.length === 0) return;
  const first = Math.min(...all);
  if (all.length === jc - first) {
    // The fingers are one contiguous run at the end of each frame (as on the canonical rig): build that
    // run once and copy it per frame, since this runs for every synthesized frame.
    const run = new Float32Array(all.length * 4);
    for (let side = 0 as 0 | 1; side < 2; side = (side + 1) as 0 | 1) {
      const pose = handShapeQuats('relaxed', side);
      joints[side]!.forEach((j, k) => {
        if (j >= 0) run.set(pose.subarray(k * 4, k * 4 + 4), (j - first) * 4);
      });
    }
    for (let f = from; f < to; f++) rot.set(run, (f * jc + first) * 4);
    return;
  }
  for (let f = from; f < to; f++) for (const side of [0, 1] as const) applyHandShape(rot, sk, f, side, 'relaxed', 1);
}

/** Fastest a finger joint turns (degrees per second): a quick fist closes 90° in about 0.12 s. */
export const MAX_FINGER_SPEED_DEG = 720;
const qp = new Float64Array(4),
  qt = new Float64Array(4);

/**
 * Keeps finger joints from snapping: where an action switches hand shapes from one frame to the next,
 * each finger joint instead turns toward the new shape at no more than MAX_FINGER_SPEED_DEG, so a fist
 * closes over a few frames. Slower changes (shapes blended in by weight) pass through untouched, and
 * nothing but the finger joints is read or written. Runs once at the end of synthesis.
 */
export function limitFingerSpeed(rot: Float32Array, sk: Skeleton, frames: number, fps: number, maxDegPerSec = MAX_FINGER_SPEED_DEG): void {
  const jc = sk.parents.length;
  const maxStep = (maxDegPerSec * Math.PI) / 180 / fps;
  const cosHalf = Math.cos(maxStep / 2);
  for (const side of fingerJointMap(sk))
    for (const j of side) {
      if (j < 0) continue;
      for (let f = 1; f < frames; f++) {
        const o = (f * jc + j) * 4,
          p = ((f - 1) * jc + j) * 4;
        const d = Math.abs(rot[o]! * rot[p]! + rot[o + 1]! * rot[p + 1]! + rot[o + 2]! * rot[p + 2]! + rot[o + 3]! * rot[p + 3]!);
        if (d >= cosHalf) continue;
        const angle = 2 * Math.acos(Math.min(1, d));
        qp[0] = rot[p]!;
        qp[1] = rot[p + 1]!;
        qp[2] = rot[p + 2]!;
        qp[3] = rot[p + 3]!;
        qt[0] = rot[o]!;
        qt[1] = rot[o + 1]!;
        qt[2] = rot[o + 2]!;
        qt[3] = rot[o + 3]!;
        qSlerp(qp, qp, qt, maxStep / angle);
        rot[o] = qp[0]!;
        rot[o + 1] = qp[1]!;
        rot[o + 2] = qp[2]!;
        rot[o + 3] = qp[3]!;
      }
    }
}
