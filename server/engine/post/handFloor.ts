/**
 * Hands on the floor: the floor guard lifts the body by its soles only (fingers are excluded, since a
 * finger brushing the floor must not lift the whole character), so nothing kept the fingers of a hand
 * bearing weight (push-ups, a crawl, a cartwheel) or of an arm lying on the floor out of it: they hung
 * from the wrist and went 10–18 cm below. This pass lays such a hand flat as a person does: palm
 * down, fingers open and along the floor in the direction the hand was pointing, the wrist where the
 * arm put it. It blends in as the fingertips of the unchanged motion approach the floor, so it never
 * pops, and it changes only the wrist and finger rotations.
 */
import { fkFrame } from '../core/fk.ts';
import { applyHandShape, fingerJointMap } from '../core/hands.ts';
import type { Motion } from '../core/motion.ts';
import { cloneMotion } from '../core/motion.ts';
import { qFromBasis, qMulInvA, qMulInvB, qNormalize, qRotate, qSlerp } from '../core/quat.ts';
import { ARM, BODY_JOINT_COUNT } from '../core/skeleton.ts';

/** Fingertips this high (metres) start flattening the hand; a centimetre below the floor it is flat. */
const START = 0.03,
  FULL = -0.01;
/** A wrist higher than this cannot put fingertips on the floor (the hand is ~19 cm long). */
const WRIST_REACH = 0.22;
/** Joints [0, ARMS_END) hold the trunk and both arms (skeleton order: trunk, head, arms, then legs). */
const ARMS_END = Math.max(ARM[0].hand, ARM[1].hand) + 1;

const norm = (v: Float64Array): number => {
  const l = Math.hypot(v[0]!, v[1]!, v[2]!);
  if (l > 1e-9) {
    v[0]! /= l;
    v[1]! /= l;
    v[2]! /= l;
  }
  return l;
};
function crossInto(o: Float64Array, a: Float64Array, b: Float64Array): void {
  const x = a[1]! * b[2]! - a[2]! * b[1]!,
    y = a[2]! * b[0]! - a[0]! * b[2]!,
    z = a[0]! * b[1]! - a[1]! * b[0]!;
  o[0] = x;
  o[1] = y;
  o[2] = z;
}

/** Lays hands flat wherever their fingertips would reach the floor; returns the motion unchanged when none do. */
export function handsOnFloor(m: Motion): Motion {
  const sk = m.skeleton,
    jc = sk.parents.length;
  const fingers = fingerJointMap(sk);
  if (jc <= BODY_JOINT_COUNT || fingers.every((s) => s.every((j) => j < 0))) return m;
  const wr = new Float64Array(jc * 4),
    wp = new Float64Array(jc * 3);
  // The hand's own axes at rest (identity rotations): along the middle finger, and the back of the hand (+Y, palm down).
  const along = [0, 1].map((s) => {
    const j = fingers[s]![2 * 3]!;
    const v = Float64Array.of(sk.offsets[j * 3]!, 0, sk.offsets[j * 3 + 2]!);
    norm(v);
    return v;
  });
  const up = Float64Array.of(0, 1, 0),
    side = new Float64Array(3),
    rest = new Float64Array(4),
    want = new Float64Array(4);
  const dir = new Float64Array(3),
    tmp = new Float64Array(3),
    loc = new Float64Array(4),
    cur = new Float64Array(4);
  let out: Motion | null = null;
  for (let f = 0; f < m.frames; f++) {
    // The trunk and arms first (the joints up to the hands come before the legs: cheap, and enough to
    // see that both wrists are high, as in most frames); the fingers only when a wrist is low enough.
    fkFrame(m, f, wr, wp, m.rot, m.rootPos, ARMS_END);
    if (wp[ARM[0].hand * 3 + 1]! > WRIST_REACH && wp[ARM[1].hand * 3 + 1]! > WRIST_REACH) continue;
    fkFrame(m, f, wr, wp);
    for (const s of [0, 1] as const) {
      const hand = ARM[s].hand,
        lower = ARM[s].lower;
      const fj = fingers[s]!;
      if (fj.some((j) => j < 0)) continue;
      if (wp[hand * 3 + 1]! > WRIST_REACH) continue;
      // Lowest fingertip of the motion as it is: each distal joint extended by its own segment.
      let lo = Infinity;
      for (let k = 0; k < 15; k++) {
        const j = fj[k]!;
        lo = Math.min(lo, wp[j * 3 + 1]!);
        if (k % 3 === 2) lo = Math.min(lo, 2 * wp[j * 3 + 1]! - wp[fj[k - 1]! * 3 + 1]!);
      }
      const w = Math.max(0, Math.min(1, (START - lo) / (START - FULL)));
      if (w <= 0) continue;
      // Fingers go along the floor the way the hand (or, for a hand pointing straight down, the forearm) points.
      const q = wr.subarray(hand * 4, hand * 4 + 4);
      tmp.set(along[s]!);
      qRotate(dir, q, tmp);
      dir[0] = dir[0]! + wp[hand * 3]! - wp[lower * 3]!;
      dir[2] = dir[2]! + wp[hand * 3 + 2]! - wp[lower * 3 + 2]!;
      dir[1] = 0;
      if (norm(dir) < 1e-4) {
        dir[0] = 0;
        dir[2] = 1;
      }
      crossInto(side, dir, up);
      qFromBasis(want, dir, up, side);
      crossInto(side, along[s]!, up);
      qFromBasis(rest, along[s]!, up, side);
      qMulInvB(want, want, rest);
      // World → local under the forearm, blended with the motion's own wrist.
      qMulInvA(loc, wr.subarray(lower * 4, lower * 4 + 4), want);
      qNormalize(loc);
      if (!out) out = cloneMotion(m);
      const o = (f * jc + hand) * 4;
      cur[0] = out.rot[o]!;
      cur[1] = out.rot[o + 1]!;
      cur[2] = out.rot[o + 2]!;
      cur[3] = out.rot[o + 3]!;
      qSlerp(cur, cur, loc, w);
      out.rot[o] = cur[0]!;
      out.rot[o + 1] = cur[1]!;
      out.rot[o + 2] = cur[2]!;
      out.rot[o + 3] = cur[3]!;
      applyHandShape(out.rot, sk, f, s, 'open', w);
    }
  }
  return out ?? m;
}
