/**
 * Refine: new takes on a motion with controlled creativity c ∈ [0, 1] (engine.md §6.2).
 * Per variant, from its own seed:
 *  - exaggeration: each upper-body joint's deviation from its mean orientation is scaled by
 *    1 + 0.6·c (× a per-variant factor), in rotation-vector space;
 *  - an easing time-warp t' = t + A·sin(2πmt/D) with A ∝ c (anticipation/overshoot), which keeps
 *    the first and last frames and stays monotonic;
 *  - follow-through: a critically damped lag on spine, head and arms with half-life ∝ c;
 *  - smooth noise on the upper body with amplitude ∝ c².
 * With a prompt, the motion is first re-synthesized from that prompt (same length, same start).
 * Legs are re-solved by foot locking afterwards; c = 0 only re-cleans (foot lock + floor guard).
 */
import { cloneMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { Rng, mixSeed } from '../core/rng.ts';
import { qAlignSign, qExp, qLog, qMul, qMulInvA, qNormalize, qSlerp } from '../core/quat.ts';
import { ARM, J } from '../core/skeleton.ts';
import { parsePrompt } from '../prompt/parse.ts';
import { floorGuard, footLock } from '../post/footlock.ts';
import { synthesizeVariant } from '../text2motion.ts';
import { stateAt } from './state.ts';

export interface RefineParams {
  prompt?: string;
  /** 0 = only clean up, 1 = most creative. */
  creativity: number;
  seed: number;
  /** 1..8, default 1. */
  variants?: number;
}

const UPPER = [J.spine, J.chest, J.upperChest, J.neck, J.head, ...ARM.flatMap((a) => [a.shoulder, a.upper, a.lower, a.hand])];

/** Resamples every channel at warped times (slerp for rotations, lerp for the root). */
function timeWarp(m: Motion, amp: number, cycles: number): Motion {
  const out = cloneMotion(m);
  const n = m.frames,
    jc = m.skeleton.parents.length;
  const a = new Float64Array(4),
    b = new Float64Array(4);
  for (let f = 1; f < n - 1; f++) {
    const t = f + amp * m.fps * Math.sin((2 * Math.PI * cycles * f) / (n - 1));
    const i = Math.max(0, Math.min(n - 2, Math.floor(t))),
      u = Math.max(0, Math.min(1, t - i));
    for (let j = 0; j < jc; j++) {
      for (let k = 0; k < 4; k++) {
        a[k] = m.rot[(i * jc + j) * 4 + k]!;
        b[k] = m.rot[((i + 1) * jc + j) * 4 + k]!;
      }
      qSlerp(a, a, b, u);
      for (let k = 0; k < 4; k++) out.rot[(f * jc + j) * 4 + k] = a[k]!;
    }
    for (let k = 0; k < 3; k++) out.rootPos[f * 3 + k] = m.rootPos[i * 3 + k]! * (1 - u) + m.rootPos[(i + 1) * 3 + k]! * u;
    const src = u < 0.5 ? i : i + 1;
    out.contacts[f * 2] = m.contacts[src * 2]!;
    out.contacts[f * 2 + 1] = m.contacts[src * 2 + 1]!;
  }
  return out;
}

function stylize(src: Motion, c: number, rng: Rng): Motion {
  const m = cloneMotion(src);
  const n = m.frames,
    jc = m.skeleton.parents.length,
    fps = m.fps;
  const q = new Float64Array(4),
    mean = new Float64Array(4),
    v = new Float64Array(3),
    lag = new Float64Array(3),
    lagV = new Float64Array(3);
  const gain = 1 + 0.6 * c * rng.range(0.6, 1.4);
  const halfLife = 0.07 * c * rng.range(0.7, 1.3);
  const noiseAmp = 0.12 * c * c;
  for (const j of UPPER) {
    // Mean orientation (hemisphere-aligned normalised sum) as the reference for deviations.
    mean.fill(0);
    for (let f = 0; f < n; f++) {
      const o = (f * jc + j) * 4;
      for (let k = 0; k < 4; k++) q[k] = m.rot[o + k]!;
      if (f > 0) qAlignSign(q, 0, mean, 0);
      for (let k = 0; k < 4; k++) mean[k] = mean[k]! + q[k]!;
    }
    qNormalize(mean);
    const freqs = [rng.range(0.3, 0.7), rng.range(0.7, 1.3)],
      phases = [rng.range(0, 6.3), rng.range(0, 6.3)];
    const axis = [rng.range(-1, 1), rng.range(-1, 1), rng.range(-1, 1)];
    const al = Math.hypot(axis[0]!, axis[1]!, axis[2]!) || 1;
    const y = halfLife > 0 ? (2 * Math.LN2) / halfLife : 0;
    for (let f = 0; f < n; f++) {
      const o = (f * jc + j) * 4;
      for (let k = 0; k < 4; k++) q[k] = m.rot[o + k]!;
      qMulInvA(q, mean, q);
      qLog(v, q);
      for (let k = 0; k < 3; k++) v[k] = v[k]! * gain;
      // Follow-through: the joint trails its own target with a critically damped spring.
      if (y > 0) {
        if (f === 0) {
          for (let k = 0; k < 3; k++) {
            lag[k] = v[k]!;
            lagV[k] = 0;
          }
        } else {
          const dt = 1 / fps,
            e = Math.exp(-y * dt);
          for (let k = 0; k < 3; k++) {
            const x0 = lag[k]! - v[k]!,
              j0 = lagV[k]! + x0 * y;
            lag[k] = e * (x0 + j0 * dt) + v[k]!;
            lagV[k] = e * (lagV[k]! - j0 * y * dt);
          }
        }
        for (let k = 0; k < 3; k++) v[k] = lag[k]!;
      }
      const t = f / fps;
      const nz = noiseAmp * (Math.sin(2 * Math.PI * freqs[0]! * t + phases[0]!) + 0.5 * Math.sin(2 * Math.PI * freqs[1]! * t + phases[1]!));
      for (let k = 0; k < 3; k++) v[k] = v[k]! + (nz * axis[k]!) / al;
      qExp(q, v);
      qMul(q, mean, q);
      for (let k = 0; k < 4; k++) m.rot[o + k] = q[k]!;
    }
  }
  const warpAmp = c * rng.range(0.03, 0.08);
  const cycles = Math.max(1, Math.round((n - 1) / fps / rng.range(1.5, 3)));
  // Keep the warp monotonic: its slope 2π·cycles·amp·fps/(n−1) must stay below 1.
  const maxAmp = (0.5 * (n - 1)) / (2 * Math.PI * cycles * fps);
  return timeWarp(m, Math.min(warpAmp, maxAmp), cycles);
}

export function refine(motion: Motion, p: RefineParams): Motion[] {
  const c = p.creativity;
  if (!(c >= 0 && c <= 1)) throw new Error('creativity must be between 0 and 1');
  if (!Number.isInteger(p.seed) || p.seed < 0) throw new Error('seed must be a whole number ≥ 0');
  const variants = p.variants ?? 1;
  if (!Number.isInteger(variants) || variants < 1 || variants > 8) throw new Error('variants must be a whole number from 1 to 8');
  const plan = p.prompt && p.prompt.trim() ? parsePrompt(p.prompt) : null;
  const out: Motion[] = [];
  for (let k = 0; k < variants; k++) {
    const rng = new Rng(mixSeed(p.seed, k, 0x7ef));
    let base = motion;
    if (plan && plan.steps.length) {
      base = synthesizeVariant({ plan, durationSec: (motion.frames - 1) / motion.fps, fps: motion.fps, seed: mixSeed(p.seed, k, 0x5e1), state: stateAt(motion, 0) });
    }
    const styled = c > 0 ? stylize(base, c, rng) : base;
    out.push(floorGuard(footLock(styled, 'auto')));
  }
  return out;
}
