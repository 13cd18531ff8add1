/**
 * Auto loop window: for any clip, the stretch [start, end) whose end flows best back into its start, then
 * that stretch with the seam closed (loop.ts, one repetition). A candidate's cost is how different the pose
 * at `end` is from the pose at `start` (every joint's local rotation, the pelvis without its heading, so a
 * walk that turns can still loop; and the hips' height) plus how different the motion is there (each joint's
 * angular velocity and the hips' vertical speed): matching poses with opposite velocities would pop.
 * Windows shorter than `minSec` are not considered; among similar costs the longer window wins.
 */
import { sliceMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { qHeading, qLog, qMul, qMulInvB, qYaw } from '../core/quat.ts';
import { loop } from './loop.ts';

export interface AutoLoopOptions {
  /** Shortest window considered, seconds (default 0.6 s, capped at 80 % of the clip). */
  minSec?: number;
}

export interface AutoLoopResult {
  /** The window, seconds from the clip's start; `endSec` is the frame the loop returns to `startSec` from. */
  startSec: number;
  endSec: number;
  /** Seam error of the raw window and after closing it: RMS over joints of the seam jump minus a normal step, degrees. */
  seamErrorDeg: number;
  closedSeamErrorDeg: number;
  /** The window as it is (frames start … end − 1), for a loop with other options or repetitions. */
  window: Motion;
  /** The window with its seam closed: plays as a seamless loop. */
  motion: Motion;
}

const VELOCITY_WEIGHT = 4;
const HEIGHT_WEIGHT = 25;
/** How much a window as short as the minimum is penalised against one spanning the whole clip. */
const SHORT_PENALTY = 0.25;

/** Per-frame local rotations with the hips' heading removed, unit length. */
function headingFree(m: Motion): Float64Array {
  const jc = m.skeleton.parents.length;
  const out = new Float64Array(m.rot.length);
  const q = new Float64Array(4),
    y = new Float64Array(4);
  for (let f = 0; f < m.frames; f++) {
    for (let j = 0; j < jc; j++) {
      const o = (f * jc + j) * 4;
      for (let k = 0; k < 4; k++) q[k] = m.rot[o + k]!;
      if (j === 0) {
        qYaw(y, -qHeading(q));
        qMul(q, y, q);
      }
      const l = Math.hypot(q[0]!, q[1]!, q[2]!, q[3]!) || 1;
      for (let k = 0; k < 4; k++) out[o + k] = q[k]! / l;
    }
  }
  return out;
}

/** Angular velocity of every joint per frame (rotation vector per frame step), forward differences. */
function angularVelocity(rot: Float64Array, frames: number, jc: number): Float64Array {
  const v = new Float64Array(frames * jc * 3);
  const a = new Float64Array(4),
    b = new Float64Array(4),
    d = new Float64Array(4),
    r = new Float64Array(3);
  for (let f = 0; f < frames; f++) {
    const f0 = Math.min(f, frames - 2),
      f1 = f0 + 1;
    if (f0 < 0) break;
    for (let j = 0; j < jc; j++) {
      for (let k = 0; k < 4; k++) {
        a[k] = rot[(f1 * jc + j) * 4 + k]!;
        b[k] = rot[(f0 * jc + j) * 4 + k]!;
      }
      qMulInvB(d, a, b);
      qLog(r, d);
      v.set(r, (f * jc + j) * 3);
    }
  }
  return v;
}

/** The seam error of a clip played as a loop (last frame → first): what closing the seam has to cancel. */
export function seamErrorDeg(m: Motion): number {
  const n = m.frames;
  if (n < 3) return 0;
  const jc = m.skeleton.parents.length;
  const rot = headingFree(m);
  const a = new Float64Array(4),
    b = new Float64Array(4),
    d = new Float64Array(4);
  const vS = new Float64Array(3),
    vE = new Float64Array(3),
    jump = new Float64Array(3);
  const step = (f1: number, f0: number, j: number, out: Float64Array): void => {
    for (let k = 0; k < 4; k++) {
      a[k] = rot[(f1 * jc + j) * 4 + k]!;
      b[k] = rot[(f0 * jc + j) * 4 + k]!;
    }
    qMulInvB(d, a, b);
    qLog(out, d);
  };
  let sum = 0;
  for (let j = 0; j < jc; j++) {
    step(1, 0, j, vS);
    step(n - 1, n - 2, j, vE);
    step(0, n - 1, j, jump);
    for (let k = 0; k < 3; k++) {
      const e = jump[k]! - 0.5 * (vS[k]! + vE[k]!);
      sum += e * e;
    }
  }
  return (Math.sqrt(sum / jc) * 180) / Math.PI;
}

export function autoLoop(m: Motion, opts: AutoLoopOptions = {}): AutoLoopResult {
  const n = m.frames;
  const jc = m.skeleton.parents.length;
  if (n < 8) throw new RangeError(`auto loop needs a clip of at least 8 frames (got ${n})`);
  const minFrames = Math.max(4, Math.min(Math.round((opts.minSec ?? 0.6) * m.fps), Math.floor(0.8 * (n - 1))));
  const rot = headingFree(m);
  const vel = angularVelocity(rot, n, jc);
  let best = { a: 0, b: n - 1, score: Infinity, cost: Infinity };
  for (let a = 0; a < n - minFrames; a++) {
    for (let b = a + minFrames; b < n; b++) {
      let pose = 0,
        motion = 0;
      for (let j = 0; j < jc; j++) {
        const oa = (a * jc + j) * 4,
          ob = (b * jc + j) * 4;
        const dot = rot[oa]! * rot[ob]! + rot[oa + 1]! * rot[ob + 1]! + rot[oa + 2]! * rot[ob + 2]! + rot[oa + 3]! * rot[ob + 3]!;
        pose += 1 - dot * dot; // ≈ (angle / 2)² for small angles, sign-blind like rotations are
        const va = (a * jc + j) * 3,
          vb = (b * jc + j) * 3;
        for (let k = 0; k < 3; k++) {
          const e = vel[va + k]! - vel[vb + k]!;
          motion += e * e;
        }
      }
      const dy = m.rootPos[a * 3 + 1]! - m.rootPos[b * 3 + 1]!;
      const dvy = m.rootPos[Math.min(a + 1, n - 1) * 3 + 1]! - m.rootPos[a * 3 + 1]! - (m.rootPos[Math.min(b + 1, n - 1) * 3 + 1]! - m.rootPos[b * 3 + 1]!);
      const cost = pose / jc + (VELOCITY_WEIGHT * motion) / jc + HEIGHT_WEIGHT * (dy * dy + dvy * dvy);
      const score = cost * (1 + SHORT_PENALTY * (1 - (b - a) / (n - 1)));
      if (score < best.score) best = { a, b, score, cost };
    }
  }
  // Frame b matches frame a, so the loop plays a … b−1 and then returns to a.
  const window = sliceMotion(m, best.a, best.b - best.a);
  const closed = loop(window, { reps: 1 });
  return {
    startSec: best.a / m.fps,
    endSec: best.b / m.fps,
    seamErrorDeg: seamErrorDeg(window),
    closedSeamErrorDeg: seamErrorDeg(closed),
    window,
    motion: closed,
  };
}
