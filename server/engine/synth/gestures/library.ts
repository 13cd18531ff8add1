/**
 * Durations of the keyframed gestures and full-body actions; the generators themselves live next to
 * this file. Kept separate so duration fitting does not pull in every generator.
 */
import type { PlanStep } from '../../prompt/plan.ts';

const BASE: Record<string, number> = {
  clap: 2.4,
  point: 2.2,
  bow: 2.4,
  nod: 1.6,
  shakeHead: 1.8,
  shrug: 1.8,
  punch: 1.4,
  kick: 1.6,
  dance: 6,
  lookAround: 3.5,
  stretch: 4,
  salute: 2.4,
  cheer: 2.4,
  crossArms: 3,
  think: 3.2,
  crouch: 2.4,
  kneel: 3,
  lieDown: 4,
  sitFloor: 3.5,
  jumpingJacks: 1.0,
  squat: 1.8,
  skip: 0.55,
};
const PER_COUNT: Record<string, number> = { clap: 0.45, nod: 0.5, shakeHead: 0.55, punch: 0.6, kick: 1.1, jumpingJacks: 1.0, squat: 1.8, skip: 0.55, bow: 2.2 };

export function gestureDuration(s: PlanStep): { sec: number; flexible: boolean } {
  const base = BASE[s.action] ?? 2.5;
  const per = PER_COUNT[s.action];
  if (s.count !== undefined && per !== undefined)
    return { sec: Math.max(1, s.count * per + (s.action === 'jumpingJacks' || s.action === 'squat' || s.action === 'skip' || s.action === 'bow' ? 0.3 : 0.9)), flexible: false };
  if (s.action === 'jumpingJacks' || s.action === 'squat') return { sec: base * 4 + 0.3, flexible: true };
  if (s.action === 'skip') return { sec: 4, flexible: true };
  return { sec: base, flexible: ['dance', 'lookAround', 'crossArms', 'think', 'stretch', 'crouch', 'kneel', 'lieDown', 'sitFloor'].includes(s.action) };
}
