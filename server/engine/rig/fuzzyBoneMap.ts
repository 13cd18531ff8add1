/**
 * The fallback bone mapper for rigs whose names the alias tables in humanoidMap.ts do not know
 * (DAZ `lThigh`/`rShldr`, Rigify `DEF-upper_arm.L.001`, custom `upperArmLeft`, numbered helpers).
 * Names are split into lower-case tokens (camelCase, digits, `_ . - : |` and spaces), the side comes
 * from a left/right/l/r token, and the role from what remains. Tokens alone are not trusted: each
 * limb is assembled along the hierarchy (a lower arm must be an ancestor of its hand, an upper arm of
 * its lower arm…), the shallowest candidate wins (so `thigh.L`, not its `.001` half), and a limb
 * bone nobody named is taken from its neighbour in the chain (a hand's parent is the lower arm).
 * It only fills bones the strict mapper left empty.
 */
import { BoneHierarchy, type BoneTree } from './boneTree.ts';
import type { HumanBone } from './humanBones.ts';

type Side = 'left' | 'right';
type LimbRole = 'Shoulder' | 'UpperArm' | 'LowerArm' | 'Hand' | 'UpperLeg' | 'LowerLeg' | 'Foot' | 'Toes';
/** `helper`: a name that says it is not anatomy (twist, IK, finger…); `unknown`: nothing recognisable. */
type Role = LimbRole | 'hips' | 'spine' | 'neck' | 'head' | 'leg' | 'arm' | 'helper' | 'unknown';

/** Splits a bone name into lower-case word tokens: "mixamorig:LeftForeArm" → [mixamorig, left, fore, arm]. */
export function tokenizeBoneName(raw: string): string[] {
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const LEFT = new Set(['left', 'l', 'lft', 'lf']);
const RIGHT = new Set(['right', 'r', 'rt', 'rgt']);
/** Words that name a helper, not an anatomical bone: never map these. */
const HELPER =
  /^(twist|roll|ik|fk|pole|target|ctrl|control|helper|end|tip|nub|leaf|null|top|socket|weapon|prop|attach|eye|eyes|jaw|tongue|teeth|brow|lid|ear|hair|breast|belly|mch|tweak|corrective|offset)$/;
const FINGER = /^(thumb|index|middle|mid|ring|pinky|pinkie|little|finger|fingers|digit|carpal|metacarpal)$/;

/** Side and role of one bone name, or null when it names nothing we map. */
export function classifyBoneName(raw: string): { side: Side | null; role: Role } {
  const afterNamespace = raw.includes(':') ? raw.slice(raw.lastIndexOf(':') + 1) : raw;
  const tokens = tokenizeBoneName(afterNamespace);
  let side: Side | null = null;
  const words: string[] = [];
  for (const t of tokens) {
    if (LEFT.has(t)) side ??= 'left';
    else if (RIGHT.has(t)) side ??= 'right';
    else if (!/^\d+$/.test(t)) words.push(t);
  }
  if (words.some((w) => HELPER.test(w) || FINGER.test(w))) return { side, role: 'helper' };
  const joined = words.join('');
  const has = (re: RegExp) => re.test(joined);
  const upper = words.some((w) => /^(up|upper|hi)$/.test(w));
  const lower = words.some((w) => /^(lo|low|lower|fore)$/.test(w));
  let role: Role = 'unknown';
  if (has(/toe|ball/)) role = 'Toes';
  else if (has(/foot|ankle/)) role = 'Foot';
  else if (has(/hand|wrist|palm/)) role = 'Hand';
  else if (has(/forearm|lowerarm|loarm|elbow|ulna|radius/) || (lower && has(/arm/))) role = 'LowerArm';
  else if (has(/upperarm|uparm|humerus|shldr/) || (upper && has(/arm/))) role = 'UpperArm';
  else if (has(/clavicle|collar|shoulder|scapula/)) role = 'Shoulder';
  else if (has(/calf|shin|knee|lowerleg|loleg|tibia/) || (lower && has(/leg/))) role = 'LowerLeg';
  else if (has(/thigh|upleg|upperleg|femur/) || (upper && has(/leg/))) role = 'UpperLeg';
  else if (has(/leg/)) role = 'leg';
  else if (has(/arm/)) role = 'arm';
  else if (has(/pelvis|hips?$/) && !side) role = 'hips';
  else if (has(/spine|chest|abdomen|torso|waist|back|belly|stomach/) && !side) role = 'spine';
  else if (has(/neck/) && !side) role = 'neck';
  else if (has(/head|skull/) && !side) role = 'head';
  return { side, role };
}

/**
 * Fills the bones `found` lacks, from `candidates` (the skin's joints) of `tree`. Returns a new map;
 * bones already in `found` are kept as they are.
 */
export function fuzzyHumanoid(tree: BoneTree, candidates: readonly number[], found: ReadonlyMap<HumanBone, number>): Map<HumanBone, number> {
  const t = new BoneHierarchy(tree);
  const out = new Map(found);
  const used = new Set(out.values());
  const info = new Map(candidates.map((i) => [i, classifyBoneName(tree.names[i]!)]));
  const pool = (side: Side | null, ...roles: Role[]) => candidates.filter((i) => !used.has(i) && info.get(i)!.side === side && roles.includes(info.get(i)!.role));
  const put = (bone: HumanBone, node: number | undefined) => {
    if (node === undefined || out.has(bone) || used.has(node)) return;
    out.set(bone, node);
    used.add(node);
  };
  /**
   * A bone's parent as the next limb bone up, when no name says what that is: it must be on the same
   * side and either unnamed-anatomy ("Hip_L" above "Knee_L") or named for exactly this role.
   */
  const limbParent = (i: number | undefined, side: Side, role: Role) => {
    if (i === undefined) return undefined;
    const p = t.parent(i);
    if (p < 0 || used.has(p)) return undefined;
    const c = classifyBoneName(tree.names[p]!);
    return c.side === side && (c.role === 'unknown' || c.role === role) ? p : undefined;
  };
  const below = (anc: number | undefined, ids: number[]) => (anc === undefined ? ids : ids.filter((i) => t.isAncestor(anc, i)));
  const above = (desc: number | undefined, ids: number[]) => (desc === undefined ? ids : ids.filter((i) => t.isAncestor(i, desc)));

  for (const side of ['left', 'right'] as const) {
    // Arm: hand first (the most reliably named), then up the chain.
    put(`${side}Hand`, t.shallowest(pool(side, 'Hand')));
    const h = out.get(`${side}Hand`);
    put(`${side}LowerArm`, t.shallowest(above(h, pool(side, 'LowerArm'))) ?? limbParent(h, side, 'LowerArm'));
    const lo = out.get(`${side}LowerArm`);
    // Rigs named after joints call the upper arm "Shoulder" and the clavicle "Collar" (LeftCollar →
    // LeftShoulder → LeftElbow → LeftWrist): a second shoulder-named bone below the clavicle is the upper arm.
    const jointNamed =
      lo !== undefined &&
      t.parent(lo) >= 0 &&
      !used.has(t.parent(lo)) &&
      classifyBoneName(tree.names[t.parent(lo)]!).role === 'Shoulder' &&
      out.get(`${side}Shoulder`) !== undefined &&
      t.isAncestor(out.get(`${side}Shoulder`)!, t.parent(lo))
        ? t.parent(lo)
        : undefined;
    put(`${side}UpperArm`, t.shallowest(above(lo, pool(side, 'UpperArm', 'arm'))) ?? jointNamed ?? limbParent(lo, side, 'arm'));
    const up = out.get(`${side}UpperArm`);
    put(`${side}Shoulder`, t.shallowest(above(up, pool(side, 'Shoulder'))) ?? limbParent(up, side, 'Shoulder'));

    // Leg: foot first, then up; toes below the foot. "leg" alone is the lower leg when a thigh is above it.
    put(`${side}Foot`, t.shallowest(pool(side, 'Foot')));
    const foot = out.get(`${side}Foot`);
    const thighs = above(foot, pool(side, 'UpperLeg'));
    const shins = above(foot, pool(side, 'LowerLeg'));
    const legs = above(foot, pool(side, 'leg'));
    put(`${side}LowerLeg`, t.shallowest(shins) ?? t.shallowest(legs.filter((l) => thighs.some((th) => t.isAncestor(th, l)))) ?? limbParent(foot, side, 'leg'));
    const shin = out.get(`${side}LowerLeg`);
    put(`${side}UpperLeg`, t.shallowest(above(shin, pool(side, 'UpperLeg', 'leg'))) ?? limbParent(shin, side, 'leg'));
    put(`${side}Toes`, t.shallowest(below(foot, pool(side, 'Toes'))));
  }

  // Hips: a bone named so, else where the two legs meet.
  const ul = out.get('leftUpperLeg'),
    ur = out.get('rightUpperLeg');
  const namedHips = pool(null, 'hips').filter((i) => (ul === undefined || t.isAncestor(i, ul)) && (ur === undefined || t.isAncestor(i, ur)));
  put('hips', t.shallowest(namedHips) ?? (ul !== undefined && ur !== undefined ? t.commonAncestor(ul, ur) : undefined));

  // Head and neck: named ones above nothing limb-like, else the centre chain above where the arms meet.
  const al = out.get('leftUpperArm'),
    ar = out.get('rightUpperArm');
  const armsMeet = al !== undefined && ar !== undefined ? t.commonAncestor(al, ar) : undefined;
  put('head', t.shallowest(below(armsMeet, pool(null, 'head'))));
  put('neck', t.shallowest(above(out.get('head'), below(armsMeet, pool(null, 'neck')))));
  if (!out.has('head') && armsMeet !== undefined) {
    // The centre chain: unsided, non-helper children leading away from the arms, followed to its end.
    const chain: number[] = [];
    let at = armsMeet;
    for (;;) {
      const next = t.children[at]!.filter((c) => {
        const k = classifyBoneName(tree.names[c]!);
        return !used.has(c) && k.side === null && k.role !== 'helper' && !(al !== undefined && t.isAncestor(c, al)) && !(ar !== undefined && t.isAncestor(c, ar));
      });
      if (next.length !== 1) break;
      chain.push(next[0]!);
      at = next[0]!;
    }
    if (chain.length > 0) put('head', chain[chain.length - 1]);
    if (chain.length > 1 && !out.has('neck')) put('neck', chain[chain.length - 2]);
  }
  return out;
}

/**
 * Drops mappings the hierarchy contradicts (a "hand" that is not below its lower arm, a lower leg not
 * below its thigh…), so a misleading name yields a clear "missing" instead of a twisted character.
 */
export function checkHierarchy(tree: BoneTree, bones: Map<HumanBone, number>): void {
  const t = new BoneHierarchy(tree);
  const chains: HumanBone[][] = [
    ['hips', 'spine', 'chest', 'upperChest', 'neck', 'head'],
    ...(['left', 'right'] as const).flatMap((s): HumanBone[][] => [
      [`${s}Shoulder`, `${s}UpperArm`, `${s}LowerArm`, `${s}Hand`],
      ['hips', `${s}UpperLeg`, `${s}LowerLeg`, `${s}Foot`, `${s}Toes`],
    ]),
  ];
  for (const chain of chains) {
    let prev: number | undefined;
    for (const bone of chain) {
      const i = bones.get(bone);
      if (i === undefined) continue;
      if (prev !== undefined && !t.isAncestor(prev, i)) bones.delete(bone);
      else prev = i;
    }
  }
  // Both arms hang from the spine above the hips.
  const hips = bones.get('hips');
  for (const s of ['left', 'right'] as const) {
    const first = bones.get(`${s}Shoulder`) ?? bones.get(`${s}UpperArm`);
    if (hips !== undefined && first !== undefined && !t.isAncestor(hips, first)) {
      for (const b of [`${s}Shoulder`, `${s}UpperArm`, `${s}LowerArm`, `${s}Hand`] as const) bones.delete(b);
    }
  }
}
