/**
 * Pins: a hand or foot held at one world point over a time range, solved exactly by IK on every
 * pinned frame and eased in and out over a short window outside it. When the hips carry a pinned
 * foot out of the leg's reach, the whole body is pulled back just enough (smoothed over time) and
 * the other foot is re-solved where it was, so nothing else breaks.
 */
import { fkAll } from '../core/fk.ts';
import { LEG_REACH } from '../core/ik.ts';
import { cloneMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { qSlerp } from '../core/quat.ts';
import { ANKLE_HEIGHT, LEG } from '../core/skeleton.ts';
import { smootherstep } from '../synth/smooth.ts';
import { EFFECTOR_JOINT, EFFECTOR_SIDE, fkInto, frameScratch, isFoot, placeFoot, placeHand } from './limbs.ts';
import type { Pin } from './types.ts';

/** Ease in/out window outside a pin (seconds). */
const EASE_SEC = 0.25;
/** Wrist height above the floor with the palm flat on it. */
const HAND_ON_FLOOR = 0.03;
/** Aim a little inside the leg's reach so the knee never locks straight. */
const SAFE_REACH = LEG_REACH * 0.985;

export function applyPins(src: Motion, pins: readonly Pin[]): Motion {
  if (pins.length === 0) return src;
  const m = cloneMotion(src);
  const n = m.frames,
    fps = m.fps,
    jc = m.skeleton.parents.length;
  const { pos, rot } = fkAll(src);
  const ease = Math.max(1, Math.round(EASE_SEC * fps));

  // Goal per effector per frame: weight, point, and (feet) the world rotation to hold.
  type Goal = { w: Float64Array; x: Float64Array; y: Float64Array; z: Float64Array; q: Float64Array };
  const goals = new Map<number, Goal>();
  const goalOf = (j: number): Goal => {
    let g = goals.get(j);
    if (!g) {
      g = { w: new Float64Array(n), x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n), q: new Float64Array(n * 4) };
      goals.set(j, g);
    }
    return g;
  };
  for (const p of pins) {
    const j = EFFECTOR_JOINT[p.effector];
    const a = Math.min(n - 1, Math.round(p.start * fps)),
      b = Math.min(n - 1, Math.round(p.end * fps));
    const at = (a * jc + j) * 3;
    let tx = pos[at]!,
      ty = pos[at + 1]!,
      tz = pos[at + 2]!;
    if (p.target === 'floor') ty = isFoot(p.effector) ? ANKLE_HEIGHT : HAND_ON_FLOOR;
    else if (p.target) [tx, ty, tz] = p.target;
    const g = goalOf(j);
    for (let f = Math.max(0, a - ease); f <= Math.min(n - 1, b + ease); f++) {
      const w = f < a ? smootherstep((f - (a - ease)) / ease) : f > b ? smootherstep((b + ease - f) / ease) : 1;
      if (w <= g.w[f]!) continue;
      g.w[f] = w;
      g.x[f] = tx;
      g.y[f] = ty;
      g.z[f] = tz;
      // Feet hold the rotation they had when the pin began (a planted foot does not swivel).
      for (let k = 0; k < 4; k++) g.q[f * 4 + k] = rot[(a * jc + j) * 4 + k]!;
    }
  }

  // Root pull for out-of-reach foot pins: needed shift per frame, then a max filter and a moving
  // average of the same half-width (no corners), repeated on what is still missing, and a last exact
  // per-frame top-up so a pinned foot is never left short. Moving the root only translates the hips.
  const shift = new Float64Array(n * 2);
  const need = new Float64Array(n * 2);
  const measure = (): boolean => {
    need.fill(0);
    let any = false;
    for (const side of [0, 1] as const) {
      const g = goals.get(LEG[side].foot);
      if (!g) continue;
      const up = LEG[side].upper,
        foot = LEG[side].foot;
      for (let f = 0; f < n; f++) {
        const w = g.w[f]!;
        if (w <= 0) continue;
        const h = (f * jc + up) * 3,
          fj = (f * jc + foot) * 3;
        const gx = pos[fj]! + (g.x[f]! - pos[fj]!) * w,
          gy = pos[fj + 1]! + (g.y[f]! - pos[fj + 1]!) * w,
          gz = pos[fj + 2]! + (g.z[f]! - pos[fj + 2]!) * w;
        const dx = gx - pos[h]! - shift[f * 2]!,
          dy = gy - pos[h + 1]!,
          dz = gz - pos[h + 2]! - shift[f * 2 + 1]!;
        const horiz = Math.hypot(dx, dz);
        if (Math.hypot(dx, dy, dz) <= SAFE_REACH || horiz < 1e-6) continue;
        const pull = horiz - Math.sqrt(Math.max(0, SAFE_REACH ** 2 - dy * dy));
        if (pull > Math.hypot(need[f * 2]!, need[f * 2 + 1]!)) {
          need[f * 2] = (dx / horiz) * pull;
          need[f * 2 + 1] = (dz / horiz) * pull;
          any = true;
        }
      }
    }
    return any;
  };
  const half = Math.round(fps * 0.3);
  const dil = new Float64Array(n * 2);
  for (let pass = 0; pass < 3 && measure(); pass++) {
    dil.fill(0);
    for (let f = 0; f < n; f++) {
      let best = 0;
      for (let k = Math.max(0, f - 2 * half); k <= Math.min(n - 1, f + 2 * half); k++) {
        const l = Math.hypot(need[k * 2]!, need[k * 2 + 1]!);
        if (l > best) {
          best = l;
          dil[f * 2] = need[k * 2]!;
          dil[f * 2 + 1] = need[k * 2 + 1]!;
        }
      }
    }
    for (let f = 0; f < n; f++) {
      let sx = 0,
        sz = 0,
        c = 0;
      for (let k = Math.max(0, f - half); k <= Math.min(n - 1, f + half); k++) {
        sx += dil[k * 2]!;
        sz += dil[k * 2 + 1]!;
        c++;
      }
      shift[f * 2] = shift[f * 2]! + sx / c;
      shift[f * 2 + 1] = shift[f * 2 + 1]! + sz / c;
    }
  }
  if (measure()) for (let i = 0; i < n * 2; i++) shift[i] = shift[i]! + need[i]!;
  const pulled = new Uint8Array(n);
  for (let f = 0; f < n; f++) {
    const sx = shift[f * 2]!,
      sz = shift[f * 2 + 1]!;
    if (sx === 0 && sz === 0) continue;
    pulled[f] = 1;
    m.rootPos[f * 3] = m.rootPos[f * 3]! + sx;
    m.rootPos[f * 3 + 2] = m.rootPos[f * 3 + 2]! + sz;
  }

  const s = frameScratch(m);
  const q = new Float64Array(4),
    qa = new Float64Array(4);
  const active = pulled.slice();
  for (const g of goals.values()) for (let f = 0; f < n; f++) if (g.w[f]! > 0) active[f] = 1;
  for (let f = 0; f < n; f++) {
    if (!active[f]) continue;
    fkInto(m, f, s);
    for (const side of [0, 1] as const) {
      const j = LEG[side].foot;
      const g = goals.get(j);
      const w = g ? g.w[f]! : 0;
      // A foot without a pin stays where it was (re-solved only where the body was pulled).
      if (w <= 0 && !pulled[f]) continue;
      const b = (f * jc + j) * 3;
      for (let k = 0; k < 4; k++) {
        qa[k] = rot[(f * jc + j) * 4 + k]!;
        q[k] = g ? g.q[f * 4 + k]! : qa[k]!;
      }
      if (w < 1) qSlerp(q, qa, q, w);
      const x = pos[b]! + ((g?.x[f] ?? 0) - pos[b]!) * w,
        y = pos[b + 1]! + ((g?.y[f] ?? 0) - pos[b + 1]!) * w,
        z = pos[b + 2]! + ((g?.z[f] ?? 0) - pos[b + 2]!) * w;
      placeFoot(m, f, s, side, x, y, z, q);
    }
    for (const e of ['leftHand', 'rightHand'] as const) {
      const j = EFFECTOR_JOINT[e];
      const g = goals.get(j);
      if (!g || g.w[f]! <= 0) continue;
      const w = g.w[f]!;
      // Blend from where the hand is now (after any pull), so the ease window has no jump.
      const b = j * 3;
      placeHand(m, f, s, EFFECTOR_SIDE[e], s.wp[b]! + (g.x[f]! - s.wp[b]!) * w, s.wp[b + 1]! + (g.y[f]! - s.wp[b + 1]!) * w, s.wp[b + 2]! + (g.z[f]! - s.wp[b + 2]!) * w);
    }
  }
  return m;
}
