/**
 * Foot locking (engine.md §2.6). While a foot is in contact, the ball of the foot is pinned to
 * where the contact began; the ankle keeps its animated offset from the ball, so heel rise still
 * pivots naturally. Leaving a lock decays the correction over a few frames instead of popping, and
 * a foot that drifts past the unlock radius is released and re-locked where it is (a deliberate
 * glide). Legs are re-solved with IK toward the corrected ankle, keeping the animated foot rotation.
 * Modes: auto (tagged contacts), always (any low foot locks, larger radius), grounding (no
 * horizontal lock; the lowest sole point is brought to the floor), never (untouched).
 */
import { fkPrefix, pointInJoint } from '../core/fk.ts';
import { solveLegWorld } from '../core/ik.ts';
import { cloneMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { qHeading } from '../core/quat.ts';
import { BODY_JOINT_COUNT, HEEL_POINT, J, LEG, TOE_TIP_POINT } from '../core/skeleton.ts';
import { smoothstep } from '../synth/smooth.ts';

export type FootLockingMode = 'auto' | 'always' | 'never' | 'grounding';

const EXIT_FRAMES_SEC = 0.13;
/** Lowest sole height that counts as standing on raised support (stairs, a box) rather than floating. */
export const RAISED_SUPPORT = 0.06;

/**
 * Contact flags for the given mode. `auto` trusts the tagged contacts (synthesis knows them; edits
 * re-detect them). `always` also locks every frame where the ball of the foot is on the floor
 * (within 3.5 cm) and slower than a swing (under 0.5 m/s), i.e. it locks through glides that auto
 * would let slide.
 */
function lockContacts(m: Motion, mode: FootLockingMode, pos: Float32Array, jc = m.skeleton.parents.length): Uint8Array {
  const out = m.contacts.slice();
  if (mode === 'always') {
    for (let f = 0; f < m.frames; f++)
      for (let s = 0; s < 2; s++) {
        const o = (f * jc + LEG[s]!.toes) * 3,
          p = (Math.max(0, f - 1) * jc + LEG[s]!.toes) * 3,
          q = (Math.min(m.frames - 1, f + 1) * jc + LEG[s]!.toes) * 3;
        const span = Math.min(m.frames - 1, f + 1) - Math.max(0, f - 1) || 1;
        const speed = (Math.hypot(pos[q]! - pos[p]!, pos[q + 2]! - pos[p + 2]!) * m.fps) / span;
        if (pos[o + 1]! < 0.035 && speed < 0.5) out[f * 2 + s] = 1;
      }
  }
  return out;
}

/** Joints the foot passes need: the body, not the fingers (which come after it). */
const bodyCount = (m: Motion): number => Math.min(m.skeleton.parents.length, BODY_JOINT_COUNT);

/**
 * Contact detection from the motion itself (engine.md §2.6), for motions whose tags cannot be
 * trusted (imported clips, heavy edits): the ball of the foot is low (enter < 4 cm, stay < 6 cm)
 * and slow (enter < 0.25 m/s, stay < 0.4 m/s), with runs shorter than 3 frames dropped.
 */
export function detectContacts(m: Motion): Uint8Array {
  const jc = bodyCount(m);
  const pos = fkPrefix(m, jc).pos;
  const out = new Uint8Array(m.frames * 2);
  for (let s = 0; s < 2; s++) {
    const j = LEG[s]!.toes;
    let on = false;
    for (let f = 0; f < m.frames; f++) {
      const a = Math.max(0, f - 1),
        b = Math.min(m.frames - 1, f + 1);
      const pa = (a * jc + j) * 3,
        pb = (b * jc + j) * 3;
      const speed = (Math.hypot(pos[pb]! - pos[pa]!, pos[pb + 2]! - pos[pa + 2]!) * m.fps) / Math.max(1, b - a);
      const h = pos[(f * jc + j) * 3 + 1]!;
      on = on ? h < 0.06 && speed < 0.4 : h < 0.04 && speed < 0.25;
      out[f * 2 + s] = on ? 1 : 0;
    }
    // Drop flickers.
    let f = 0;
    while (f < m.frames) {
      if (!out[f * 2 + s]) {
        f++;
        continue;
      }
      let e = f;
      while (e + 1 < m.frames && out[(e + 1) * 2 + s]) e++;
      if (e - f + 1 < 3) for (let k = f; k <= e; k++) out[k * 2 + s] = 0;
      f = e + 1;
    }
  }
  return out;
}

/**
 * `reference` (optional) is the same motion before an operation that disturbed it (filtering,
 * physics): planted feet are then put back where the reference had them, horizontally at the lock
 * point and vertically frame by frame, so smoothing the body never makes planted feet jitter.
 */
export function footLock(m: Motion, mode: FootLockingMode, reference?: Motion): Motion {
  if (mode === 'never') return m;
  if (mode === 'grounding') return ground(m);
  const out = cloneMotion(m);
  // FK arrays hold the body joints only (stride bc); the motion's own rotations have stride jc.
  const jc = m.skeleton.parents.length,
    bc = bodyCount(m);
  const { pos, rot } = fkPrefix(m, bc);
  const ref = reference && reference.frames === m.frames ? fkPrefix(reference, bc).pos : null;
  const contacts = lockContacts(m, mode, pos, bc);
  const unlock = mode === 'always' ? 0.45 : 0.25;
  const exitN = Math.max(2, Math.round(EXIT_FRAMES_SEC * m.fps));
  const off = new Float32Array(m.frames * 3);
  const hipsQ = new Float64Array(4),
    hip = new Float64Array(3),
    footQ = new Float64Array(4),
    tv = new Float64Array(3),
    hipOff = new Float64Array(3);
  for (let s = 0 as 0 | 1; s < 2; s = (s + 1) as 0 | 1) {
    const ids = LEG[s];
    off.fill(0);
    let locked = false,
      lx = 0,
      lz = 0;
    let lastOff: [number, number, number] | null = null,
      since = 0,
      held = 0;
    const holdMax = Math.round(0.25 * m.fps);
    for (let f = 0; f < m.frames; f++) {
      const bo = (f * bc + ids.toes) * 3;
      const bx = pos[bo]!,
        by = pos[bo + 1]!,
        bz = pos[bo + 2]!;
      const c = contacts[f * 2 + s] === 1;
      const rx = ref ? ref[bo]! : bx,
        rz = ref ? ref[bo + 2]! : bz;
      if (c && !locked) {
        locked = true;
        lx = rx;
        lz = rz;
      }
      if (c && locked && Math.hypot(bx - lx, bz - lz) > unlock) {
        lx = bx;
        lz = bz;
      }
      if (c) {
        // Without a reference, horizontal only: heights are the floor guard's job, and heel strike
        // legitimately lifts the ball. With one, the reference height is restored as well.
        off[f * 3] = lx - bx;
        off[f * 3 + 1] = ref ? ref[bo + 1]! - by : 0;
        off[f * 3 + 2] = lz - bz;
        lastOff = [off[f * 3]!, off[f * 3 + 1]!, off[f * 3 + 2]!];
        since = 0;
        held = 0;
      } else {
        locked = false;
        if (lastOff) {
          // Release "lift first, then move": the correction only starts to fade once the animated
          // foot has left the floor (or after a short grace period), so the catch-up happens in
          // the air rather than as a slide along the ground.
          held++;
          if (by > 0.045 || held > holdMax) since++;
          const k = 1 - smoothstep(since / exitN);
          off[f * 3] = lastOff[0] * k;
          off[f * 3 + 1] = lastOff[1] * k;
          off[f * 3 + 2] = lastOff[2] * k;
          if (k <= 0) lastOff = null;
        }
      }
    }
    for (let f = 0; f < m.frames; f++) {
      const ox = off[f * 3]!,
        oy = off[f * 3 + 1]!,
        oz = off[f * 3 + 2]!;
      if (Math.abs(ox) + Math.abs(oy) + Math.abs(oz) < 1e-6) continue;
      const ro = f * bc * 4,
        po = f * bc * 3;
      for (let k = 0; k < 4; k++) {
        hipsQ[k] = rot[ro + J.hips * 4 + k]!;
        footQ[k] = rot[ro + ids.foot * 4 + k]!;
      }
      hipOff[0] = m.skeleton.offsets[ids.upper * 3]!;
      hipOff[1] = m.skeleton.offsets[ids.upper * 3 + 1]!;
      hipOff[2] = m.skeleton.offsets[ids.upper * 3 + 2]!;
      pointInJoint(hip, rot, pos, J.hips, hipOff, ro, po);
      tv[0] = pos[po + ids.foot * 3]! + ox;
      tv[1] = pos[po + ids.foot * 3 + 1]! + oy;
      tv[2] = pos[po + ids.foot * 3 + 2]! + oz;
      solveLegWorld(out.rot, f * jc * 4, s, hipsQ, hip, tv[0]!, tv[1]!, tv[2]!, qHeading(footQ), footQ);
    }
  }
  out.contacts.set(contacts);
  return out;
}

/** Lowest sole point (heel or toe tip of either foot) per frame; `jc` is the joints per frame of `pos`/`rot`. */
export function lowestSole(m: Motion, pos: Float32Array, rot: Float32Array, jc = m.skeleton.parents.length): Float32Array {
  const out = new Float32Array(m.frames);
  const p = new Float64Array(3);
  for (let f = 0; f < m.frames; f++) {
    let lo = Infinity;
    for (let s = 0; s < 2; s++) {
      pointInJoint(p, rot, pos, LEG[s]!.foot, HEEL_POINT, f * jc * 4, f * jc * 3);
      lo = Math.min(lo, p[1]!);
      pointInJoint(p, rot, pos, LEG[s]!.toes, TOE_TIP_POINT, f * jc * 4, f * jc * 3);
      lo = Math.min(lo, p[1]!);
    }
    out[f] = lo;
  }
  return out;
}

/**
 * Grounding: no horizontal lock; while either foot is in contact (or below the floor) the root moves
 * vertically so the lowest sole point touches the floor. The correction is smoothed forward and
 * backward (zero phase) so it never jerks, then any residual penetration is removed exactly.
 */
function ground(m: Motion): Motion {
  const out = cloneMotion(m);
  const bc = bodyCount(m);
  const { pos, rot } = fkPrefix(m, bc);
  const low = lowestSole(m, pos, rot, bc);
  const corr = new Float64Array(m.frames);
  for (let f = 0; f < m.frames; f++) {
    const c = m.contacts[f * 2] === 1 || m.contacts[f * 2 + 1] === 1;
    // A planted sole well above the floor stands on raised support (a stair, a box): leave it there.
    corr[f] = low[f]! < 0 ? -low[f]! : c && low[f]! < RAISED_SUPPORT ? -low[f]! : 0;
  }
  const a = 1 - Math.exp(-1 / (0.06 * m.fps));
  for (let f = 1; f < m.frames; f++) corr[f] = corr[f - 1]! + a * (corr[f]! - corr[f - 1]!);
  for (let f = m.frames - 2; f >= 0; f--) corr[f] = corr[f + 1]! + a * (corr[f]! - corr[f + 1]!);
  for (let f = 0; f < m.frames; f++) {
    const y = low[f]! + corr[f]!;
    out.rootPos[f * 3 + 1] = out.rootPos[f * 3 + 1]! + corr[f]! + (y < 0 ? -y : 0);
  }
  return out;
}

/**
 * Removes floor penetration with a smooth root lift: the needed lift is widened by a zero-phase
 * max-then-smooth pass so the correction eases in and out, then any remainder is removed exactly.
 */
export function floorGuard(m: Motion): Motion {
  const bc = bodyCount(m);
  const { pos, rot } = fkPrefix(m, bc);
  const low = lowestSole(m, pos, rot, bc);
  let any = false;
  for (let f = 0; f < m.frames; f++)
    if (low[f]! < 0) {
      any = true;
      break;
    }
  if (!any) return m;
  const out = cloneMotion(m);
  const need = new Float64Array(m.frames);
  const r = Math.max(1, Math.round(0.1 * m.fps));
  for (let f = 0; f < m.frames; f++) {
    let v = 0;
    for (let k = Math.max(0, f - r); k <= Math.min(m.frames - 1, f + r); k++) v = Math.max(v, -low[k]!);
    need[f] = v;
  }
  // Moving average of the dilated need: still ≥ the need at every frame's own penetration within r.
  const sm = new Float64Array(m.frames);
  for (let f = 0; f < m.frames; f++) {
    let s = 0,
      n = 0;
    for (let k = Math.max(0, f - r); k <= Math.min(m.frames - 1, f + r); k++) {
      s += need[k]!;
      n++;
    }
    sm[f] = s / n;
  }
  for (let f = 0; f < m.frames; f++) {
    const lift = Math.max(sm[f]!, -low[f]!, 0);
    out.rootPos[f * 3 + 1] = out.rootPos[f * 3 + 1]! + lift;
  }
  return out;
}
