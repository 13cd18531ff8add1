/**
 * The clean-up chain every synthesized or edited motion goes through, in the order engine.md §6.1
 * gives: foot locking → physics filter → pose filter → foot locking again (filtering reintroduces
 * sliding) → a last floor-penetration guard → hands that reach the floor laid flat on it.
 */
import type { Motion } from '../core/motion.ts';
import { floorGuard, footLock } from './footlock.ts';
import { handsOnFloor } from './handFloor.ts';
import type { FootLockingMode } from './footlock.ts';
import { poseFilter } from './filter.ts';
import { physicsFilter } from './physics.ts';

export interface PostParams {
  footLocking: FootLockingMode;
  poseFiltering: number;
  physicsFilter: boolean;
}

export function postProcess(m: Motion, p: PostParams, onStage?: (stage: string) => void): Motion {
  let out = m;
  onStage?.('foot locking');
  out = footLock(out, p.footLocking);
  const locked = out;
  if (p.physicsFilter) {
    onStage?.('physics filter');
    out = physicsFilter(out);
  }
  if (p.poseFiltering > 0) {
    onStage?.('pose filtering');
    out = poseFilter(out, p.poseFiltering);
  }
  // Filtering and physics move the body, which would drag planted feet: lock them again where they
  // were before (horizontally always; vertically too unless physics deliberately moved them).
  if (p.physicsFilter || p.poseFiltering > 0) out = footLock(out, p.footLocking, p.physicsFilter ? undefined : locked);
  // Whatever the earlier steps did, no sole point may end up below the floor (except in "never",
  // which promises raw root heights for swimming or flying motions).
  if (p.footLocking !== 'never') out = floorGuard(out);
  // The floor guard judges soles only; hands that reach the floor are laid flat on it instead.
  out = handsOnFloor(out);
  return out;
}
