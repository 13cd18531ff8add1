/**
 * Prompt → motions: parse once, then for each variant draw its own parameters from a seed derived
 * from (seed, prompt, variant index), synthesize, and clean up. Same inputs give identical bytes.
 */
import { cloneMotion } from './core/motion.ts';
import type { Motion } from './core/motion.ts';
import { Rng, hashString, mixSeed } from './core/rng.ts';
import { fitSegments, withPostureTransitions } from './compose/fit.ts';
import { synthesizeSegments } from './compose/timeline.ts';
import { parsePrompt } from './prompt/parse.ts';
import type { Plan } from './prompt/plan.ts';
import { summarizePlan } from './prompt/report.ts';
import type { PlanSummary } from './prompt/report.ts';
import { postProcess } from './post/pipeline.ts';
import type { FootLockingMode } from './post/footlock.ts';
import { sampleVariantParams } from './synth/state.ts';
import { clipOf, poseDistance } from './eval/metrics.ts';
import type { PositionClip } from './eval/metrics.ts';
import type { SynthState } from './synth/state.ts';
import type { SceneOut } from './actions/scene.ts';
import { applyConstraints, describeConstraints, hasConstraints } from './constraints/apply.ts';
import { constrainedDuration } from './constraints/duration.ts';
import type { Constraints } from './constraints/types.ts';

export interface Text2MotionParams {
  prompt: string;
  /** 1..8 */
  variants: number;
  /** Seconds; 0 lets the engine decide from the plan. */
  durationSec: number;
  footLocking: FootLockingMode;
  /** 0..1 */
  poseFiltering: number;
  physicsFilter: boolean;
  /** Integer ≥ 0. */
  seed: number;
  /** Default 30. */
  fps?: number;
  /** Paths, key poses and pins (constraints/types.ts), solved after clean-up. */
  constraints?: Constraints;
}

/** What the engine read of the prompt: the planned steps (chips), ignored words, unread clauses with suggestions, alternatives; scene proxies per variant. */
export type PromptReport = Pick<PlanSummary, 'understood' | 'ignored'> & Partial<Omit<PlanSummary, 'understood' | 'ignored'>> & { scenes?: SceneOut[] };
export interface EngineProgress {
  done: number;
  total: number;
  stage: string;
}

function validateParams(p: Text2MotionParams): void {
  if (typeof p.prompt !== 'string') throw new Error('prompt must be a string');
  if (!Number.isInteger(p.variants) || p.variants < 1 || p.variants > 8) throw new Error(`variants must be a whole number from 1 to 8 (got ${p.variants})`);
  if (!(p.durationSec >= 0) || p.durationSec > 600) throw new Error(`durationSec must be 0 (engine decides) or a positive number of seconds (got ${p.durationSec})`);
  if (!['auto', 'always', 'never', 'grounding'].includes(p.footLocking)) throw new Error(`footLocking must be auto, always, never or grounding (got ${String(p.footLocking)})`);
  if (!(p.poseFiltering >= 0 && p.poseFiltering <= 1)) throw new Error(`poseFiltering must be between 0 and 1 (got ${p.poseFiltering})`);
  if (!Number.isInteger(p.seed) || p.seed < 0) throw new Error(`seed must be a whole number ≥ 0 (got ${p.seed})`);
  if (p.fps !== undefined && !(p.fps >= 1 && p.fps <= 240)) throw new Error(`fps must be between 1 and 240 (got ${p.fps})`);
}

/** Seed of variant k: depends on the job seed, the prompt and k, so variants are independent but reproducible. */
function variantSeed(seed: number, prompt: string, k: number): number {
  return mixSeed(seed, hashString(prompt.trim().toLowerCase()), k);
}

export interface VariantOptions {
  plan: Plan;
  durationSec: number;
  fps: number;
  seed: number;
  /** Where the character starts (edits continue from an existing pose); defaults to standing at the origin. */
  state?: SynthState;
}

/** One variant, before post-processing. Exposed for edit operations that synthesize partial motions. */
export function synthesizeVariant(o: VariantOptions): Motion {
  return synthesizeVariantScene(o).motion;
}

/** One variant and the scene proxies and props its actions imply (stairs, a cup in the hand). */
function synthesizeVariantScene(o: VariantOptions): { motion: Motion; scene: SceneOut } {
  const rng = new Rng(o.seed);
  const vp = sampleVariantParams(rng.fork('body'));
  const jitterRng = rng.fork('timing');
  const jit = o.plan.steps.map(() => jitterRng.jitter(0.08));
  const steps = withPostureTransitions(o.plan.steps);
  const { segments, frames } = fitSegments(steps, o.durationSec, o.fps, (i) => jit[i % Math.max(1, jit.length)] ?? 1);
  const r = synthesizeSegments(segments, frames, o.fps, rng.fork('synth'), vp, o.plan.style, o.state);
  return { motion: r.motion, scene: r.scene };
}

/** Minimum mean joint distance (metres) between two variants for them to count as different takes. */
const MIN_VARIANT_DISTANCE = 0.01;

function tooSimilar(c: PositionClip, others: readonly PositionClip[]): boolean {
  return others.some((o) => poseDistance(c, o) < MIN_VARIANT_DISTANCE);
}

export interface Text2MotionResult {
  motions: Motion[];
  report: PromptReport;
  /** Per variant: the scene proxies (stairs, ladder, box) and held props its actions imply. */
  scenes: SceneOut[];
}

export function text2motion(params: Text2MotionParams, onProgress?: (p: EngineProgress) => void): Text2MotionResult {
  validateParams(params);
  return motionsFromPlan(parsePrompt(params.prompt), params, onProgress);
}

/** Synthesizes and post-processes the variants of an already-read plan (tests build plans directly). */
export function motionsFromPlan(plan: Plan, params: Text2MotionParams, onProgress?: (p: EngineProgress) => void): Text2MotionResult {
  const fps = params.fps ?? 30;
  // Constraints: an auto-length clip must cover the path and every key time.
  const constraints = hasConstraints(params.constraints) ? params.constraints : null;
  if (constraints) params = { ...params, durationSec: constrainedDuration(plan, constraints, params.durationSec) };
  const report: PromptReport = summarizePlan(plan);
  if (plan.steps.length === 0) report.understood.push('idle (no action recognised; standing idle)');
  if (constraints) report.understood.push(describeConstraints(constraints));
  const total = params.variants * 2;
  let done = 0;
  const motions: Motion[] = [];
  const clips: PositionClip[] = [];
  const scenes: SceneOut[] = [];
  for (let k = 0; k < params.variants; k++) {
    const label = `variant ${k + 1}/${params.variants}`;
    onProgress?.({ done, total, stage: `${label}: synthesizing` });
    // Reject a draw that lands too close to an earlier variant (engine.md §6.2) and redraw from the
    // next seed in a fixed sequence, so the result stays reproducible.
    let v = synthesizeVariantScene({ plan, durationSec: params.durationSec, fps, seed: variantSeed(params.seed, params.prompt, k) });
    let clip = params.variants > 1 ? clipOf(v.motion) : null;
    for (let attempt = 1; clip && attempt < 4 && tooSimilar(clip, clips); attempt++) {
      v = synthesizeVariantScene({ plan, durationSec: params.durationSec, fps, seed: variantSeed(params.seed, params.prompt, k + 8 * attempt) });
      clip = clipOf(v.motion);
    }
    const raw = v.motion;
    scenes.push(v.scene);
    if (clip) clips.push(clip);
    onProgress?.({ done: ++done, total, stage: `${label}: post-processing` });
    let m = postProcess(raw, params);
    if (constraints) m = applyConstraints(m, constraints);
    motions.push(m === raw ? cloneMotion(m) : m);
    onProgress?.({ done: ++done, total, stage: `${label}: done` });
  }
  // Carried into the job result so the viewport can draw stairs, ladders and boxes under the character.
  if (scenes.some((s) => s.scene.length > 0 || s.props.length > 0)) report.scenes = scenes;
  return { motions, report, scenes };
}
