/**
 * Finds the humanoid skeleton in a rigged GLB/VRM: which node plays the hips, the upper arms, the
 * knees… on the engine's canonical rig. VRM files declare the mapping (VRMC_vrm / VRM 0.x
 * humanBones); other files are read by bone name, which covers Mixamo (`mixamorig:LeftArm`), CMU
 * mocap (`LeftUpLeg`, `LowerBack`), Unreal/Quaternius (`upperarm_l`, `thigh_r`), Blender
 * (`upper_arm.L`) and VRoid-style prefixes. The spine chain is taken from the hierarchy between the
 * hips and the neck, so rigs with one to four spine bones map alike.
 */
import type { Document, Node } from '@gltf-transform/core';
import type { GltfJson } from './sniffModel.ts';

/** Canonical joint names (VRM 1.0 humanoid), as in the engine's skeleton. */
export type HumanBone =
  | 'hips' | 'spine' | 'chest' | 'upperChest' | 'neck' | 'head'
  | 'leftShoulder' | 'leftUpperArm' | 'leftLowerArm' | 'leftHand'
  | 'rightShoulder' | 'rightUpperArm' | 'rightLowerArm' | 'rightHand'
  | 'leftUpperLeg' | 'leftLowerLeg' | 'leftFoot' | 'leftToes'
  | 'rightUpperLeg' | 'rightLowerLeg' | 'rightFoot' | 'rightToes';

export const REQUIRED_BONES: readonly HumanBone[] = [
  'hips', 'spine', 'head',
  'leftUpperArm', 'leftLowerArm', 'leftHand', 'rightUpperArm', 'rightLowerArm', 'rightHand',
  'leftUpperLeg', 'leftLowerLeg', 'leftFoot', 'rightUpperLeg', 'rightLowerLeg', 'rightFoot',
];

export type SkeletonScheme = 'vrm' | 'named';

export type HumanoidResult =
  | { ok: true; scheme: SkeletonScheme; bones: Map<HumanBone, Node> }
  | { ok: false; reason: string; missing: HumanBone[] };

type LimbRole = 'Shoulder' | 'UpperArm' | 'LowerArm' | 'Hand' | 'UpperLeg' | 'LowerLeg' | 'Foot' | 'Toes';

/** Side-less bone base names (lower-case letters and digits only) → limb role. */
const LIMB_ALIASES: Record<string, LimbRole> = {
  shoulder: 'Shoulder', clavicle: 'Shoulder', collar: 'Shoulder',
  arm: 'UpperArm', upperarm: 'UpperArm', uparm: 'UpperArm', humerus: 'UpperArm',
  forearm: 'LowerArm', lowerarm: 'LowerArm', elbow: 'LowerArm',
  hand: 'Hand', wrist: 'Hand',
  upleg: 'UpperLeg', upperleg: 'UpperLeg', thigh: 'UpperLeg', femur: 'UpperLeg',
  leg: 'LowerLeg', lowerleg: 'LowerLeg', calf: 'LowerLeg', shin: 'LowerLeg', knee: 'LowerLeg',
  foot: 'Foot', ankle: 'Foot',
  toebase: 'Toes', toe: 'Toes', toes: 'Toes', ball: 'Toes',
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
    [/^left[\s_.-]?/i, 'left'], [/^right[\s_.-]?/i, 'right'],
    [/[\s_.-]left$/i, 'left'], [/[\s_.-]right$/i, 'right'],
    [/[\s_.-]l$/i, 'left'], [/[\s_.-]r$/i, 'right'],
    [/^l[\s_.-]/i, 'left'], [/^r[\s_.-]/i, 'right'],
    // camelCase side words inside: "LeftUpLeg" is covered above; "upperArmLeft" here.
    [/Left$/, 'left'], [/Right$/, 'right'],
  ];
  for (const [re, side] of patterns) {
    if (re.test(n)) return { side, base: normalise(n.replace(re, '')) };
  }
  return { side: null, base: normalise(n) };
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Depth of a node below its scene root, so the shallowest candidate wins when names repeat. */
function depthOf(node: Node): number {
  let d = 0;
  for (let p = node.getParentNode(); p; p = p.getParentNode()) d++;
  return d;
}

function isAncestor(a: Node, b: Node): boolean {
  for (let p = b.getParentNode(); p; p = p.getParentNode()) if (p === a) return true;
  return false;
}

/** Bones named by a VRM extension, or null when the file is not a VRM. */
function vrmBones(doc: Document, json: GltfJson | null): Map<HumanBone, Node> | null {
  const ext = json?.extensions;
  if (!ext) return null;
  const nodes = doc.getRoot().listNodes();
  const out = new Map<HumanBone, Node>();
  const put = (bone: string, index: unknown) => {
    const node = typeof index === 'number' ? nodes[index] : undefined;
    if (node && isHumanBone(bone)) out.set(bone, node);
  };
  const v1 = ext.VRMC_vrm as { humanoid?: { humanBones?: Record<string, { node?: number }> } } | undefined;
  const v0 = ext.VRM as { humanoid?: { humanBones?: Array<{ bone?: string; node?: number }> } } | undefined;
  if (v1?.humanoid?.humanBones) {
    for (const [bone, ref] of Object.entries(v1.humanoid.humanBones)) put(bone, ref?.node);
  } else if (Array.isArray(v0?.humanoid?.humanBones)) {
    for (const b of v0.humanoid.humanBones) put(b.bone ?? '', b.node);
  } else {
    return null;
  }
  return out;
}

const ALL_BONES: readonly HumanBone[] = [
  'hips', 'spine', 'chest', 'upperChest', 'neck', 'head',
  'leftShoulder', 'leftUpperArm', 'leftLowerArm', 'leftHand', 'rightShoulder', 'rightUpperArm', 'rightLowerArm', 'rightHand',
  'leftUpperLeg', 'leftLowerLeg', 'leftFoot', 'leftToes', 'rightUpperLeg', 'rightLowerLeg', 'rightFoot', 'rightToes',
];

function isHumanBone(s: string): s is HumanBone {
  return (ALL_BONES as readonly string[]).includes(s);
}

function namedBones(candidates: Node[]): Map<HumanBone, Node> {
  const found = new Map<HumanBone, Node>();
  const offer = (bone: HumanBone, node: Node) => {
    const current = found.get(bone);
    if (!current || depthOf(node) < depthOf(current)) found.set(bone, node);
  };
  for (const node of candidates) {
    const { side, base } = parseBoneName(node.getName());
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
    if (upper && lower && !isAncestor(upper, lower)) found.delete(`${side}LowerLeg`);
  }
  spineChain(found);
  return found;
}

/** Fills spine/chest/upperChest from the bones strictly between the hips and the neck (or head). */
function spineChain(found: Map<HumanBone, Node>): void {
  const hips = found.get('hips');
  const top = found.get('neck') ?? found.get('head');
  if (!hips || !top || !isAncestor(hips, top)) return;
  const chain: Node[] = [];
  for (let p = top.getParentNode(); p && p !== hips; p = p.getParentNode()) chain.unshift(p);
  if (chain.length === 0) return;
  found.set('spine', chain[0]!);
  if (chain.length === 2) found.set('chest', chain[1]!);
  if (chain.length >= 3) {
    found.set('chest', chain[Math.floor((chain.length - 1) / 2)]!);
    found.set('upperChest', chain[chain.length - 1]!);
  }
}

/** Maps a rigged model's skeleton onto the canonical humanoid, or says which bones are missing. */
export function findHumanoid(doc: Document, json: GltfJson | null): HumanoidResult {
  const skins = doc.getRoot().listSkins();
  if (skins.length === 0) {
    return { ok: false, reason: 'the model has no skeleton (no skin): it is a plain mesh', missing: [...REQUIRED_BONES] };
  }
  const vrm = vrmBones(doc, json);
  const joints = [...new Set(skins.flatMap((s) => s.listJoints()))];
  const bones = vrm ?? namedBones(joints);
  const missing = REQUIRED_BONES.filter((b) => !bones.has(b));
  if (missing.length > 0) {
    return { ok: false, reason: `no humanoid skeleton recognised: missing ${missing.join(', ')}`, missing };
  }
  return { ok: true, scheme: vrm ? 'vrm' : 'named', bones };
}
