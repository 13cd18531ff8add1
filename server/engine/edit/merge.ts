/**
 * Merging: continue a motion with new material from a prompt. The right part is synthesized from
 * the left part's final state (position, heading, feet), then the left tail and right head are
 * trimmed, the right part is re-anchored so its first frame sits on the left's last kept frame
 * (heading-relative), and the two overlap for `blendSec` with a smoothstep cross-fade.
 * Output length = (left − trimLeft) + (right − trimRight) − blend frames.
 */
import { createMotion, sliceMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { mixSeed } from '../core/rng.ts';
import { qHeading } from '../core/quat.ts';
import { parsePrompt } from '../prompt/parse.ts';
import { floorGuard, footLock } from '../post/footlock.ts';
import { inertializeMotion } from './seam.ts';
import { smoothstep } from '../synth/smooth.ts';
import { synthesizeVariant } from '../text2motion.ts';
import { blendFrame, copyFrame, transformRoot } from './blend.ts';
import { stateAt } from './state.ts';

export interface MergeParams {
  prompt: string;
  /** Frames cut from the end of the left motion. */
  trimLeftFrames?: number;
  /** Frames cut from the start of the synthesized right motion. */
  trimRightFrames?: number;
  /** Overlap cross-fade, seconds (default 0.3). */
  blendSec?: number;
  /** Length of the right part before trimming, seconds (0/undefined = engine decides). */
  durationSec?: number;
  seed: number;
}

export function mergeLength(leftFrames: number, rightFrames: number, trimLeft: number, trimRight: number, blendFrames: number): number {
  return leftFrames - trimLeft + (rightFrames - trimRight) - blendFrames;
}

export function merge(left: Motion, params: MergeParams): Motion {
  if (!Number.isInteger(params.seed) || params.seed < 0) throw new Error('seed must be a whole number ≥ 0');
  const fps = left.fps;
  const trimL = Math.max(0, Math.floor(params.trimLeftFrames ?? 0));
  const trimR = Math.max(0, Math.floor(params.trimRightFrames ?? 0));
  if (trimL >= left.frames) throw new Error(`trimLeftFrames (${trimL}) must be smaller than the motion (${left.frames} frames)`);
  const A = sliceMotion(left, 0, left.frames - trimL);
  const st = stateAt(A, A.frames - 1);
  const plan = parsePrompt(params.prompt);
  const right = synthesizeVariant({ plan, durationSec: params.durationSec ?? 0, fps, seed: mixSeed(params.seed, 0x3e6), state: st });
  if (trimR >= right.frames) throw new Error(`trimRightFrames (${trimR}) must be smaller than the new part (${right.frames} frames)`);
  const Bm = sliceMotion(right, trimR, right.frames - trimR);
  const nb = Math.max(0, Math.min(Math.round((params.blendSec ?? 0.3) * fps), A.frames - 1, Bm.frames - 1));
  // Re-anchor B so that its first frame coincides with A's first overlap frame (heading and ground
  // position; height stays as synthesized, both stand on the same floor). Without overlap, B's first
  // frame goes one frame-step past A's last frame so the seam keeps A's velocity.
  const jc = left.skeleton.parents.length;
  const last = A.frames - 1;
  let ax: number, az: number, ayaw: number;
  if (nb > 0) {
    const fa = A.frames - nb;
    ax = A.rootPos[fa * 3]!;
    az = A.rootPos[fa * 3 + 2]!;
    ayaw = qHeading(A.rot.subarray(fa * jc * 4, fa * jc * 4 + 4));
  } else {
    const p = Math.max(0, last - 1);
    ax = 2 * A.rootPos[last * 3]! - A.rootPos[p * 3]!;
    az = 2 * A.rootPos[last * 3 + 2]! - A.rootPos[p * 3 + 2]!;
    ayaw = qHeading(A.rot.subarray(last * jc * 4, last * jc * 4 + 4));
  }
  const yawB = qHeading(Bm.rot.subarray(0, 4));
  transformRoot(Bm, ayaw - yawB, Bm.rootPos[0]!, Bm.rootPos[2]!, ax - Bm.rootPos[0]!, az - Bm.rootPos[2]!);
  const total = mergeLength(A.frames, Bm.frames, 0, 0, nb);
  const out = createMotion(total, fps, left.skeleton);
  const o = A.frames - nb; // first output frame that B contributes to
  for (let f = 0; f < o; f++) copyFrame(out, f, A, f);
  for (let i = 0; i < nb; i++) blendFrame(out, o + i, A, o + i, Bm, i, smoothstep((i + 1) / (nb + 1)));
  for (let i = nb; i < Bm.frames; i++) copyFrame(out, o + i, Bm, i);
  // With no overlap, inertialize the hard seam instead.
  const seamed = nb === 0 ? inertializeMotion(out, [A.frames]) : out;
  return floorGuard(footLock(seamed, 'auto'));
}
