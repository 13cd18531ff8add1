/**
 * The canonical humanoid rig every engine motion is expressed on.
 * Bone names follow VRM 1.0 humanoid (the easiest standard to retarget from), the rest pose is a
 * T-pose with identity local rotations, units are metres, +Y is up and the character faces +Z.
 * Because every rest rotation is identity, a joint's local axes equal the world axes at rest, which
 * lets generators author poses as plain anatomical rotations and lets exporters skip rest-pose math.
 */

export interface Skeleton {
  /** Stable id written into encoded motions so a decoder can refuse data for another rig. */
  readonly id: string;
  /** VRM 1.0 humanoid bone names, in parent-before-child order. */
  readonly names: readonly string[];
  /** Mixamo-style export names (without the `mixamorig` prefix), aligned with `names`. */
  readonly exportNames: readonly string[];
  /** Parent index per joint; -1 for the root (hips). */
  readonly parents: Int8Array;
  /** Rest translation of each joint relative to its parent (the root's is its rest world position). */
  readonly offsets: Float32Array;
  /** Offset of a bone's far end for leaf joints (head top, fingertips, toe tips); zero elsewhere. */
  readonly tips: Float32Array;
  /** Index of the mirrored joint (left ↔ right); the joint itself on the centre line. */
  readonly mirror: Int8Array;
}

export const J = {
  hips: 0,
  spine: 1,
  chest: 2,
  upperChest: 3,
  neck: 4,
  head: 5,
  leftShoulder: 6,
  leftUpperArm: 7,
  leftLowerArm: 8,
  leftHand: 9,
  rightShoulder: 10,
  rightUpperArm: 11,
  rightLowerArm: 12,
  rightHand: 13,
  leftUpperLeg: 14,
  leftLowerLeg: 15,
  leftFoot: 16,
  leftToes: 17,
  rightUpperLeg: 18,
  rightLowerLeg: 19,
  rightFoot: 20,
  rightToes: 21,
  leftThumbMetacarpal: 22,
  leftThumbProximal: 23,
  leftThumbDistal: 24,
  leftIndexProximal: 25,
  leftIndexIntermediate: 26,
  leftIndexDistal: 27,
  leftMiddleProximal: 28,
  leftMiddleIntermediate: 29,
  leftMiddleDistal: 30,
  leftRingProximal: 31,
  leftRingIntermediate: 32,
  leftRingDistal: 33,
  leftLittleProximal: 34,
  leftLittleIntermediate: 35,
  leftLittleDistal: 36,
  rightThumbMetacarpal: 37,
  rightThumbProximal: 38,
  rightThumbDistal: 39,
  rightIndexProximal: 40,
  rightIndexIntermediate: 41,
  rightIndexDistal: 42,
  rightMiddleProximal: 43,
  rightMiddleIntermediate: 44,
  rightMiddleDistal: 45,
  rightRingProximal: 46,
  rightRingIntermediate: 47,
  rightRingDistal: 48,
  rightLittleProximal: 49,
  rightLittleIntermediate: 50,
  rightLittleDistal: 51,
} as const;
/**
 * Joints 0..BODY_JOINT_COUNT−1 are the body; the finger joints follow (15 per hand, left then
 * right). Keeping fingers at the end lets body-only passes (IK, filters, physics, metrics, FK for
 * foot contacts) loop over a prefix and keeps every body index of the first (22-joint) rig.
 */
export const BODY_JOINT_COUNT = 22;
const FINGER_JOINTS_PER_HAND = 15;
export const JOINT_COUNT = BODY_JOINT_COUNT + 2 * FINGER_JOINTS_PER_HAND;
/** The id of the first, finger-less canonical rig; decoders upgrade its data (see io/encode.ts). */
export const SKELETON_V1_ID = 'kinema-humanoid-v1';

/** Per side (0 = left, 1 = right) joint indices, so code can loop over limbs without string lookups. */
export const LEG = [
  { upper: J.leftUpperLeg, lower: J.leftLowerLeg, foot: J.leftFoot, toes: J.leftToes },
  { upper: J.rightUpperLeg, lower: J.rightLowerLeg, foot: J.rightFoot, toes: J.rightToes },
] as const;
export const ARM = [
  { shoulder: J.leftShoulder, upper: J.leftUpperArm, lower: J.leftLowerArm, hand: J.leftHand },
  { shoulder: J.rightShoulder, upper: J.rightUpperArm, lower: J.rightLowerArm, hand: J.rightHand },
] as const;

type Vec3 = [number, number, number];
type Def = [vrm: string, mixamo: string, parent: string | null, offset: Vec3, tip?: Vec3];

/** VRM finger names in skeleton order, with their Mixamo counterparts (Mixamo calls the little finger "Pinky"). */
export const FINGERS = ['Thumb', 'Index', 'Middle', 'Ring', 'Little'] as const;
const MIXAMO_FINGER: Record<(typeof FINGERS)[number], string> = { Thumb: 'Thumb', Index: 'Index', Middle: 'Middle', Ring: 'Ring', Little: 'Pinky' };
const SEGMENTS = { Thumb: ['Metacarpal', 'Proximal', 'Distal'], other: ['Proximal', 'Intermediate', 'Distal'] } as const;

/**
 * Left-hand finger geometry of a 1.75 m adult (metres, hand frame: +X along the arm, +Y up with the
 * palm facing down in the T-pose, +Z forward, so the thumb side is +Z). Knuckles fan out across a
 * ~8 cm palm and step back from middle to little finger; segment lengths follow adult hand
 * anthropometry (proximal ≈ 45 %, intermediate ≈ 28 %, distal ≈ 25 % of the finger). The thumb
 * leaves the wrist forward and outward at ~45° and slightly below the palm plane.
 * Each row: the first joint's offset from the wrist, the finger's direction, and its three segment lengths.
 */
const FINGER_GEOMETRY: Record<(typeof FINGERS)[number], { base: Vec3; dir: Vec3; lengths: Vec3 }> = {
  Thumb: { base: [0.022, -0.012, 0.02], dir: [0.68, -0.26, 0.68], lengths: [0.046, 0.032, 0.027] },
  Index: { base: [0.094, 0.002, 0.03], dir: [1, 0, 0.05], lengths: [0.042, 0.025, 0.021] },
  Middle: { base: [0.097, 0.003, 0.009], dir: [1, 0, 0], lengths: [0.046, 0.028, 0.023] },
  Ring: { base: [0.091, 0.001, -0.011], dir: [1, 0, -0.05], lengths: [0.043, 0.027, 0.022] },
  Little: { base: [0.082, -0.003, -0.029], dir: [1, 0, -0.12], lengths: [0.033, 0.021, 0.019] },
};

function fingerDefs(side: 'left' | 'right'): Def[] {
  const sx = side === 'left' ? 1 : -1;
  const Side = side === 'left' ? 'Left' : 'Right';
  const out: Def[] = [];
  for (const f of FINGERS) {
    const g = FINGER_GEOMETRY[f];
    const len = Math.hypot(...g.dir);
    const d: Vec3 = [(g.dir[0] / len) * sx, g.dir[1] / len, g.dir[2] / len];
    const segs = f === 'Thumb' ? SEGMENTS.Thumb : SEGMENTS.other;
    let parent = `${side}Hand`;
    segs.forEach((seg, k) => {
      const name = `${side}${f}${seg}`;
      // The first joint sits at the knuckle; each next one a segment length further along the finger.
      const off: Vec3 = k === 0 ? [g.base[0] * sx, g.base[1], g.base[2]] : [d[0] * g.lengths[k - 1]!, d[1] * g.lengths[k - 1]!, d[2] * g.lengths[k - 1]!];
      const def: Def = [name, `${Side}Hand${MIXAMO_FINGER[f]}${k + 1}`, parent, off];
      if (k === 2) def.push([d[0] * g.lengths[2], d[1] * g.lengths[2], d[2] * g.lengths[2]]);
      out.push(def);
      parent = name;
    });
  }
  return out;
}

// Proportions of a 1.75 m adult; leg segments 0.42 / 0.41 m, arm 0.27 / 0.25 m, hips at 0.97 m.
const DEFS: Def[] = [
  ['hips', 'Hips', null, [0, 0.97, 0]],
  ['spine', 'Spine', 'hips', [0, 0.1, 0]],
  ['chest', 'Spine1', 'spine', [0, 0.12, 0]],
  ['upperChest', 'Spine2', 'chest', [0, 0.12, 0]],
  ['neck', 'Neck', 'upperChest', [0, 0.14, 0]],
  ['head', 'Head', 'neck', [0, 0.1, 0], [0, 0.2, 0]],
  ['leftShoulder', 'LeftShoulder', 'upperChest', [0.035, 0.1, 0]],
  ['leftUpperArm', 'LeftArm', 'leftShoulder', [0.13, 0, 0]],
  ['leftLowerArm', 'LeftForeArm', 'leftUpperArm', [0.27, 0, 0]],
  ['leftHand', 'LeftHand', 'leftLowerArm', [0.25, 0, 0]],
  ['rightShoulder', 'RightShoulder', 'upperChest', [-0.035, 0.1, 0]],
  ['rightUpperArm', 'RightArm', 'rightShoulder', [-0.13, 0, 0]],
  ['rightLowerArm', 'RightForeArm', 'rightUpperArm', [-0.27, 0, 0]],
  ['rightHand', 'RightHand', 'rightLowerArm', [-0.25, 0, 0]],
  ['leftUpperLeg', 'LeftUpLeg', 'hips', [0.09, -0.06, 0]],
  ['leftLowerLeg', 'LeftLeg', 'leftUpperLeg', [0, -0.42, 0]],
  ['leftFoot', 'LeftFoot', 'leftLowerLeg', [0, -0.41, 0]],
  ['leftToes', 'LeftToeBase', 'leftFoot', [0, -0.06, 0.13], [0, 0, 0.07]],
  ['rightUpperLeg', 'RightUpLeg', 'hips', [-0.09, -0.06, 0]],
  ['rightLowerLeg', 'RightLeg', 'rightUpperLeg', [0, -0.42, 0]],
  ['rightFoot', 'RightFoot', 'rightLowerLeg', [0, -0.41, 0]],
  ['rightToes', 'RightToeBase', 'rightFoot', [0, -0.06, 0.13], [0, 0, 0.07]],
  ...fingerDefs('left'),
  ...fingerDefs('right'),
];

function build(): Skeleton {
  const names = DEFS.map((d) => d[0]);
  const parents = new Int8Array(DEFS.length);
  const offsets = new Float32Array(DEFS.length * 3);
  const tips = new Float32Array(DEFS.length * 3);
  const mirror = new Int8Array(DEFS.length);
  DEFS.forEach(([name, , parent, off, tip], i) => {
    parents[i] = parent === null ? -1 : names.indexOf(parent);
    offsets.set(off, i * 3);
    if (tip) tips.set(tip, i * 3);
    const other = name.startsWith('left') ? 'right' + name.slice(4) : name.startsWith('right') ? 'left' + name.slice(5) : name;
    mirror[i] = names.indexOf(other);
  });
  if (names.length !== JOINT_COUNT) throw new Error('skeleton table and JOINT_COUNT disagree');
  for (const [k, v] of Object.entries(J)) if (names[v] !== k) throw new Error(`skeleton table and J disagree at ${k}`);
  return { id: 'kinema-humanoid-v2', names, exportNames: DEFS.map((d) => d[1]), parents, offsets, tips, mirror };
}

export const CANONICAL: Skeleton = build();

/** Rest-pose world positions (frames are not needed: rest rotations are identity, so offsets just add up). */
export function restWorldPositions(sk: Skeleton = CANONICAL): Float32Array {
  const n = sk.parents.length;
  const out = new Float32Array(n * 3);
  for (let j = 0; j < n; j++) {
    const p = sk.parents[j]!;
    for (let k = 0; k < 3; k++) out[j * 3 + k] = sk.offsets[j * 3 + k]! + (p >= 0 ? out[p * 3 + k]! : 0);
  }
  return out;
}

/** Lengths used by IK and reach tests, derived from the table so they can never disagree with it. */
export const THIGH_LEN = Math.abs(CANONICAL.offsets[J.leftLowerLeg * 3 + 1]!);
export const SHIN_LEN = Math.abs(CANONICAL.offsets[J.leftFoot * 3 + 1]!);
/** Ankle height above the floor with the foot flat (the sole is this far below the ankle joint). */
export const ANKLE_HEIGHT = 0.08;
/** Heel and toe-tip sole points in the foot / toe joint frames, used for ground contact and penetration. */
export const HEEL_POINT = [0, -0.08, -0.05] as const;
export const TOE_TIP_POINT = [0, -0.02, 0.07] as const;
/** Hips height standing relaxed: knees 2 cm short of straight so IK has room and legs never snap. */
export const STAND_HIPS_Y = 0.955;
