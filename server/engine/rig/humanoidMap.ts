/**
 * Finds the humanoid skeleton in any rig given as names and parent indices (GLB nodes, FBX bones loaded
 * with three, BVH joints, a three.js scene in the viewport): which bone plays the hips, the upper arms,
 * the knees… on the engine's canonical rig. Bones are read by name, which covers Mixamo
 * (`mixamorig:LeftArm`), CMU mocap (`LeftUpLeg`, `LowerBack`), Unreal/Quaternius (`upperarm_l`,
 * `thigh_r`), Blender (`upper_arm.L`) and VRoid-style prefixes; a VRM's own table, when the caller has
 * one, wins outright. The spine chain is taken from the hierarchy between the hips and the neck, so rigs
 * with one to four spine bones map alike. Names the alias tables do not know go through the fuzzy mapper
 * (fuzzyBoneMap.ts), and every mapping is checked against the hierarchy. Finger bones, when the rig has
 * them, are found under each hand (fingerBones.ts) after the body.
 *
 * The rig kernel: pure (no Node, no DOM), used by the server's retargeting and the viewport's preview.
 */
import { BoneHierarchy, type BoneTree } from './boneTree.ts';
import { checkHierarchy, fuzzyHumanoid } from './fuzzyBoneMap.ts';
import { FINGER_BONES, mapFingers } from './fingerBones.ts';
import { REQUIRED_BONES, type HumanBone } from './humanBones.ts';

export type { BoneTree } from './boneTree.ts';
export type { HumanBone } from './humanBones.ts';

/** How the bones were found: declared by a VRM extension, by known names, or partly by the fuzzy mapper. */
export type SkeletonScheme = 'vrm' | 'named' | 'fuzzy';

/** The same answer with bones as indices into a BoneTree. */
export type HumanoidIndexResult = { ok: true; scheme: SkeletonScheme; bones: Map<HumanBone, number> } | { ok: false; reason: string; missing: HumanBone[] };

type LimbRole = 'Shoulder' | 'UpperArm' | 'LowerArm' | 'Hand' | 'UpperLeg' | 'LowerLeg' | 'Foot' | 'Toes';

/** Side-less bone base names (lower-case letters and digits only) → limb role. */
const LIMB_ALIASES: Record<string, LimbRole> = {
  shoulder: 'Shoulder',
  clavicle: 'Shoulder',
  collar: 'Shoulder',
  arm: 'UpperArm',
  upperarm: 'UpperArm',
  uparm: 'UpperArm',
  humerus: 'UpperArm',
  forearm: 'LowerArm',
  lowerarm: 'LowerArm',
  elbow: 'LowerArm',
  hand: 'Hand',
  wrist: 'Hand',
  upleg: 'UpperLeg',
  upperleg: 'UpperLeg',
  thigh: 'UpperLeg',
  femur: 'UpperLeg',
  leg: 'LowerLeg',
  lowerleg: 'LowerLeg',
  calf: 'LowerLeg',
  shin: 'LowerLeg',
  knee: 'LowerLeg',
  foot: 'Foot',
  ankle: 'Foot',
  toebase: 'Toes',
  toe: 'Toes',
  toes: 'Toes',
  ball: 'Toes',
};
const HIPS_ALIASES = new Set(['hips', 'hip', 'pelvis']);
const NECK_ALIASES = new Set(['neck', 'neck1', 'neck01']);
const HEAD_ALIASES = new Set(['head']);

/** Namespace and rig prefixes that carry no anatomy ("mixamorig:", "J_Bip_", "Bip01 ", "DEF-", "CC_Base_"). */
function stripPrefixes(name: string): string {
  let n = name.includes(':') ? name.slice(name.lastIndexOf(':') + 1) : name;
  n = n.replace(/^(J_Bip_C_|J_Bip_|J_|Bip0*1[ _]?|DEF[-_]|ORG[-_]|CC_Base_|Armature[_|])/i, '');
  return n;
}

/** Splits a bone name into its side (if any) and a normalised base: "upperarm_l" → {side: 'left', base: 'upperarm'}. */
export function parseBoneName(raw: string): { side: 'left' | 'right' | null; base: string } {
  const n = stripPrefixes(raw.trim());
  const patterns: Array<[RegExp, 'left' | 'right']> = [
    [/^left[\s_.-]?/i, 'left'],
    [/^right[\s_.-]?/i, 'right'],
    [/[\s_.-]left$/i, 'left'],
    [/[\s_.-]right$/i, 'right'],
    [/[\s_.-]l$/i, 'left'],
    [/[\s_.-]r$/i, 'right'],
    [/^l[\s_.-]/i, 'left'],
    [/^r[\s_.-]/i, 'right'],
    // camelCase side words inside: "LeftUpLeg" is covered above; "upperArmLeft" here.
    [/Left$/, 'left'],
    [/Right$/, 'right'],
  ];
  for (const [re, side] of patterns) {
    if (re.test(n)) return { side, base: normalise(n.replace(re, '')) };
  }
  return { side: null, base: normalise(n) };
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function namedBones(tree: BoneTree, h: BoneHierarchy, candidates: readonly number[]): Map<HumanBone, number> {
  const found = new Map<HumanBone, number>();
  const offer = (bone: HumanBone, node: number) => {
    const current = found.get(bone);
    // The shallowest candidate wins when names repeat.
    if (current === undefined || h.depth[node]! < h.depth[current]!) found.set(bone, node);
  };
  for (const node of candidates) {
    const { side, base } = parseBoneName(tree.names[node] ?? '');
    if (side) {
      const role = LIMB_ALIASES[base];
      if (role) offer(`${side}${role}` as HumanBone, node);
    } else if (HIPS_ALIASES.has(base)) offer('hips', node);
    else if (NECK_ALIASES.has(base)) offer('neck', node);
    else if (HEAD_ALIASES.has(base)) offer('head', node);
  }
  // "Leg" alone is the lower leg in Mixamo/CMU, but a rig may call its thigh "leg" when it has no "upleg":
  // only keep a lower leg that sits below the upper leg.
  for (const side of ['left', 'right'] as const) {
    const upper = found.get(`${side}UpperLeg`);
    const lower = found.get(`${side}LowerLeg`);
    if (upper !== undefined && lower !== undefined && !h.isAncestor(upper, lower)) found.delete(`${side}LowerLeg`);
  }
  return found;
}

/** Fills spine/chest/upperChest from the bones strictly between the hips and the neck (or head). */
function spineChain(h: BoneHierarchy, found: Map<HumanBone, number>): void {
  const hips = found.get('hips');
  const top = found.get('neck') ?? found.get('head');
  if (hips === undefined || top === undefined || !h.isAncestor(hips, top)) return;
  const chain: number[] = [];
  for (let p = h.parent(top); p >= 0 && p !== hips; p = h.parent(p)) chain.unshift(p);
  if (chain.length === 0) return;
  found.set('spine', chain[0]!);
  if (chain.length === 2) found.set('chest', chain[1]!);
  if (chain.length >= 3) {
    found.set('chest', chain[Math.floor((chain.length - 1) / 2)]!);
    found.set('upperChest', chain[chain.length - 1]!);
  }
}

/**
 * Maps a skeleton onto the canonical humanoid: `declared` (a VRM's own table) wins outright; otherwise
 * known names, then the fuzzy mapper for what they leave, then hierarchy checks. `candidates` are the
 * bones that may play a part (a skin's joints), so meshes and helpers elsewhere are never picked.
 */
export function mapHumanoid(tree: BoneTree, candidates: readonly number[], declared: Map<HumanBone, number> | null = null): HumanoidIndexResult {
  const { scheme, bones } = mapHumanoidBones(tree, candidates, declared);
  const missing = REQUIRED_BONES.filter((b) => !bones.has(b));
  if (missing.length > 0) {
    return { ok: false, reason: `no humanoid skeleton recognised: missing ${missing.join(', ')}`, missing };
  }
  return { ok: true, scheme, bones };
}

/**
 * The same mapping without the verdict: every bone found, even when the skeleton lacks some required
 * ones (the viewport previews any clip and only retargets the roles both rigs have).
 */
export function mapHumanoidBones(
  tree: BoneTree,
  candidates: readonly number[],
  declared: Map<HumanBone, number> | null = null,
): { scheme: SkeletonScheme; bones: Map<HumanBone, number> } {
  const h = new BoneHierarchy(tree);
  let bones: Map<HumanBone, number>;
  let scheme: SkeletonScheme;
  if (declared) {
    bones = new Map(declared);
    scheme = 'vrm';
  } else {
    const named = namedBones(tree, h, candidates);
    bones = fuzzyHumanoid(tree, candidates, named);
    scheme = [...bones.keys()].some((b) => !named.has(b)) ? 'fuzzy' : 'named';
    checkHierarchy(tree, bones);
    // The spine bones come from the hierarchy once hips and neck are known (not from names, which vary most).
    for (const b of ['spine', 'chest', 'upperChest'] as const) bones.delete(b);
    spineChain(h, bones);
  }
  addFingers(tree, candidates, bones);
  return { scheme, bones };
}

/** Finger bones under each hand, by name, for a hand whose fingers were not declared (a VRM declares its own). */
function addFingers(tree: BoneTree, candidates: readonly number[], bones: Map<HumanBone, number>): void {
  const allowed = new Set(candidates);
  const used = new Set(bones.values());
  for (const side of ['left', 'right'] as const) {
    const hand = bones.get(`${side}Hand`);
    if (hand === undefined || FINGER_BONES.some((b) => b.startsWith(side) && bones.has(b))) continue;
    for (const [b, i] of mapFingers(tree.names, tree.parents, hand, side, (i) => allowed.has(i) && !used.has(i))) bones.set(b, i);
  }
}

/** True when a mapping has enough of a humanoid (hips, both legs and arms) to retarget a body motion onto. */
export function canDriveBody(has: (b: HumanBone) => boolean): boolean {
  const need: HumanBone[] = ['hips', 'leftUpperLeg', 'leftLowerLeg', 'rightUpperLeg', 'rightLowerLeg', 'leftUpperArm', 'rightUpperArm'];
  return need.every(has);
}
