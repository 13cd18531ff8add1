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
  /** Offset of a bone's far end for leaf joints (head top, finger tips, toe tips); zero elsewhere. */
  readonly tips: Float32Array;
  /** Index of the mirrored joint (left ↔ right); the joint itself on the centre line. */
  readonly mirror: Int8Array;
}

export const J = {
  hips: 0, spine: 1, chest: 2, upperChest: 3, neck: 4, head: 5,
  leftShoulder: 6, leftUpperArm: 7, leftLowerArm: 8, leftHand: 9,
  rightShoulder: 10, rightUpperArm: 11, rightLowerArm: 12, rightHand: 13,
  leftUpperLeg: 14, leftLowerLeg: 15, leftFoot: 16, leftToes: 17,
  rightUpperLeg: 18, rightLowerLeg: 19, rightFoot: 20, rightToes: 21,
} as const;
export const JOINT_COUNT = 22;

/** Per side (0 = left, 1 = right) joint indices, so code can loop over limbs without string lookups. */
export const LEG = [
  { upper: J.leftUpperLeg, lower: J.leftLowerLeg, foot: J.leftFoot, toes: J.leftToes },
  { upper: J.rightUpperLeg, lower: J.rightLowerLeg, foot: J.rightFoot, toes: J.rightToes },
] as const;
export const ARM = [
  { shoulder: J.leftShoulder, upper: J.leftUpperArm, lower: J.leftLowerArm, hand: J.leftHand },
  { shoulder: J.rightShoulder, upper: J.rightUpperArm, lower: J.rightLowerArm, hand: J.rightHand },
] as const;

type Def = [vrm: string, mixamo: string, parent: string | null, offset: [number, number, number], tip?: [number, number, number]];

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
  ['leftHand', 'LeftHand', 'leftLowerArm', [0.25, 0, 0], [0.18, 0, 0]],
  ['rightShoulder', 'RightShoulder', 'upperChest', [-0.035, 0.1, 0]],
  ['rightUpperArm', 'RightArm', 'rightShoulder', [-0.13, 0, 0]],
  ['rightLowerArm', 'RightForeArm', 'rightUpperArm', [-0.27, 0, 0]],
  ['rightHand', 'RightHand', 'rightLowerArm', [-0.25, 0, 0], [-0.18, 0, 0]],
  ['leftUpperLeg', 'LeftUpLeg', 'hips', [0.09, -0.06, 0]],
  ['leftLowerLeg', 'LeftLeg', 'leftUpperLeg', [0, -0.42, 0]],
  ['leftFoot', 'LeftFoot', 'leftLowerLeg', [0, -0.41, 0]],
  ['leftToes', 'LeftToeBase', 'leftFoot', [0, -0.06, 0.13], [0, 0, 0.07]],
  ['rightUpperLeg', 'RightUpLeg', 'hips', [-0.09, -0.06, 0]],
  ['rightLowerLeg', 'RightLeg', 'rightUpperLeg', [0, -0.42, 0]],
  ['rightFoot', 'RightFoot', 'rightLowerLeg', [0, -0.41, 0]],
  ['rightToes', 'RightToeBase', 'rightFoot', [0, -0.06, 0.13], [0, 0, 0.07]],
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
  return { id: 'kinema-humanoid-v1', names, exportNames: DEFS.map((d) => d[1]), parents, offsets, tips, mirror };
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
