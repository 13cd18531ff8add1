/**
 * Plan → Track → Motion for one variant: run the generators segment by segment (consecutive
 * stepping segments are merged into one locomotion run so the gait never stops between them),
 * inertialize every segment boundary, layer upper-body gestures, then solve the legs.
 */
import type { Motion } from '../core/motion.ts';
import { JOINT_COUNT } from '../core/skeleton.ts';
import type { Rng } from '../core/rng.ts';
import type { PlanStep } from '../prompt/plan.ts';
import type { GenCtx } from '../synth/context.ts';
import { GAITS } from '../synth/gaits.ts';
import { synthIdle } from '../synth/idle.ts';
import { synthLocomotion } from '../synth/locomotion.ts';
import type { LocoPart } from '../synth/locomotion.ts';
import { synthSit } from '../synth/sit.ts';
import { initialState } from '../synth/state.ts';
import type { Style, SynthState, VariantParams } from '../synth/state.ts';
import { FOOT_STRIDE, createTrack } from '../synth/track.ts';
import type { Track } from '../synth/track.ts';
import { emptyScene } from '../actions/scene.ts';
import type { SceneOut } from '../actions/scene.ts';
import { gaitKindOf, isGait, isStepping, isUpper, layerGaitStyle, layerStep, registryEntry, runFull } from '../actions/registry.ts';
import { inertializeQuat, inertializeScalar } from './inertialize.ts';
import { finishTrack } from './finish.ts';
import type { Segment } from './fit.ts';

/** Half-life of transition offsets: short enough to feel responsive, long enough to hide pose jumps. */
const TRANSITION_HALF_LIFE = 0.1;

const STEPPING = isStepping;

function locoPart(s: PlanStep, n: number, prev: PlanStep | undefined, next: PlanStep | undefined): LocoPart {
  if (s.action === 'turn' || s.action === 'spin') {
    // A turn between walking segments keeps walking slowly through the turn instead of stopping.
    const moving = [prev, next].filter((p) => p && isGait(p.action)) as PlanStep[];
    const v = moving.length === 2 ? Math.min(...moving.map((p) => p.speed ?? 1)) * 0.5 : 0;
    const gait = moving[0] ? gaitKindOf(moving[0].action) : 'walk';
    return { n, gait: gait === 'run' || gait === 'jog' ? 'walk' : gait, speed: v, dir: 0, turn: s.angle ?? Math.PI / 2 };
  }
  const gait = gaitKindOf(s.action);
  const e = registryEntry(s.action);
  const dflt = e?.kind === 'gait' ? (e.dir ?? 0) : 0;
  const part: LocoPart = { n, gait, speed: s.speed ?? GAITS[gait].speed, dir: s.dir ?? dflt, turn: s.angle ?? 0 };
  if (s.distance !== undefined) part.distance = s.distance;
  return part;
}

export interface SynthResult {
  motion: Motion;
  boundaries: number[];
  scene: SceneOut;
}

export function synthesizeSegments(segments: readonly Segment[], frames: number, fps: number, rng: Rng, vp: VariantParams, style: Style, state?: SynthState): SynthResult {
  const tr = createTrack(frames, fps);
  const st = state ?? initialState(vp.stanceWidth, vp.toeOut);
  const boundaries: number[] = [];
  const out = emptyScene();
  const ctxFor = (start: number, n: number, label: string): GenCtx => ({ tr, start, n, st, rng: rng.fork(label), vp, style, out });
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
      for (let k = i; k < j; k++) {
        layerGaitStyle(ctxFor(segments[k]!.start, segments[k]!.n, `style${k}`), segments[k]!.step);
        overlays(segments[k]!, ctxFor(segments[k]!.start, segments[k]!.n, `with${k}`));
      }
      i = j;
      continue;
    }
    const ctx = ctxFor(seg.start, seg.n, `seg${i}`);
    if (isUpper(a)) {
      // Gestures sequenced on their own ride on idle (or on the seated hold when sitting).
      if (st.posture === 'sit') synthSit(ctx, 'down');
      else synthIdle(ctx);
      layerStep(ctxFor(seg.start, seg.n, `gesture${i}`), seg.step);
    } else if (STEPPING(a)) synthIdle(ctx);
    else runFull(ctx, seg.step, i === segments.length - 1, segments[i - 1]?.step, segments[i + 1]?.step);
    overlays(seg, ctxFor(seg.start, seg.n, `with${i}`));
    i++;
  }
  inertializeTrack(tr, boundaries);
  return { motion: finishTrack(tr), boundaries, scene: out };
}

function overlays(seg: Segment, ctx: GenCtx): void {
  for (const w of seg.step.with) if (isUpper(w.action) || registryEntry(w.action)?.kind === 'gesture') layerStep(ctx, w);
}

/** Smooths every channel a generator writes across each boundary. */
function inertializeTrack(tr: Track, boundaries: readonly number[]): void {
  const H = TRANSITION_HALF_LIFE;
  for (const b of boundaries) {
    for (let j = 0; j < JOINT_COUNT; j++) inertializeQuat(tr.rot, JOINT_COUNT, j, b, tr.n, tr.fps, H);
    for (let c = 0; c < 3; c++) inertializeScalar(tr.root, 3, c, b, tr.n, tr.fps, H);
    inertializeScalar(tr.yaw, 1, 0, b, tr.n, tr.fps, H, true);
    // Foot orientation channels only: positions are continuous by construction (planted feet carry over).
    for (let s = 0; s < 2; s++) for (const c of [4, 5, 6]) inertializeScalar(tr.feet, 2 * FOOT_STRIDE, s * FOOT_STRIDE + c, b, tr.n, tr.fps, H);
  }
}
