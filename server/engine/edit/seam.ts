/**
 * Inertializes hard cuts in a finished motion: every joint rotation and the root position decay
 * their offset across each seam frame (see compose/inertialize.ts).
 */
import { cloneMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { inertializeQuat, inertializeScalar } from '../compose/inertialize.ts';

export function inertializeMotion(m: Motion, seams: readonly number[], halfLife = 0.1): Motion {
  const out = cloneMotion(m);
  const jc = m.skeleton.parents.length;
  for (const b of seams) {
    for (let j = 0; j < jc; j++) inertializeQuat(out.rot, jc, j, b, m.frames, m.fps, halfLife);
    for (let c = 0; c < 3; c++) inertializeScalar(out.rootPos, 3, c, b, m.frames, m.fps, halfLife);
  }
  return out;
}
