/**
 * Clip length when the user left it to the engine (durationSec 0) but drew constraints: long enough
 * to walk the whole path at the prompt's speed (or to reach its last arrival time) and to include
 * every key pose and pin, with half a second to settle.
 */
import type { Plan } from '../prompt/plan.ts';
import { pathPolyline } from './spline.ts';
import type { Constraints } from './types.ts';

/** Speed when the prompt names no gait speed: an unhurried walk. */
const DEFAULT_SPEED = 1.2;
/** Starting and stopping cost about this much time over constant-speed travel. */
const START_STOP_SEC = 1.0;
const SETTLE_SEC = 0.5;

export function constrainedDuration(plan: Plan, c: Constraints, durationSec: number): number {
  if (durationSec > 0) return durationSec;
  let need = 0;
  if (c.path) {
    const times = c.path.waypoints.map((w) => w.t).filter((t): t is number => t !== undefined);
    const last = c.path.waypoints[c.path.waypoints.length - 1]!;
    if (last.t !== undefined) need = last.t + SETTLE_SEC;
    else {
      const speed = plan.steps.find((s) => s.speed !== undefined && s.speed > 0)?.speed ?? DEFAULT_SPEED;
      need = Math.max(...times, 0) + pathPolyline(c.path.waypoints).length / speed + START_STOP_SEC;
    }
  }
  for (const k of c.keyPoses ?? []) need = Math.max(need, k.t + SETTLE_SEC);
  for (const p of c.pins ?? []) need = Math.max(need, p.end + SETTLE_SEC);
  return need > 0 ? need : 0;
}
