/**
 * Finds the humanoid bones of a skeleton from its bone names, across the naming schemes animators actually
 * meet: Mixamo (mixamorig:LeftUpLeg), the engine (LeftUpLeg), Unreal (thigh_l, calf_l), CMU BVH (LHipJoint,
 * LeftLeg, LowerBack), CMU/Poser FBX (lThigh, lShin, lShldr, abdomen), VRM (leftUpperLeg), Blender (thigh.L).
 * Pure (no three.js): it works on a plain list of {name, parent} so it is testable with real files' names.
 * Finger bones are found under each hand with the same rules as the server (server/contract/fingerBones.ts).
 */
import { FINGER_BONES, mapFingers, type FingerBone } from '../../../server/engine/rig/fingerBones.ts';

const BODY_ROLES = [
  'hips', 'spine', 'chest', 'upperChest', 'neck', 'head',
  'leftShoulder', 'leftUpperArm', 'leftLowerArm', 'leftHand',
  'rightShoulder', 'rightUpperArm', 'rightLowerArm', 'rightHand',
  'leftUpperLeg', 'leftLowerLeg', 'leftFoot', 'leftToes',
  'rightUpperLeg', 'rightLowerLeg', 'rightFoot', 'rightToes',
] as const;
export const HUMAN_ROLES: readonly HumanRole[] = [...BODY_ROLES, ...FINGER_BONES];
export type HumanRole = (typeof BODY_ROLES)[number] | FingerBone;

export interface BoneInfo {
  name: string;
  /** Index of the parent bone in the same list, -1 for a root. */
  parent: number;
}

type Side = 'left' | 'right' | null;
type Limb = 'Shoulder' | 'UpperArm' | 'LowerArm' | 'Hand' | 'UpperLeg' | 'LowerLeg' | 'Foot' | 'Toes';

const FINGER = /thumb|index|middle|ring|pinky|little|finger|carpal|metacarpal/;

/** Strips rig prefixes ("mixamorig:", "Armature|", "Bip01 ", "J_Bip_L_") and returns words in lower case. */
function clean(name: string): string {
  return name
    .replace(/^.*[:|]/, '')
    .replace(/^(bip0?1|j_bip_[lcr]_|def[-_]|b_|bn_)/i, (m) => (/j_bip_([lr])_/i.test(m) ? `${m.at(-2)}_` : ''))
    .trim();
}

function sideOf(raw: string): { side: Side; rest: string } {
  const n = clean(raw);
  const lower = n.toLowerCase();
  if (/left/i.test(n)) return { side: 'left', rest: lower.replace('left', '') };
  if (/right/i.test(n)) return { side: 'right', rest: lower.replace('right', '') };
  // lThigh / LHipJoint style: a lone l/r followed by a capital letter.
  let m = /^([lLrR])(?=[A-Z])/.exec(n);
  if (m) return { side: m[1]!.toLowerCase() === 'l' ? 'left' : 'right', rest: lower.slice(1) };
  // thigh_l, thigh.L, thigh-l, thigh l, l_thigh
  m = /[_.\- ]([lLrR])$/.exec(n) ?? /^([lLrR])[_.\- ]/.exec(n);
  if (m) return { side: m[1]!.toLowerCase() === 'l' ? 'left' : 'right', rest: lower.replace(/[_.\- ][lr]$|^[lr][_.\- ]/, '') };
  return { side: null, rest: lower };
}

function limbOf(rest: string): Limb | null {
  const r = rest.replace(/[^a-z0-9]/g, '');
  if (FINGER.test(r) || /end|leaf|nub|site|twist|roll|eye|jaw|tongue|buttock/.test(r)) return null;
  if (/clavicle|collar|shoulder/.test(r)) return 'Shoulder';
  if (/forearm|lowerarm|elbow/.test(r)) return 'LowerArm';
  if (/upperarm|shldr|humerus|^arm\d*$/.test(r)) return 'UpperArm';
  if (/hand|wrist/.test(r)) return 'Hand';
  if (/upleg|upperleg|thigh|femur/.test(r)) return 'UpperLeg';
  if (/lowerleg|calf|shin|knee|^leg\d*$/.test(r)) return 'LowerLeg';
  if (/toe|ball/.test(r)) return 'Toes';
  if (/foot|ankle/.test(r)) return 'Foot';
  return null;
}

function depthOf(bones: readonly BoneInfo[], i: number): number {
  let d = 0;
  for (let p = bones[i]!.parent; p >= 0 && d < 512; p = bones[p]!.parent) d++;
  return d;
}

function isAncestor(bones: readonly BoneInfo[], a: number, b: number): boolean {
  for (let p = bones[b]!.parent; p >= 0; p = bones[p]!.parent) if (p === a) return true;
  return false;
}

/** Role → index into `bones`. Roles without a convincing bone are absent. */
export function mapHumanoid(bones: readonly BoneInfo[]): Partial<Record<HumanRole, number>> {
  const out: Partial<Record<HumanRole, number>> = {};
  const claim = (role: HumanRole, i: number) => {
    const prev = out[role];
    // Several candidates (e.g. "Hand" and "HandEnd" after filtering): the one nearest the root wins.
    if (prev === undefined || depthOf(bones, i) < depthOf(bones, prev)) out[role] = i;
  };
  bones.forEach((b, i) => {
    const { side, rest } = sideOf(b.name);
    const r = rest.replace(/[^a-z0-9]/g, '');
    if (side === null) {
      if (/^(hips?|pelvis)$/.test(r)) claim('hips', i);
      else if (/^(neck|neck0?1)$/.test(r)) claim('neck', i);
      else if (/^head$/.test(r)) claim('head', i);
      return;
    }
    const limb = limbOf(rest);
    if (limb) claim(`${side}${limb}` as HumanRole, i);
  });

  // Upper limbs named after their joints (Motion Analysis / Boxing_Toes.bvh: LeftCollar → LeftShoulder →
  // LeftElbow, LeftHip → LeftKnee): the bone a lower limb hangs from is its upper limb.
  for (const side of ['left', 'right'] as const) {
    const lowerLeg = out[`${side}LowerLeg`];
    if (out[`${side}UpperLeg`] === undefined && lowerLeg !== undefined) {
      const p = bones[lowerLeg]!.parent;
      if (p >= 0 && p !== out.hips) out[`${side}UpperLeg`] = p;
    }
    const lowerArm = out[`${side}LowerArm`];
    if (out[`${side}UpperArm`] === undefined && lowerArm !== undefined) {
      const p = bones[lowerArm]!.parent;
      if (p >= 0) {
        out[`${side}UpperArm`] = p;
        // A "shoulder" that is the upper arm itself (no collar bone above it) is not also the shoulder.
        if (out[`${side}Shoulder`] === p) delete out[`${side}Shoulder`];
      }
    }
  }

  // Root fallback: CMU-style rigs name the pelvis "Hips", others only have a root with the legs under it.
  if (out.hips === undefined && out.leftUpperLeg !== undefined) {
    let p = bones[out.leftUpperLeg]!.parent;
    while (p >= 0 && out.rightUpperLeg !== undefined && !isAncestor(bones, p, out.rightUpperLeg)) p = bones[p]!.parent;
    if (p >= 0) out.hips = p;
  }
  if (out.head === undefined && out.neck !== undefined) {
    const child = bones.findIndex((b) => b.parent === out.neck);
    if (child >= 0) out.head = child;
  }

  // Spine bones between the hips and the neck (or the shoulders' common parent), whatever they are called.
  const top = out.neck ?? (out.leftShoulder !== undefined ? bones[out.leftShoulder]!.parent : out.leftUpperArm !== undefined ? bones[out.leftUpperArm]!.parent : -1);
  if (out.hips !== undefined && top !== undefined && top >= 0) {
    const chain: number[] = [];
    let p = out.neck !== undefined ? bones[top]!.parent : top;
    while (p >= 0 && p !== out.hips) {
      chain.unshift(p);
      p = bones[p]!.parent;
    }
    if (p === out.hips && chain.length > 0) {
      out.spine = chain[0];
      if (chain.length >= 2) out.chest = chain[1];
      if (chain.length >= 3) out.upperChest = chain[chain.length - 1];
    }
  }
  const names = bones.map((b) => b.name), parents = bones.map((b) => b.parent);
  for (const side of ['left', 'right'] as const) {
    const hand = out[`${side}Hand`];
    if (hand !== undefined) for (const [role, i] of mapFingers(names, parents, hand, side)) out[role] = i;
  }
  return out;
}

/** True when the skeleton has enough of a humanoid (hips, both legs and arms) to retarget a body motion onto. */
export function isHumanoid(map: Partial<Record<HumanRole, number>>): boolean {
  const need: HumanRole[] = ['hips', 'leftUpperLeg', 'leftLowerLeg', 'rightUpperLeg', 'rightLowerLeg', 'leftUpperArm', 'rightUpperArm'];
  return need.every((r) => map[r] !== undefined);
}
