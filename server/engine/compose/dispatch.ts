/**
 * Routes actions that are not locomotion, jumps or sitting to their generators.
 * Full-body actions write the whole pose; upper-body gestures are layers over a base segment.
 */
import type { ActionKind, PlanStep } from '../prompt/plan.ts';
import type { GenCtx } from '../synth/context.ts';
import { synthIdle } from '../synth/idle.ts';

const LAYERS = new Set<ActionKind>([]);

export function hasLayer(a: ActionKind): boolean {
  return LAYERS.has(a);
}

export function layerGesture(ctx: GenCtx, step: PlanStep): void {
  void ctx; void step;
}

export function synthAction(ctx: GenCtx, step: PlanStep): void {
  void step;
  synthIdle(ctx);
}
