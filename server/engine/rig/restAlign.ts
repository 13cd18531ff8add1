/**
 * Rest-pose alignment, the mathematics both retargeters share: the server's (a canonical engine motion onto
 * an uploaded character, server/providers/local/retargetPlan.ts) and the viewport's preview (any humanoid clip
 * onto another character, src/viewport/rig/retargetClip.ts). Each keeps only its I/O: where rest poses come
 * from and where the rotations go.
 *
 * Two rigs may rest differently (T vs A pose, Z-up armatures, other bone rolls), so each mapped bone gets an
 * alignment A that turns the character's rest direction (towards its direction child) onto the reference
 * rig's. Per frame the reference bone's change from its rest, D, is applied on top: W(t) = D · A · W_rest
 * (transferRotation). Hands and fingers also take their twist from the palm (the line across the knuckles),
 * so a fist curls toward the character's own palm whatever way its hands rest.
 *
 * It uses three.js's math classes (pure: no DOM, no WebGL) because both retargeters hold their rest poses as
 * three Quaternion/Vector3 already, and the same arithmetic on both sides is what keeps preview and export
 * in agreement.
 */
import { Matrix4, Quaternion, Vector3 } from 'three';
import { FINGER_NAMES, FINGER_SEGMENTS, type FingerBone } from './fingerBones.ts';
import type { HumanBone } from './humanBones.ts';

type Side = 'left' | 'right';
const SIDES = ['left', 'right'] as const;

/** Finger bone → the next bone along its finger (its direction child), and → the bone it hangs from. */
const fingerNext: Partial<Record<HumanBone, HumanBone[]>> = {};
const fingerParent: Partial<Record<HumanBone, HumanBone>> = {};
for (const side of SIDES)
  for (const f of FINGER_NAMES) {
    const segs = FINGER_SEGMENTS[f].map((s) => `${side}${f}${s}` as FingerBone);
    segs.forEach((b, k) => {
      if (k + 1 < segs.length) fingerNext[b] = [segs[k + 1]!];
      fingerParent[b] = k === 0 ? `${side}Hand` : segs[k - 1]!;
    });
  }

/** Which mapped bone gives a limb or finger bone its direction, nearest first. */
export const LIMB_DIRECTIONS: Partial<Record<HumanBone, readonly HumanBone[]>> = {
  leftShoulder: ['leftUpperArm'],
  leftUpperArm: ['leftLowerArm'],
  leftLowerArm: ['leftHand'],
  rightShoulder: ['rightUpperArm'],
  rightUpperArm: ['rightLowerArm'],
  rightLowerArm: ['rightHand'],
  leftUpperLeg: ['leftLowerLeg'],
  leftLowerLeg: ['leftFoot'],
  leftFoot: ['leftToes'],
  rightUpperLeg: ['rightLowerLeg'],
  rightLowerLeg: ['rightFoot'],
  rightFoot: ['rightToes'],
  ...fingerNext,
};

/** Each humanoid bone's parent on the canonical rig. */
export const HUMAN_PARENT: Partial<Record<HumanBone, HumanBone>> = {
  spine: 'hips',
  chest: 'spine',
  upperChest: 'chest',
  neck: 'upperChest',
  head: 'neck',
  leftShoulder: 'upperChest',
  leftUpperArm: 'leftShoulder',
  leftLowerArm: 'leftUpperArm',
  leftHand: 'leftLowerArm',
  rightShoulder: 'upperChest',
  rightUpperArm: 'rightShoulder',
  rightLowerArm: 'rightUpperArm',
  rightHand: 'rightLowerArm',
  leftUpperLeg: 'hips',
  leftLowerLeg: 'leftUpperLeg',
  leftFoot: 'leftLowerLeg',
  leftToes: 'leftFoot',
  rightUpperLeg: 'hips',
  rightLowerLeg: 'rightUpperLeg',
  rightFoot: 'rightLowerLeg',
  rightToes: 'rightFoot',
  ...fingerParent,
};

/** First bone of each finger, index to little then thumb: the knuckles that set a palm's direction and width. */
function knuckles(side: Side): FingerBone[] {
  return (['Index', 'Middle', 'Ring', 'Little', 'Thumb'] as const).map((f) => `${side}${f}${FINGER_SEGMENTS[f][0]}` as FingerBone);
}

/** Rest positions of the character's mapped bones and of the reference rig's (the source clip's, or the canonical T-pose). */
export interface RestPositions {
  /** Whether both rigs have this bone. */
  has(b: HumanBone): boolean;
  /** The character's rest world position of a bone. */
  character(b: HumanBone): Vector3;
  /** The reference rig's rest world position of a bone. */
  reference(b: HumanBone): Vector3;
}

interface Palm {
  fingers: Vector3;
  refFingers: Vector3;
  across: Vector3;
  refAcross: Vector3;
}

/**
 * Across each palm on both rigs (little-finger side knuckle → index side, or thumb → the one finger a
 * mitten-like hand has), and the mean finger knuckle: the twist reference of hands and fingers.
 */
function palmOf(side: Side, rest: RestPositions): Palm | null {
  const ks = knuckles(side).filter((b) => rest.has(b));
  const fingers = ks.filter((b) => !b.includes('Thumb'));
  if (ks.length < 2 || fingers.length === 0) return null;
  const [a, b] = fingers.length >= 2 ? [fingers[0]!, fingers[fingers.length - 1]!] : [ks[0]!, ks[ks.length - 1]!];
  const mean = (at: (b: HumanBone) => Vector3) => fingers.reduce((s, f) => s.add(at(f)), new Vector3()).multiplyScalar(1 / fingers.length);
  return {
    fingers: mean(rest.character),
    refFingers: mean(rest.reference),
    across: rest.character(a).clone().sub(rest.character(b)),
    refAcross: rest.reference(a).clone().sub(rest.reference(b)),
  };
}

/**
 * The alignment of every bone in `bones` (parents first). A bone both rigs have turns its rest direction
 * (towards its first direction child both rigs have) onto the reference's, hands and fingers twisted so their
 * palm lies like the reference's; a bone without a usable direction inherits its nearest aligned ancestor's
 * (`parentOf`), or identity.
 */
export function restAlignments(
  bones: readonly HumanBone[],
  directions: Partial<Record<HumanBone, readonly HumanBone[]>>,
  parentOf: (b: HumanBone) => HumanBone | undefined,
  rest: RestPositions,
): Map<HumanBone, Quaternion> {
  const palms = SIDES.map((side) => palmOf(side, rest));
  const out = new Map<HumanBone, Quaternion>();
  for (const bone of bones) {
    let a = rest.has(bone) ? boneAlignment(bone, directions, rest, palms[bone.startsWith('left') ? 0 : 1] ?? null) : null;
    if (!a) {
      let p = parentOf(bone);
      let inherited = p !== undefined ? out.get(p) : undefined;
      while (p !== undefined && !inherited) {
        p = parentOf(p);
        inherited = p !== undefined ? out.get(p) : undefined;
      }
      a = inherited ? inherited.clone() : new Quaternion();
    }
    out.set(bone, a);
  }
  return out;
}

function boneAlignment(bone: HumanBone, directions: Partial<Record<HumanBone, readonly HumanBone[]>>, rest: RestPositions, palm: Palm | null): Quaternion | null {
  const c = rest.character(bone),
    r = rest.reference(bone);
  // The hand points at its knuckles, twisted so its palm lies like the reference one.
  if (palm && bone.endsWith('Hand')) return alignPair(palm.fingers.clone().sub(c), palm.across, palm.refFingers.clone().sub(r), palm.refAcross);
  const child = (directions[bone] ?? []).find((d) => rest.has(d));
  if (!child) return null;
  const dc = rest.character(child).clone().sub(c);
  const dr = rest.reference(child).clone().sub(r);
  // A zero-length bone gives no direction: it inherits its parent's alignment.
  if (dc.lengthSq() < 1e-12 || dr.lengthSq() < 1e-12) return null;
  const isFinger = fingerParent[bone] !== undefined;
  return (isFinger && palm ? alignPair(dc, palm.across, dr, palm.refAcross) : null) ?? new Quaternion().setFromUnitVectors(dc.normalize(), dr.normalize());
}

/**
 * The rotation transfer: a character bone's world rotation `out` = D · A · W_rest, where D is the reference
 * bone's turn from its rest (`refNow` · `refRestInv`; for the canonical T-pose the rest is identity and D is
 * `refNow` itself), A the bone's alignment and W_rest the character bone's rest world rotation.
 */
export function transferRotation(out: Quaternion, refNow: Quaternion, refRestInv: Quaternion | null, align: Quaternion, restWorld: Quaternion): Quaternion {
  out.copy(refNow);
  if (refRestInv) out.multiply(refRestInv);
  return out.multiply(align).multiply(restWorld);
}

/**
 * Both legs' length (upper leg → lower leg → foot, summed over the segments a rig has), from rest positions:
 * hips travel is scaled by its ratio between two rigs so a shorter character takes shorter steps instead of sliding.
 */
export function legsLength(pos: (b: HumanBone) => Vector3 | undefined): number {
  let sum = 0;
  for (const side of SIDES) {
    const chain = [pos(`${side}UpperLeg`), pos(`${side}LowerLeg`), pos(`${side}Foot`)];
    for (let i = 1; i < chain.length; i++) {
      const a = chain[i - 1],
        b = chain[i];
      if (a && b) sum += a.distanceTo(b);
    }
  }
  return sum;
}

/**
 * The rotation taking a (primary, secondary) pair of directions onto another: the primary exactly, the
 * secondary as nearly as the primary allows. Both retargeters align hands and fingers with it: a bone's
 * direction alone leaves its twist open, and a finger curls about its palm's own axis, so the twist is
 * taken from the line across the knuckles. Null when a pair is degenerate (parallel directions).
 */
function alignPair(pt: Vector3, st: Vector3, pc: Vector3, sc: Vector3): Quaternion | null {
  const frame = (p: Vector3, s: Vector3): Matrix4 | null => {
    const x = p.clone().normalize();
    const z = new Vector3().crossVectors(x, s);
    if (z.lengthSq() < 1e-12) return null;
    z.normalize();
    return new Matrix4().makeBasis(x, new Vector3().crossVectors(z, x), z);
  };
  const t = frame(pt, st),
    c = frame(pc, sc);
  return t && c ? new Quaternion().setFromRotationMatrix(c.multiply(t.transpose())) : null;
}
