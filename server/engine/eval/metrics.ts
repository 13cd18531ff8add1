/**
 * Quality metrics computable on any motion (engine.md §4.2), from joint positions after FK.
 * They work on plain position arrays too, so external mocap (BVH) is measured the same way.
 */
import { fkPositions, fkPrefix } from '../core/fk.ts';
import type { Motion } from '../core/motion.ts';
import { BODY_JOINT_COUNT, LEG } from '../core/skeleton.ts';
import { lowestSole } from '../post/footlock.ts';
import { bvhPositions, bvhRestHeight } from '../io/bvhRead.ts';
import type { BvhClip } from '../io/bvhRead.ts';

/** Joint positions of a clip: frames × joints × 3 in metres, plus what the metrics need to know about it. */
export interface PositionClip {
  fps: number;
  frames: number;
  joints: number;
  pos: Float32Array;
  /** Joints treated as feet (toe/ball joints, as in §4.3). */
  feet: number[];
  /** Lowest floor-touching height per frame (sole points), if known; otherwise the lowest joint is used. */
  lowest?: Float32Array;
}

/**
 * The body joints of a motion as a clip. Fingers are left out: metrics and variant distances are about
 * the body (thirty finger joints would otherwise outweigh it), and FK over them would double the cost.
 */
export function clipOf(m: Motion): PositionClip {
  const bc = Math.min(m.skeleton.parents.length, BODY_JOINT_COUNT);
  const { pos, rot } = fkPrefix(m, bc);
  return { fps: m.fps, frames: m.frames, joints: bc, pos, feet: [LEG[0]!.toes, LEG[1]!.toes], lowest: lowestSole(m, pos, rot, bc) };
}

/** Resamples a clip to another frame rate by linear interpolation (GMD's skate ratio is defined at 20 fps). */
export function resample(c: PositionClip, fps: number): PositionClip {
  if (Math.abs(c.fps - fps) < 1e-9) return c;
  const dur = (c.frames - 1) / c.fps;
  const frames = Math.max(1, Math.floor(dur * fps + 1e-9) + 1);
  const stride = c.joints * 3;
  const pos = new Float32Array(frames * stride);
  const lowest = c.lowest ? new Float32Array(frames) : undefined;
  for (let f = 0; f < frames; f++) {
    const t = (f / fps) * c.fps;
    const i = Math.min(c.frames - 1, Math.floor(t)),
      j = Math.min(c.frames - 1, i + 1),
      u = t - i;
    for (let k = 0; k < stride; k++) pos[f * stride + k] = c.pos[i * stride + k]! * (1 - u) + c.pos[j * stride + k]! * u;
    if (lowest && c.lowest) lowest[f] = c.lowest[i]! * (1 - u) + c.lowest[j]! * u;
  }
  const out: PositionClip = { fps, frames, joints: c.joints, pos, feet: c.feet };
  if (lowest) out.lowest = lowest;
  return out;
}

/**
 * GMD / OmniControl foot-skating ratio: a frame pair skates when a foot joint is below 5 cm in both
 * frames, its horizontal speed exceeds 0.5 m/s, and its 5-frame average speed also exceeds 0.5 m/s.
 * The ratio is the fraction of frame pairs where either foot skates, evaluated at 20 fps.
 */
export function footSkateRatio(clip: PositionClip, floor = 0): number {
  const c = resample(clip, 20);
  if (c.frames < 2) return 0;
  const stride = c.joints * 3;
  let skating = 0;
  for (let f = 1; f < c.frames; f++) {
    let any = false;
    for (const j of c.feet) {
      const a = (f - 1) * stride + j * 3,
        b = f * stride + j * 3;
      if (c.pos[a + 1]! - floor >= 0.05 || c.pos[b + 1]! - floor >= 0.05) continue;
      const v = Math.hypot(c.pos[b]! - c.pos[a]!, c.pos[b + 2]! - c.pos[a + 2]!) * c.fps;
      if (v <= 0.5) continue;
      const lo = Math.max(1, f - 2),
        hi = Math.min(c.frames - 1, f + 2);
      let sum = 0;
      for (let k = lo; k <= hi; k++) {
        const p = (k - 1) * stride + j * 3,
          q = k * stride + j * 3;
        sum += Math.hypot(c.pos[q]! - c.pos[p]!, c.pos[q + 2]! - c.pos[p + 2]!) * c.fps;
      }
      if (sum / (hi - lo + 1) > 0.5) {
        any = true;
        break;
      }
    }
    if (any) skating++;
  }
  return skating / (c.frames - 1);
}

function lowestPerFrame(c: PositionClip): Float32Array {
  if (c.lowest) return c.lowest;
  const out = new Float32Array(c.frames);
  for (let f = 0; f < c.frames; f++) {
    let lo = Infinity;
    for (let j = 0; j < c.joints; j++) lo = Math.min(lo, c.pos[(f * c.joints + j) * 3 + 1]!);
    out[f] = lo;
  }
  return out;
}

/** Mean floor penetration in metres (depth of the lowest point below the floor, 0 when above), and the worst frame. */
export function penetration(c: PositionClip, floor = 0): { mean: number; max: number } {
  const low = lowestPerFrame(c);
  let sum = 0,
    max = 0;
  for (let f = 0; f < c.frames; f++) {
    const d = Math.max(0, floor - low[f]!);
    sum += d;
    max = Math.max(max, d);
  }
  return { mean: sum / c.frames, max };
}

/** Mean floating in metres: height of the lowest point above floor + 5 mm tolerance (PhysDiff's definition). */
export function floating(c: PositionClip, floor = 0, tol = 0.005): number {
  const low = lowestPerFrame(c);
  let sum = 0;
  for (let f = 0; f < c.frames; f++) sum += Math.max(0, low[f]! - floor - tol);
  return sum / c.frames;
}

/** Mean jerk magnitude ‖d³p/dt³‖ over all joints and frames (m/s³). */
export function meanJerk(c: PositionClip): number {
  if (c.frames < 4) return 0;
  const s = c.joints * 3,
    h3 = c.fps ** 3;
  let sum = 0,
    n = 0;
  for (let f = 0; f + 3 < c.frames; f++)
    for (let j = 0; j < c.joints; j++) {
      let m2 = 0;
      for (let k = 0; k < 3; k++) {
        const i = j * 3 + k;
        const d = c.pos[(f + 3) * s + i]! - 3 * c.pos[(f + 2) * s + i]! + 3 * c.pos[(f + 1) * s + i]! - c.pos[f * s + i]!;
        m2 += d * d;
      }
      sum += Math.sqrt(m2) * h3;
      n++;
    }
  return sum / n;
}

/** Per-frame pose jump: mean joint displacement between consecutive frames (metres). */
export function frameJumps(c: PositionClip): Float64Array {
  const s = c.joints * 3;
  const out = new Float64Array(Math.max(0, c.frames - 1));
  for (let f = 1; f < c.frames; f++) {
    let sum = 0;
    for (let j = 0; j < c.joints; j++) {
      const a = (f - 1) * s + j * 3,
        b = f * s + j * 3;
      sum += Math.hypot(c.pos[b]! - c.pos[a]!, c.pos[b + 1]! - c.pos[a + 1]!, c.pos[b + 2]! - c.pos[a + 2]!);
    }
    out[f - 1] = sum / c.joints;
  }
  return out;
}

export function median(xs: ArrayLike<number>): number {
  const a = Array.from(xs).sort((p, q) => p - q);
  if (!a.length) return 0;
  const m = a.length >> 1;
  return a.length % 2 ? a[m]! : (a[m - 1]! + a[m]!) / 2;
}

/** Largest pose jump at the given seam frames (jump between frame s−1 and s), relative to the clip's median jump. */
export function seamJumps(c: PositionClip, seams: readonly number[]): { max: number; median: number } {
  const j = frameJumps(c);
  let max = 0;
  for (const s of seams) if (s >= 1 && s - 1 < j.length) max = Math.max(max, j[s - 1]!);
  return { max, median: median(j) };
}

/** Largest change of any bone's length over the clip (should be 0 for rotation-only motion). */
export function boneLengthDrift(m: Motion): number {
  const pos = fkPositions(m);
  const jc = m.skeleton.parents.length;
  let worst = 0;
  for (let j = 1; j < jc; j++) {
    const p = m.skeleton.parents[j]!;
    const rest = Math.hypot(m.skeleton.offsets[j * 3]!, m.skeleton.offsets[j * 3 + 1]!, m.skeleton.offsets[j * 3 + 2]!);
    for (let f = 0; f < m.frames; f++) {
      const a = (f * jc + j) * 3,
        b = (f * jc + p) * 3;
      const l = Math.hypot(pos[a]! - pos[b]!, pos[a + 1]! - pos[b + 1]!, pos[a + 2]! - pos[b + 2]!);
      worst = Math.max(worst, Math.abs(l - rest));
    }
  }
  return worst;
}

/** Duration error in frames against a requested duration. */
export function durationErrorFrames(m: Motion, requestedSec: number): number {
  return Math.abs(m.frames - (Math.round(requestedSec * m.fps) + 1));
}

/** Mean joint-position distance between two clips over their common frames, with root-relative positions. */
export function poseDistance(a: PositionClip, b: PositionClip): number {
  const n = Math.min(a.frames, b.frames),
    jc = Math.min(a.joints, b.joints);
  let sum = 0;
  for (let f = 0; f < n; f++)
    for (let j = 0; j < jc; j++) {
      const pa = (f * a.joints + j) * 3,
        pb = (f * b.joints + j) * 3;
      sum += Math.hypot(a.pos[pa]! - b.pos[pb]!, a.pos[pa + 1]! - b.pos[pb + 1]!, a.pos[pa + 2]! - b.pos[pb + 2]!);
    }
  return n * jc ? sum / (n * jc) : 0;
}

/** Mean pairwise distance among variants (a stand-in for MultiModality); > 0 means variants differ. */
export function variantDiversity(clips: readonly PositionClip[]): { mean: number; min: number } {
  let sum = 0,
    n = 0,
    min = Infinity;
  for (let i = 0; i < clips.length; i++)
    for (let k = i + 1; k < clips.length; k++) {
      const d = poseDistance(clips[i]!, clips[k]!);
      sum += d;
      n++;
      min = Math.min(min, d);
    }
  return { mean: n ? sum / n : 0, min: n ? min : 0 };
}

/**
 * Metrics input from external BVH mocap: positions scaled to metres (by default assuming the rest
 * pose is 1.7 m tall), feet = joints named like toes, and the floor at the 1st percentile of the
 * lowest joint (engine.md §4.3), subtracted so the floor sits at 0.
 */
export function clipFromBvh(bvh: BvhClip, scale?: number): PositionClip {
  const s = scale ?? 1.7 / Math.max(1e-6, bvhRestHeight(bvh));
  const pos = bvhPositions(bvh, s);
  const jc = bvh.joints.length;
  let feet = bvh.joints.map((j, i) => (/toe/i.test(j.name) ? i : -1)).filter((i) => i >= 0);
  if (!feet.length) feet = bvh.joints.map((j, i) => (/foot|ankle/i.test(j.name) ? i : -1)).filter((i) => i >= 0);
  const lows = new Float64Array(bvh.frames);
  for (let f = 0; f < bvh.frames; f++) {
    let lo = Infinity;
    for (let j = 0; j < jc; j++) lo = Math.min(lo, pos[(f * jc + j) * 3 + 1]!);
    lows[f] = lo;
  }
  const sorted = Array.from(lows).sort((a, b) => a - b);
  const floor = sorted[Math.floor(0.01 * (sorted.length - 1))] ?? 0;
  for (let k = 1; k < pos.length; k += 3) pos[k] = pos[k]! - floor;
  return { fps: 1 / bvh.frameTime, frames: bvh.frames, joints: jc, pos, feet };
}
