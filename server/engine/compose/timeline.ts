/**
 * Plan → Track → Motion for one variant: run the generators segment by segment (consecutive
 * stepping segments are merged into one locomotion run so the gait never stops between them),
 * inertialize every segment boundary, layer upper-body gestures, then solve the legs.
 */
import type { Motion } from '../core/motion.ts';
import { JOINT_COUNT } from '../core/skeleton.ts';
import type { Rng } from '../core/rng.ts';
import { gaitOf } from '../prompt/describe.ts';
import { isLocomotion, isUpperBody } from '../prompt/parse.ts';
import type { PlanStep } from '../prompt/plan.ts';
import type { GenCtx } from '../synth/context.ts';
import { GAITS } from '../synth/gaits.ts';
import { synthIdle } from '../synth/idle.ts';
import { synthJump } from '../synth/jump.ts';
import { synthLocomotion } from '../synth/locomotion.ts';
import type { LocoPart } from '../synth/locomotion.ts';
import { synthSit } from '../synth/sit.ts';
import { layerWave } from '../synth/gestures/wave.ts';
import { initialState } from '../synth/state.ts';
import type { Style, SynthState, VariantParams } from '../synth/state.ts';
import { FOOT_STRIDE, createTrack } from '../synth/track.ts';
import type { Track } from '../synth/track.ts';
import { inertializeQuat, inertializeScalar } from './inertialize.ts';
import { finishTrack } from './finish.ts';
import type { Segment } from './fit.ts';
import { jumpParamsOf } from './fit.ts';
import { synthAction, layerGesture } from './dispatch.ts';

/** Half-life of transition offsets: short enough to feel responsive, long enough to hide pose jumps. */
export const TRANSITION_HALF_LIFE = 0.1;

const STEPPING = (a: PlanStep['action']): boolean => isLocomotion(a) || a === 'turn' || a === 'spin';

function locoPart(s: PlanStep, n: number, prev: PlanStep | undefined, next: PlanStep | undefined): LocoPart {
  if (s.action === 'turn' || s.action === 'spin') {
    // A turn between walking segments keeps walking slowly through the turn instead of stopping.
    const moving = [prev, next].filter((p) => p && isLocomotion(p.action)) as PlanStep[];
    const v = moving.length === 2 ? Math.min(...moving.map((p) => p.speed ?? 1)) * 0.5 : 0;
    const gait = moving[0] ? gaitOf(moving[0].action) : 'walk';
    return { n, gait: gait === 'run' || gait === 'jog' ? 'walk' : gait, speed: v, dir: 0, turn: s.angle ?? Math.PI / 2 };
  }
  const gait = gaitOf(s.action);
  const part: LocoPart = { n, gait, speed: s.speed ?? GAITS[gait].speed, dir: s.dir ?? 0, turn: s.angle ?? 0 };
  if (s.distance !== undefined) part.distance = s.distance;
  return part;
}

export interface SynthResult { motion: Motion; boundaries: number[] }

export function synthesizeSegments(segments: readonly Segment[], frames: number, fps: number, rng: Rng, vp: VariantParams, style: Style, state?: SynthState): SynthResult {
  const tr = createTrack(frames, fps);
  const st = state ?? initialState(vp.stanceWidth, vp.toeOut);
  const boundaries: number[] = [];
  const ctxFor = (start: number, n: number, label: string): GenCtx => ({ tr, start, n, st, rng: rng.fork(label), vp, style });
  let i = 0;
  while (i < segments.length) {
    const seg = segments[i]!;
    if (i > 0) boundaries.push(seg.start);
    const a = seg.step.action;
    if (STEPPING(a) && st.posture === 'stand') {
      let j = i;
      const parts: LocoPart[] = [];
      while (j < segments.length && STEPPING(segments[j]!.step.action)) {
        parts.push(locoPart(segments[j]!.step, segments[j]!.n, segments[j - 1]?.step, segments[j + 1]?.step));
        j++;
      }
      const n = parts.reduce((s, p) => s + p.n, 0);
      synthLocomotion(ctxFor(seg.start, n, `loco${i}`), parts);
      for (let k = i; k < j; k++) overlays(segments[k]!, ctxFor(segments[k]!.start, segments[k]!.n, `with${k}`));
      i = j;
      continue;
    }
    const ctx = ctxFor(seg.start, seg.n, `seg${i}`);
    if (a === 'jump' || a === 'hop') synthJump(ctx, jumpParamsOf(seg.step));
    else if (a === 'sit') synthSit(ctx, 'down');
    else if (a === 'standUp') synthSit(ctx, 'up');
    else if (a === 'idle' || isUpperBody(a) || STEPPING(a)) {
      // Gestures sequenced on their own ride on idle (or on the seated hold when sitting).
      if (st.posture === 'sit') synthSit(ctx, 'down'); else synthIdle(ctx);
    } else synthAction(ctx, seg.step, i === segments.length - 1);
    if (isUpperBody(a)) applyLayer(seg.step, ctxFor(seg.start, seg.n, `gesture${i}`));
    overlays(seg, ctxFor(seg.start, seg.n, `with${i}`));
    i++;
  }
  inertializeTrack(tr, boundaries);
  return { motion: finishTrack(tr), boundaries };
}

function applyLayer(step: PlanStep, ctx: GenCtx): void {
  if (step.action === 'wave') layerWave(ctx, { side: step.side ?? 1, cycles: step.count !== undefined ? step.count * 2 : 99, both: step.both ?? false });
  else layerGesture(ctx, step);
}

function overlays(seg: Segment, ctx: GenCtx): void {
  for (const w of seg.step.with) applyLayer(w, ctx);
}

/** Smooths every channel a generator writes across each boundary. */
export function inertializeTrack(tr: Track, boundaries: readonly number[]): void {
  const H = TRANSITION_HALF_LIFE;
  for (const b of boundaries) {
    for (let j = 0; j < JOINT_COUNT; j++) inertializeQuat(tr.rot, JOINT_COUNT, j, b, tr.n, tr.fps, H);
    for (let c = 0; c < 3; c++) inertializeScalar(tr.root, 3, c, b, tr.n, tr.fps, H);
    inertializeScalar(tr.yaw, 1, 0, b, tr.n, tr.fps, H, true);
    // Foot orientation channels only: positions are continuous by construction (planted feet carry over).
    for (let s = 0; s < 2; s++) for (const c of [4, 5, 6]) inertializeScalar(tr.feet, 2 * FOOT_STRIDE, s * FOOT_STRIDE + c, b, tr.n, tr.fps, H);
  }
}
