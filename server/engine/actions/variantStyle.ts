/**
 * Per-variant performance style for full-body data actions: the same definition played by different
 * performers. The sampled ranges of a definition vary what the action does; this varies how it is
 * done, uniformly across the library, so variants of one prompt differ visibly even where an author
 * wrote few ranges (a jab, lying down):
 * - tempo: the whole action 15 % quicker … 18 % slower (air spans stay ballistic over the real time);
 * - stance: a standing performer sinks 0–5 cm lower into the knees (feet stay where they are, the leg
 *   IK bends the knees);
 * - guard and reach: hands placed relative to the body sit up to 5 cm higher or lower and reach 8 %
 *   shorter or longer from the shoulder (both hands alike, so two-handed holds keep their spacing);
 * - carriage: upright keys lean a little more or less, carry the head a little higher or lower, and
 *   square the hips and chest a little more or less to the front (±8°, ±7°) over planted feet.
 * Hands on the floor or a prop (`ground`), lying and inverted keys, and the feet are left as authored:
 * those are the physical facts (contacts, supports) the action promises.
 */
import type { Rng } from '../core/rng.ts';
import { actionEntry } from './actionIds.ts';
import type { ActionCategory } from './actionIds.ts';
import { CH, HAND_BASE } from './format.ts';
import type { CompiledAction } from './format.ts';

/** Shoulder joints relative to the hips (docs/action-format.md), the centre hands reach from. */
const SHOULDER_X = 0.165,
  SHOULDER_Y = 0.455;

/**
 * Categories whose physical facts and tests were re-checked with the style applied. The others (object,
 * sports, dance, gesture, idle: hands on props, a raised foot held at a height) opt in once checked.
 */
const STYLED: ReadonlySet<ActionCategory> = new Set(['locomotion', 'terrain', 'posture', 'combat', 'acrobatics', 'fitness', 'fall']);

export function applyVariantStyle(c: CompiledAction, rng: Rng): void {
  const cat = actionEntry(c.def.id)?.category;
  if (!cat || !STYLED.has(cat)) return;
  const tempo = rng.range(0.85, 1.18);
  const sink = rng.range(0, 0.05);
  const guard = rng.range(-0.05, 0.05);
  const reach = rng.range(0.92, 1.08);
  const lean = rng.range(-0.05, 0.08);
  const head = rng.range(-0.08, 0.08);
  const yaw = rng.range(-0.14, 0.14),
    twist = rng.range(-0.12, 0.12);
  c.dur *= tempo;
  for (const k of c.keys) {
    const v = k.v;
    const upright = Math.abs(v[CH.pelvisPitch]!) < 0.6 && Math.abs(v[CH.pelvisRoll]!) < 0.6;
    if (!upright) continue;
    // Standing keys only (hips near standing height): crouches and floor work keep their depth.
    if (v[CH.rootY]! > 0.8 && !k.air) v[CH.rootY] = v[CH.rootY]! - sink;
    v[CH.lean] = v[CH.lean]! + lean;
    v[CH.headPitch] = v[CH.headPitch]! + head;
    v[CH.pelvisYaw] = v[CH.pelvisYaw]! + yaw;
    v[CH.twist] = v[CH.twist]! + twist;
    for (const s of [0, 1] as const) {
      const h = HAND_BASE[s];
      if (v[h + 4]! <= 0 || v[h + 3]! > 0) continue;
      const sx = s === 0 ? SHOULDER_X : -SHOULDER_X;
      v[h] = sx + (v[h]! - sx) * reach;
      v[h + 1] = SHOULDER_Y + (v[h + 1]! - SHOULDER_Y) * reach + guard;
      v[h + 2] = v[h + 2]! * reach;
    }
  }
}
