/**
 * Key poses: the character hits a shown pose exactly at a chosen time, and the motion around it is
 * in-betweened by spreading the pose change (a per-joint rotation delta and a hips offset) over a
 * window whose length grows with how far the pose moves things, so big changes get slow, smooth
 * transitions. The weight curve is C2 (no jerk spike) with a small wind-up before the key and a
 * small follow-through after it (anticipation and overshoot, each ≤ 6 %). Feet the key does not
 * pose keep their animated world trajectory (re-solved by IK), so moving the hips never slides them.
 */
import { fkAll } from '../core/fk.ts';
import { cloneMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { qExp, qLog, qMul, qMulInvA, qMulInvB, qNormalize, qRotate } from '../core/quat.ts';
import { J, LEG } from '../core/skeleton.ts';
import { smootherstep } from '../synth/smooth.ts';
import { EFFECTOR_JOINT, EFFECTOR_SIDE, fkInto, frameScratch, isFoot, placeFoot, placeHand } from './limbs.ts';
import type { FrameScratch } from './limbs.ts';
import { ConstraintError, EFFECTORS } from './types.ts';
import type { Effector, KeyPose } from './types.ts';

const ANTICIPATION = 0.06,
  FOLLOW_THROUGH = 0.06;
const MIN_WINDOW = 0.4,
  MAX_WINDOW = 1.6,
  SEC_PER_METRE = 1.6;

/** C2 bump: 1 at x = 0, 0 with zero slope and curvature at |x| ≥ 1. */
const bumpC2 = (x: number): number => 1 - smootherstep(Math.abs(x));

/** Weight of the key's change at normalised time x (−1 … 1 across the window). */
export function keyWeight(x: number): number {
  if (x <= -1 || x >= 1) return 0;
  // Wind-up lobe centred at −0.7 and follow-through lobe at +0.3, each zero (to second order) at the key.
  const lobe = (c: number) => bumpC2((x - c) / 0.3);
  return bumpC2(x) - ANTICIPATION * lobe(-0.7) + FOLLOW_THROUGH * lobe(0.3);
}

/** The pose the key asks for at frame f, written into `m` (which must be a copy). Returns how far it moved things (m). */
function poseAtKey(m: Motion, f: number, k: KeyPose, i: number, s: FrameScratch): number {
  const jc = m.skeleton.parents.length,
    base = f * jc * 4;
  fkInto(m, f, s);
  const before = s.wp.slice();
  const feet = [0, 1].map((side) => {
    const j = LEG[side]!.foot;
    return { p: Array.from(s.wp.subarray(j * 3, j * 3 + 3)), q: s.wr.slice(j * 4, j * 4 + 4) };
  });
  for (const [name, q] of Object.entries(k.rotations ?? {})) {
    const j = m.skeleton.names.indexOf(name);
    if (j < 0) throw new ConstraintError(`keyPoses[${i}].rotations.${name}`, `unknown bone; use one of ${m.skeleton.names.join(', ')}`);
    const t = Float64Array.from(q);
    qNormalize(t);
    m.rot.set(t, base + j * 4);
  }
  if (k.hips) m.rootPos.set(k.hips, f * 3);
  fkInto(m, f, s);
  // Feet first (they do not move the upper body), then the head and the hands on the final torso.
  for (const side of [0, 1] as const) {
    const e: Effector = side === 0 ? 'leftFoot' : 'rightFoot';
    const t = k.effectors?.[e];
    const ft = feet[side]!;
    if (t) placeFoot(m, f, s, side, t[0], t[1], t[2], ft.q);
    else if (k.hips) placeFoot(m, f, s, side, ft.p[0]!, ft.p[1]!, ft.p[2]!, ft.q);
  }
  if (k.lookAt) lookAt(m, f, s, k.lookAt);
  fkInto(m, f, s);
  for (const e of ['leftHand', 'rightHand'] as const) {
    const t = k.effectors?.[e];
    if (!t) continue;
    placeHand(m, f, s, EFFECTOR_SIDE[e], t[0], t[1], t[2]);
  }
  fkInto(m, f, s);
  let moved = 0;
  for (let j = 0; j < jc; j++) moved = Math.max(moved, Math.hypot(s.wp[j * 3]! - before[j * 3]!, s.wp[j * 3 + 1]! - before[j * 3 + 1]!, s.wp[j * 3 + 2]! - before[j * 3 + 2]!));
  return moved;
}

/** Turns neck (40 %) and head (60 %) so the face's +Z points at the target. */
function lookAt(m: Motion, f: number, s: FrameScratch, target: readonly number[]): void {
  const jc = m.skeleton.parents.length,
    base = f * jc * 4;
  const fwd = new Float64Array([0, 0, 1]);
  const hq = s.wr.slice(J.head * 4, J.head * 4 + 4);
  qRotate(fwd, hq, fwd);
  const hp = s.wp.subarray(J.head * 3, J.head * 3 + 3);
  let dx = target[0]! - hp[0]!,
    dy = target[1]! - hp[1]!,
    dz = target[2]! - hp[2]!;
  const dl = Math.hypot(dx, dy, dz);
  if (dl < 1e-4) return;
  dx /= dl;
  dy /= dl;
  dz /= dl;
  // Shortest arc from the current facing to the target direction.
  const r = new Float64Array([fwd[1]! * dz - fwd[2]! * dy, fwd[2]! * dx - fwd[0]! * dz, fwd[0]! * dy - fwd[1]! * dx, 1 + fwd[0]! * dx + fwd[1]! * dy + fwd[2]! * dz]);
  if (r[3]! < 1e-6) return; // looking straight behind: no unique turn, leave the head alone
  qNormalize(r);
  const v = new Float64Array(3),
    part = new Float64Array(4);
  qLog(v, r);
  const upper = s.wr.slice(J.upperChest * 4, J.upperChest * 4 + 4);
  const neckW = s.wr.slice(J.neck * 4, J.neck * 4 + 4);
  v[0] = v[0]! * 0.4;
  v[1] = v[1]! * 0.4;
  v[2] = v[2]! * 0.4;
  qExp(part, v);
  qMul(neckW, part, neckW);
  const local = new Float64Array(4);
  qMulInvA(local, upper, neckW);
  m.rot.set(local, base + J.neck * 4);
  const headW = new Float64Array(4);
  qMul(headW, r, hq);
  qMulInvA(local, neckW, headW);
  m.rot.set(local, base + J.head * 4);
}

export function applyKeyPoses(src: Motion, keys: readonly KeyPose[]): Motion {
  if (keys.length === 0) return src;
  const n = src.frames,
    fps = src.fps,
    jc = src.skeleton.parents.length;
  const order = keys.map((k, i) => ({ k, i })).sort((a, b) => a.k.t - b.k.t);
  const frames = order.map(({ k }) => Math.min(n - 1, Math.max(0, Math.round(k.t * fps))));
  for (let a = 1; a < frames.length; a++) {
    if (frames[a] === frames[a - 1]) throw new ConstraintError(`keyPoses[${order[a]!.i}].t`, 'two key poses fall on the same frame; merge them or move one');
  }
  const { pos, rot } = fkAll(src);
  const m = cloneMotion(src);
  const s = frameScratch(m);
  const free = [new Uint8Array(n), new Uint8Array(n)];
  const touched = new Uint8Array(n);
  const lg = new Float64Array(jc * 3),
    v = new Float64Array(3),
    d = new Float64Array(4),
    q = new Float64Array(4);
  order.forEach(({ k, i }, idx) => {
    const f = frames[idx]!;
    const target = cloneMotion(m);
    const moved = poseAtKey(target, f, k, i, s);
    for (let j = 0; j < jc; j++) {
      // Delta in the parent's frame: target = delta · current, so delta = target · current⁻¹.
      qMulInvB(d, target.rot.subarray((f * jc + j) * 4, (f * jc + j) * 4 + 4), m.rot.subarray((f * jc + j) * 4, (f * jc + j) * 4 + 4));
      // Stored as a rotation vector, scaled by the weight on every frame of the window.
      qLog(v, d);
      lg.set(v, j * 3);
    }
    // Joints of a posed limb blend toward the key's local rotation instead of adding a delta, so the
    // limb's own animation (an arm swing) fades out into the reach rather than riding on top of it.
    const own = new Uint8Array(jc);
    for (const e of EFFECTORS) {
      if (!k.effectors?.[e]) continue;
      for (let j = EFFECTOR_JOINT[e]; j > 0 && !own[j]; j = m.skeleton.parents[j]!) {
        own[j] = 1;
        if (j === LEG[0].upper || j === LEG[1].upper || j === J.leftShoulder || j === J.rightShoulder) break;
      }
    }
    const tgt = target.rot;
    const dp = [0, 1, 2].map((c) => target.rootPos[f * 3 + c]! - m.rootPos[f * 3 + c]!);
    // Window: longer for bigger changes, never reaching past a neighbouring key.
    const win = Math.min(MAX_WINDOW, Math.max(MIN_WINDOW, MIN_WINDOW + SEC_PER_METRE * moved)) * fps;
    const left = Math.max(1, Math.min(win, idx > 0 ? f - frames[idx - 1]! : win));
    const right = Math.max(1, Math.min(win, idx < frames.length - 1 ? frames[idx + 1]! - f : win));
    for (let g = Math.max(0, Math.ceil(f - left)); g <= Math.min(n - 1, Math.floor(f + right)); g++) {
      const w = g === f ? 1 : keyWeight(g < f ? (g - f) / left : (g - f) / right);
      if (w === 0) continue;
      touched[g] = 1;
      for (let j = 0; j < jc; j++) {
        const o = (g * jc + j) * 4;
        for (let c = 0; c < 4; c++) q[c] = m.rot[o + c]!;
        if (own[j]) {
          // current · exp(w · log(current⁻¹ · key)): slerp that may run slightly past either end.
          const to = (f * jc + j) * 4;
          for (let c = 0; c < 4; c++) d[c] = tgt[to + c]!;
          qMulInvA(d, q, d);
          qLog(v, d);
          v[0] = v[0]! * w;
          v[1] = v[1]! * w;
          v[2] = v[2]! * w;
          qExp(d, v);
          qMul(q, q, d);
        } else {
          v[0] = lg[j * 3]! * w;
          v[1] = lg[j * 3 + 1]! * w;
          v[2] = lg[j * 3 + 2]! * w;
          qExp(d, v);
          qMul(q, d, q);
        }
        for (let c = 0; c < 4; c++) m.rot[o + c] = q[c]!;
      }
      for (let c = 0; c < 3; c++) m.rootPos[g * 3 + c] = m.rootPos[g * 3 + c]! + dp[c]! * w;
      for (const e of EFFECTORS) if (isFoot(e) && k.effectors?.[e]) free[EFFECTOR_SIDE[e]]![g] = 1;
    }
  });
  // Feet the keys did not pose go back onto their animated world trajectory (frames no key touched
  // are unchanged and skipped).
  for (let f = 0; f < n; f++) {
    if (!touched[f]) continue;
    fkInto(m, f, s);
    for (const side of [0, 1] as const) {
      if (free[side]![f]) continue;
      const j = EFFECTOR_JOINT[side === 0 ? 'leftFoot' : 'rightFoot'];
      const b = (f * jc + j) * 3;
      placeFoot(m, f, s, side, pos[b]!, pos[b + 1]!, pos[b + 2]!, rot, (f * jc + j) * 4);
    }
  }
  return m;
}
