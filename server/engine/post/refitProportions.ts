/**
 * Moves a motion onto a body with other proportions (engine.md §5, "re-run foot locking on the
 * target"): `skeleton` has the canonical topology and rest layout, only its offsets differ (a
 * character's measured bone lengths). Copying rotations alone is not enough: with other thigh/shin
 * ratios, foot sizes or hip widths, a planted foot no longer stays where the source planted it, and
 * the feet slide again. So:
 *  1. rotations are copied and the hips path is scaled by the leg-length ratio s, relative to each
 *     body's rest pose (a shorter body takes proportionally shorter steps);
 *  2. each ball of the foot gets a target: the source's ball path, scaled by s about the rest pose
 *     horizontally and above the floor vertically, so a foot the source locked stays locked and a
 *     swing foot clears the floor as much (relatively) as the source's did;
 *  3. the legs are re-solved toward those targets with two-bone IK for the target's own lengths,
 *     keeping the animated foot rotation and knee plane; where a target is out of reach the hips are
 *     lowered smoothly first instead of letting the foot float or slide.
 * Every frame is re-solved, not only contacts: with the copied rotations a long-thigh/short-shin body
 * scrapes its swing foot along the floor (the skate metric counts that), and because the knee pole is
 * the thigh's own forward axis the solve changes a leg only as much as the proportions require.
 */
import { fkAll, fkFrame } from '../core/fk.ts';
import type { Motion } from '../core/motion.ts';
import { qRotate } from '../core/quat.ts';
import { solveLegLengths } from '../core/legIkLengths.ts';
import { J, LEG, restWorldPositions } from '../core/skeleton.ts';
import type { Skeleton } from '../core/skeleton.ts';

export interface RefitOptions {
  /**
   * World height of the target body's floor. The source's floor is y = 0. Defaults to the height that
   * puts the target's rest-pose balls of the feet as high above it as the source's are (scaled by s).
   */
  floorY?: number;
}

/** Longest hip→ankle distance used, as a fraction of the leg: the IK's own limit, so reachable means solvable. */
const REACH = 0.9995;

function boneLength(sk: Skeleton, j: number): number {
  return Math.hypot(sk.offsets[j * 3]!, sk.offsets[j * 3 + 1]!, sk.offsets[j * 3 + 2]!);
}

/** Mean hip-to-ankle length (thigh + shin) of the two legs. */
export function legLength(sk: Skeleton): number {
  let sum = 0;
  for (const leg of LEG) sum += boneLength(sk, leg.lower) + boneLength(sk, leg.foot);
  return sum / 2;
}

function checkTopology(src: Skeleton, dst: Skeleton): void {
  const same = src.parents.length === dst.parents.length && src.parents.every((p, j) => dst.parents[j] === p && src.names[j] === dst.names[j]);
  if (!same) throw new Error(`refitProportions: skeleton "${dst.id}" does not have the topology of "${src.id}"`);
}

export function refitProportions(src: Motion, skeleton: Skeleton, opts: RefitOptions = {}): Motion {
  checkTopology(src.skeleton, skeleton);
  const jc = skeleton.parents.length;
  const s = legLength(skeleton) / legLength(src.skeleton);
  const rs = restWorldPositions(src.skeleton),
    rd = restWorldPositions(skeleton);
  const ball = (r: Float32Array, side: number, k: number) => r[LEG[side]!.toes * 3 + k]!;
  const floorY = opts.floorY ?? Math.min(ball(rd, 0, 1), ball(rd, 1, 1)) - s * Math.min(ball(rs, 0, 1), ball(rs, 1, 1));

  const rootPos = new Float32Array(src.frames * 3);
  for (let f = 0; f < src.frames; f++) {
    for (let k = 0; k < 3; k++) rootPos[f * 3 + k] = rd[J.hips * 3 + k]! + s * (src.rootPos[f * 3 + k]! - rs[J.hips * 3 + k]!);
  }
  const out: Motion = { fps: src.fps, frames: src.frames, skeleton, rootPos, rot: src.rot.slice(), contacts: src.contacts.slice() };

  const srcPos = fkAll(src).pos;
  /** Target of each ball of the foot per frame. */
  const goal = new Float64Array(src.frames * 6);
  const wr = new Float64Array(jc * 4),
    wp = new Float64Array(jc * 3);
  const v = new Float64Array(3),
    footQ = new Float64Array(4),
    hipQ = new Float64Array(4),
    pole = new Float64Array(3);
  const reach = LEG.map((leg) => (boneLength(skeleton, leg.lower) + boneLength(skeleton, leg.foot)) * REACH);
  const ankleOf = (side: number, f: number) => {
    // Ankle = ball − (foot rotation · toes offset): the foot keeps its animated rotation.
    const t = LEG[side]!.toes;
    for (let k = 0; k < 4; k++) footQ[k] = wr[LEG[side]!.foot * 4 + k]!;
    v[0] = skeleton.offsets[t * 3]!;
    v[1] = skeleton.offsets[t * 3 + 1]!;
    v[2] = skeleton.offsets[t * 3 + 2]!;
    qRotate(v, footQ, v);
    const o = f * 6 + side * 3;
    return [goal[o]! - v[0]!, goal[o + 1]! - v[1]!, goal[o + 2]! - v[2]!] as const;
  };

  // Pass 1: ball goals, and how far the hips must come down for every goal to be reachable.
  const drop = new Float64Array(src.frames);
  for (let f = 0; f < src.frames; f++) {
    fkFrame(out, f, wr, wp);
    for (let side = 0; side < 2; side++) {
      const t = LEG[side]!.toes,
        so = (f * jc + t) * 3,
        o = f * 6 + side * 3;
      goal[o] = rd[t * 3]! + s * (srcPos[so]! - rs[t * 3]!);
      goal[o + 1] = floorY + s * srcPos[so + 1]!;
      goal[o + 2] = rd[t * 3 + 2]! + s * (srcPos[so + 2]! - rs[t * 3 + 2]!);
      const [ax, ay, az] = ankleOf(side, f);
      const u = LEG[side]!.upper;
      const hx = wp[u * 3]! - ax,
        hy = wp[u * 3 + 1]! - ay,
        hz = wp[u * 3 + 2]! - az;
      const flat = Math.hypot(hx, hz);
      if (Math.hypot(flat, hy) > reach[side]! && flat < reach[side]!) {
        drop[f] = Math.max(drop[f]!, hy - Math.sqrt(reach[side]! ** 2 - flat * flat));
      }
    }
  }
  // Widen then average the drop so the hips ease down and up instead of dipping for single frames.
  const r = Math.max(1, Math.round(0.1 * src.fps));
  const wide = new Float64Array(src.frames);
  for (let f = 0; f < src.frames; f++) {
    let m = 0;
    for (let g = Math.max(0, f - r); g <= Math.min(src.frames - 1, f + r); g++) m = Math.max(m, drop[g]!);
    wide[f] = m;
  }
  for (let f = 0; f < src.frames; f++) {
    let sum = 0,
      n = 0;
    for (let g = Math.max(0, f - r); g <= Math.min(src.frames - 1, f + r); g++) {
      sum += wide[g]!;
      n++;
    }
    rootPos[f * 3 + 1] = rootPos[f * 3 + 1]! - Math.max(sum / n, drop[f]!);
  }

  // Pass 2: re-solve the legs toward their goals, keeping each knee in the plane it already bends in.
  for (let f = 0; f < src.frames; f++) {
    fkFrame(out, f, wr, wp);
    for (let k = 0; k < 4; k++) hipQ[k] = wr[J.hips * 4 + k]!;
    for (let side = 0; side < 2; side++) {
      const leg = LEG[side]!;
      const [ax, ay, az] = ankleOf(side, f);
      for (let k = 0; k < 4; k++) footQ[k] = wr[leg.foot * 4 + k]!;
      pole[0] = 0;
      pole[1] = 0;
      pole[2] = 1;
      qRotate(pole, wr.subarray(leg.upper * 4, leg.upper * 4 + 4), pole);
      solveLegLengths(
        out.rot,
        f * jc * 4,
        leg,
        hipQ,
        wp.subarray(leg.upper * 3, leg.upper * 3 + 3),
        ax,
        ay,
        az,
        pole,
        footQ,
        boneLength(skeleton, leg.lower),
        boneLength(skeleton, leg.foot),
      );
    }
  }
  return out;
}
