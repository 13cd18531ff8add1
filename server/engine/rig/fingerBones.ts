/**
 * Finger bones of a character's skeleton, found by name under its hand bone. Part of the rig kernel (humanoidMap.ts),
 * which the server's retargeting and the viewport's preview retarget both use, so both read a rig's
 * fingers the same way. Pure: works on plain names and parent indices.
 *
 * Rigs name fingers alike enough to classify by word: Mixamo `mixamorig:LeftHandIndex1`, Unreal
 * `index_01_l`, Rigify `DEF-f_index.01.L`, Daz/CMU `lIndex1` / `lMid1`, VRM `leftIndexProximal`.
 * The side comes from the hand the bone hangs under, so names without a side word still work.
 * Segments are ordered along each finger's chain: end bones (`_end`, `_leaf`, `Nub`, Mixamo `Index4`
 * when it is only a leaf marker) and finger metacarpals (Unreal 5 `index_metacarpal_l`, Rigify
 * `palm.01.L`) are skipped; the thumb's first bone is its metacarpal, as in VRM 1.0.
 */
export const FINGER_NAMES = ['Thumb', 'Index', 'Middle', 'Ring', 'Little'] as const;
export type FingerName = (typeof FINGER_NAMES)[number];
type ThumbSegment = 'Metacarpal' | 'Proximal' | 'Distal';
type FingerSegment = 'Proximal' | 'Intermediate' | 'Distal';
/** VRM 1.0 finger bone names: leftThumbMetacarpal … rightLittleDistal. */
export type FingerBone = `${'left' | 'right'}${`Thumb${ThumbSegment}` | `${Exclude<FingerName, 'Thumb'>}${FingerSegment}`}`;

export const FINGER_SEGMENTS: Readonly<Record<FingerName, readonly string[]>> = {
  Thumb: ['Metacarpal', 'Proximal', 'Distal'],
  Index: ['Proximal', 'Intermediate', 'Distal'],
  Middle: ['Proximal', 'Intermediate', 'Distal'],
  Ring: ['Proximal', 'Intermediate', 'Distal'],
  Little: ['Proximal', 'Intermediate', 'Distal'],
};

/** All 30 finger bones, left hand then right, thumb to little finger, base to tip (the engine's order). */
export const FINGER_BONES: readonly FingerBone[] = (['left', 'right'] as const).flatMap((side) =>
  FINGER_NAMES.flatMap((f) => FINGER_SEGMENTS[f].map((s) => `${side}${f}${s}` as FingerBone)),
);

const FINGER_WORDS: ReadonlyArray<[RegExp, FingerName]> = [
  [/thumb|pollex/, 'Thumb'],
  [/index|pointer|forefinger/, 'Index'],
  [/middle|mid/, 'Middle'],
  [/ring/, 'Ring'],
  [/pinky|pinkie|little|small/, 'Little'],
];
const END_BONE = /(end|leaf|nub|tip|site|null)(\W|_|\d|$)|(end|leaf|nub|tip)$/i;
const FINGER_METACARPAL = /metacarpal|meta|carpal|palm/i;

/** Which finger a bone name belongs to, or null. */
export function fingerOf(name: string): FingerName | null {
  const n = name.replace(/^.*[:|]/, '').toLowerCase();
  for (const [re, f] of FINGER_WORDS) if (re.test(n)) return f;
  return null;
}

/**
 * The finger bones under `hand`: bone index per finger bone name for the bones found. `allowed`
 * restricts the choice (for example to a skin's joints, so helper nodes are never picked).
 */
export function mapFingers(
  names: readonly string[],
  parents: ArrayLike<number>,
  hand: number,
  side: 'left' | 'right',
  allowed: (i: number) => boolean = () => true,
): Map<FingerBone, number> {
  const out = new Map<FingerBone, number>();
  const depth = (i: number): number => {
    let d = 0;
    for (let p = parents[i]!; p >= 0 && d < 1024; p = parents[p]!) d++;
    return d;
  };
  const under = (a: number, i: number): boolean => {
    for (let p = parents[i]!; p >= 0; p = parents[p]!) if (p === a) return true;
    return false;
  };
  const groups = new Map<FingerName, number[]>();
  for (let i = 0; i < names.length; i++) {
    if (!allowed(i) || !under(hand, i)) continue;
    const f = fingerOf(names[i]!);
    if (!f) continue;
    const raw = names[i]!.replace(/^.*[:|]/, '');
    if (END_BONE.test(raw) || (f !== 'Thumb' && FINGER_METACARPAL.test(raw))) continue;
    groups.set(f, [...(groups.get(f) ?? []), i]);
  }
  for (const [f, bones] of groups) {
    bones.sort((a, b) => depth(a) - depth(b));
    // One chain from the finger's base outward; a stray bone off the chain (a helper) is skipped.
    const chain: number[] = [];
    for (const b of bones) if (chain.length === 0 || under(chain[chain.length - 1]!, b)) chain.push(b);
    // A Mixamo-style leaf marker (Index4) that is not named as an end: a fourth bone with no children.
    if (chain.length > 3) chain.length = 3;
    chain.forEach((b, k) => out.set(`${side}${f}${FINGER_SEGMENTS[f][k]}` as FingerBone, b));
  }
  return out;
}
