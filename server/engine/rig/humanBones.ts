/**
 * The canonical humanoid's joint names (VRM 1.0 humanoid, as in the engine's skeleton) and the sets the
 * bone mappers need. A leaf of the rig kernel so both mappers (humanoidMap.ts, fuzzyBoneMap.ts) can name
 * bones without importing each other.
 */
import { FINGER_BONES, type FingerBone } from './fingerBones.ts';

/** Canonical joint names (VRM 1.0 humanoid), as in the engine's skeleton. */
export type HumanBone =
  | 'hips'
  | 'spine'
  | 'chest'
  | 'upperChest'
  | 'neck'
  | 'head'
  | 'leftShoulder'
  | 'leftUpperArm'
  | 'leftLowerArm'
  | 'leftHand'
  | 'rightShoulder'
  | 'rightUpperArm'
  | 'rightLowerArm'
  | 'rightHand'
  | 'leftUpperLeg'
  | 'leftLowerLeg'
  | 'leftFoot'
  | 'leftToes'
  | 'rightUpperLeg'
  | 'rightLowerLeg'
  | 'rightFoot'
  | 'rightToes'
  | FingerBone;

export const REQUIRED_BONES: readonly HumanBone[] = [
  'hips',
  'spine',
  'head',
  'leftUpperArm',
  'leftLowerArm',
  'leftHand',
  'rightUpperArm',
  'rightLowerArm',
  'rightHand',
  'leftUpperLeg',
  'leftLowerLeg',
  'leftFoot',
  'rightUpperLeg',
  'rightLowerLeg',
  'rightFoot',
];

/** The body bones (the canonical rig's first 22 joints). */
export const BODY_HUMAN_BONES: readonly HumanBone[] = [
  'hips',
  'spine',
  'chest',
  'upperChest',
  'neck',
  'head',
  'leftShoulder',
  'leftUpperArm',
  'leftLowerArm',
  'leftHand',
  'rightShoulder',
  'rightUpperArm',
  'rightLowerArm',
  'rightHand',
  'leftUpperLeg',
  'leftLowerLeg',
  'leftFoot',
  'leftToes',
  'rightUpperLeg',
  'rightLowerLeg',
  'rightFoot',
  'rightToes',
];
/** Body then finger bones, in the canonical rig's order. */
const ALL_HUMAN_BONES: readonly HumanBone[] = [...BODY_HUMAN_BONES, ...FINGER_BONES];

export function isHumanBone(s: string): s is HumanBone {
  return (ALL_HUMAN_BONES as readonly string[]).includes(s);
}
