/**
 * Inpainting: replace time windows of a motion with new material described by a prompt.
 * For each window [a, b] a segment is synthesized starting from the character's actual state at a;
 * its root path is bent (smoothstep-weighted offset, zero at a) so it ends exactly where the
 * original was at b, which keeps everything after b in place. The new segment is cross-faded in over
 * `blendSec` before a and out over `blendSec` after b; frames outside [a − blend, b + blend] are
 * copied bit-for-bit from the input.
 */
import { cloneMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { mixSeed } from '../core/rng.ts';
import { parsePrompt } from '../prompt/parse.ts';
import { footLock, floorGuard } from '../post/footlock.ts';
import { smoothstep } from '../synth/smooth.ts';
import { synthesizeVariant } from '../text2motion.ts';
import { blendFrame, copyFrame } from './blend.ts';
import { stateAt } from './state.ts';
import { qHeading, qMul, qYaw } from '../core/quat.ts';

export interface InpaintParams {
  prompt: string;
  /** Windows to replace, in seconds. Overlapping windows are merged. */
  intervals: { start: number; end: number }[];
  seed: number;
  /** Cross-fade length on each side of a window, seconds (default 0.25). */
  blendSec?: number;
}

/** Windows in frames, clamped to the clip, sorted and merged. */
export function inpaintWindows(m: Motion, intervals: readonly { start: number; end: number }[]): [number, number][] {
  const last = m.frames - 1;
  const w = intervals
    .map((iv) => [Math.max(0, Math.min(last, Math.round(iv.start * m.fps))), Math.max(0, Math.min(last, Math.round(iv.end * m.fps)))] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((p, q) => p[0] - q[0]);
  const out: [number, number][] = [];
  for (const iv of w) {
    const prev = out[out.length - 1];
    if (prev && iv[0] <= prev[1]) prev[1] = Math.max(prev[1], iv[1]);
    else out.push([iv[0], iv[1]]);
  }
  return out;
}

export function inpaint(motion: Motion, params: InpaintParams): Motion {
  if (!params.intervals.length) throw new Error('inpaint needs at least one {start, end} interval');
  if (!Number.isInteger(params.seed) || params.seed < 0) throw new Error('seed must be a whole number ≥ 0');
  const windows = inpaintWindows(motion, params.intervals);
  if (!windows.length) throw new Error('inpaint intervals are empty or outside the motion');
  const plan = parsePrompt(params.prompt);
  const B = Math.max(0, Math.round((params.blendSec ?? 0.25) * motion.fps));
  let out = cloneMotion(motion);
  const jc = motion.skeleton.parents.length;
  windows.forEach(([a, b], wi) => {
    const n = b - a + 1;
    const st = stateAt(motion, a);
    const seg = synthesizeVariant({ plan, durationSec: (n - 1) / motion.fps, fps: motion.fps, seed: mixSeed(params.seed, wi, 0x1a9), state: st });
    // Bend the new root path so its last frame lands on the original frame b (position and heading).
    const endYaw = qHeading(motion.rot.subarray(b * jc * 4, b * jc * 4 + 4));
    const segYaw = qHeading(seg.rot.subarray((n - 1) * jc * 4, (n - 1) * jc * 4 + 4));
    let dyaw = endYaw - segYaw;
    dyaw -= 2 * Math.PI * Math.round(dyaw / (2 * Math.PI));
    const dx = motion.rootPos[b * 3]! - seg.rootPos[(n - 1) * 3]!,
      dz = motion.rootPos[b * 3 + 2]! - seg.rootPos[(n - 1) * 3 + 2]!;
    const dy = motion.rootPos[b * 3 + 1]! - seg.rootPos[(n - 1) * 3 + 1]!;
    const y = new Float64Array(4),
      q = new Float64Array(4);
    for (let i = 0; i < n; i++) {
      const w = smoothstep(i / Math.max(1, n - 1));
      seg.rootPos[i * 3] = seg.rootPos[i * 3]! + dx * w;
      seg.rootPos[i * 3 + 1] = seg.rootPos[i * 3 + 1]! + dy * w;
      seg.rootPos[i * 3 + 2] = seg.rootPos[i * 3 + 2]! + dz * w;
      const o = i * jc * 4;
      qYaw(y, dyaw * w);
      for (let k = 0; k < 4; k++) q[k] = seg.rot[o + k]!;
      qMul(q, y, q);
      for (let k = 0; k < 4; k++) seg.rot[o + k] = q[k]!;
    }
    const composite = cloneMotion(out);
    // Fade in over [a − B, a + B], hold the new segment, fade out over [b − B, b + B].
    const lo = Math.max(0, a - B),
      hi = Math.min(motion.frames - 1, b + B);
    for (let f = lo; f <= hi; f++) {
      const wIn = B > 0 ? smoothstep((f - (a - B)) / (2 * B)) : f >= a ? 1 : 0;
      const wOut = B > 0 ? 1 - smoothstep((f - (b - B)) / (2 * B)) : f <= b ? 1 : 0;
      const w = Math.min(wIn, wOut);
      const sf = Math.min(n - 1, Math.max(0, f - a));
      if (w >= 1) copyFrame(composite, f, seg, sf);
      else blendFrame(composite, f, out, f, seg, sf, w);
    }
    out = composite;
  });
  // Clean up the edited ranges, then restore every frame outside them exactly.
  const cleaned = floorGuard(footLock(out, 'auto'));
  const result = cloneMotion(motion);
  for (const [a, b] of windows) {
    for (let f = Math.max(0, a - B); f <= Math.min(motion.frames - 1, b + B); f++) copyFrame(result, f, cleaned, f);
  }
  return result;
}
