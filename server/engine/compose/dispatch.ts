/**
 * Routes actions that are not locomotion, jumps or sitting on a chair to their generators.
 * Full-body actions write the whole pose; upper-body gestures are layers over a base segment.
 */
import { Rng } from '../core/rng.ts';
import type { ActionKind, PlanStep } from '../prompt/plan.ts';
import type { GenCtx } from '../synth/context.ts';
import { synthDance } from '../synth/dance.ts';
import { GESTURES } from '../synth/gestures/catalog.ts';
import { runGesture } from '../synth/gestures/runner.ts';
import { synthJumpingJacks } from '../synth/jumpingJacks.ts';
import { synthKick } from '../synth/kick.ts';
import { synthPosture } from '../synth/postures.ts';

export function hasLayer(a: ActionKind): boolean {
  return a in GESTURES;
}

export function layerGesture(ctx: GenCtx, step: PlanStep): void {
  const make = GESTURES[step.action];
  if (!make) throw new Error(`no gesture generator for "${step.action}"`);
  runGesture(ctx, make(step, new Rng(Math.floor(ctx.rng.next() * 4294967296))));
}

/** Full-body actions; `last` tells posture actions whether to rise again before the segment ends. */
export function synthAction(ctx: GenCtx, step: PlanStep, last: boolean): void {
  switch (step.action) {
    case 'crouch': case 'kneel': case 'sitFloor': case 'lieDown':
      synthPosture(ctx, step.action, { rise: !last });
      return;
    case 'squat':
      synthPosture(ctx, 'squat', step.count !== undefined ? { rise: true, count: step.count } : { rise: true });
      return;
    case 'kick':
      synthKick(ctx, { ...(step.side !== undefined ? { side: step.side } : {}), ...(step.count !== undefined ? { count: step.count } : {}) });
      return;
    case 'dance':
      synthDance(ctx);
      return;
    case 'jumpingJacks':
      synthJumpingJacks(ctx, step.count);
      return;
    default:
      throw new Error(`no full-body generator for "${step.action}"`);
  }
}
