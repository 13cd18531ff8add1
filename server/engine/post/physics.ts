/**
 * The physics filter: a kinematic projection toward physically plausible motion (not a simulation).
 *  1. Ballistic flight: where neither foot is in contact for a while, the hips height is refit to the
 *     parabola y₀ + v₀t − ½gt² that joins take-off and landing.
 *  2. Balance: in slow double-support frames the centre of mass (segment-mass-weighted FK) is moved
 *     horizontally into the support region between the feet.
 *  3. Floor: floating during contact and any penetration are removed with a smooth vertical offset.
 * Foot locking runs again afterwards (the pipeline does it), because moving the root moves the feet.
 */
import { fkPrefix } from '../core/fk.ts';
import { cloneMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { ARM, BODY_JOINT_COUNT, LEG } from '../core/skeleton.ts';
import { GRAVITY } from '../synth/jump.ts';
import { RAISED_SUPPORT, lowestSole } from './footlock.ts';
import { lowpass } from './filter.ts';

/** Approximate segment mass fractions (Winter/Dempster tables) assigned to the joint that starts each segment. */
const MASS = [0.142, 0.1, 0.1, 0.1, 0.02, 0.081, 0.01, 0.028, 0.016, 0.006, 0.01, 0.028, 0.016, 0.006, 0.1, 0.0465, 0.0145, 0.002, 0.1, 0.0465, 0.0145, 0.002];

/** A wrist this close to the floor is bearing weight on the hand. */
const HAND_SUPPORT_Y = 0.2;

export function centreOfMass(pos: Float32Array, f: number, jc: number, out: Float64Array): void {
  let x = 0,
    y = 0,
    z = 0,
    w = 0;
  for (let j = 0; j < Math.min(jc, MASS.length); j++) {
    const m = MASS[j] ?? 0.01;
    x += pos[(f * jc + j) * 3]! * m;
    y += pos[(f * jc + j) * 3 + 1]! * m;
    z += pos[(f * jc + j) * 3 + 2]! * m;
    w += m;
  } // MASS covers the body joints; the fingers after them are in the hand's share.
  out[0] = x / w;
  out[1] = y / w;
  out[2] = z / w;
}

export function physicsFilter(m: Motion): Motion {
  const out = cloneMotion(m);
  // FK of the body joints only, packed (jc joints per frame): fingers do not move the centre of mass or the soles.
  const n = m.frames,
    fps = m.fps,
    jc = Math.min(m.skeleton.parents.length, BODY_JOINT_COUNT);
  // Support the feet flags do not show: a hand on the floor (cartwheel, push-up, crawl).
  const raw = fkPrefix(m, jc);
  const rawLow = lowestSole(m, raw.pos, raw.rot);
  const handDown = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const hl = raw.pos[(k * jc + ARM[0].hand) * 3 + 1]!,
      hr = raw.pos[(k * jc + ARM[1].hand) * 3 + 1]!;
    handDown[k] = Math.min(hl, hr) < HAND_SUPPORT_Y ? 1 : 0;
  }
  // 1. Ballistic flight phases: no foot contact, no hand on the floor throughout the span, the soles
  // clearly off the floor and the hips rising (a cartwheel or a shuffle into a stance has no foot
  // contact but is not flight).
  const flying = (k: number): boolean => m.contacts[k * 2] === 0 && m.contacts[k * 2 + 1] === 0;
  let f = 0;
  while (f < n) {
    if (flying(f)) {
      let e = f;
      while (e + 1 < n && flying(e + 1)) e++;
      let clear = true;
      let peak = 0;
      for (let k = f; k <= e; k++) {
        if (handDown[k]) clear = false;
        peak = Math.max(peak, rawLow[k]!);
      }
      // Both feet must actually leave the floor at some point (feet sliding into a stance do not).
      if (peak < 0.06) clear = false;
      // A jump rises: without the hips going above their take-off height the span is a dive, a fall or a roll.
      let rise = -Infinity;
      for (let k = f; k <= e; k++) rise = Math.max(rise, m.rootPos[k * 3 + 1]! - m.rootPos[Math.max(0, f - 1) * 3 + 1]!);
      if (rise < 0.03) clear = false;
      if (clear && f > 0 && e < n - 1 && e - f + 1 >= 3) {
        const s = f - 1,
          t1 = e + 1;
        const y0 = out.rootPos[s * 3 + 1]!,
          y1 = out.rootPos[t1 * 3 + 1]!;
        const T = (t1 - s) / fps;
        const v0 = (y1 - y0 + 0.5 * GRAVITY * T * T) / T;
        for (let k = s + 1; k < t1; k++) {
          const t = (k - s) / fps;
          out.rootPos[k * 3 + 1] = y0 + v0 * t - 0.5 * GRAVITY * t * t;
        }
      }
      f = e + 1;
    } else f++;
  }
  // 2. Balance in slow double support.
  let { pos } = fkPrefix(out, jc);
  const shiftX = new Float64Array(n),
    shiftZ = new Float64Array(n);
  const com = new Float64Array(3);
  for (let k = 0; k < n; k++) {
    if (m.contacts[k * 2] !== 1 || m.contacts[k * 2 + 1] !== 1 || handDown[k]) continue;
    const k0 = Math.max(0, k - 1),
      k1 = Math.min(n - 1, k + 1);
    const speed = (Math.hypot(out.rootPos[k1 * 3]! - out.rootPos[k0 * 3]!, out.rootPos[k1 * 3 + 2]! - out.rootPos[k0 * 3 + 2]!) * fps) / Math.max(1, k1 - k0);
    if (speed > 0.3) continue;
    centreOfMass(pos, k, jc, com);
    // Support region: the segment between the mid-feet, thickened by half a foot length.
    const a = LEG[0]!.foot,
      b = LEG[1]!.foot,
      ta = LEG[0]!.toes,
      tb = LEG[1]!.toes;
    const ax = (pos[(k * jc + a) * 3]! + pos[(k * jc + ta) * 3]!) / 2,
      az = (pos[(k * jc + a) * 3 + 2]! + pos[(k * jc + ta) * 3 + 2]!) / 2;
    const bx = (pos[(k * jc + b) * 3]! + pos[(k * jc + tb) * 3]!) / 2,
      bz = (pos[(k * jc + b) * 3 + 2]! + pos[(k * jc + tb) * 3 + 2]!) / 2;
    const dx = bx - ax,
      dz = bz - az,
      l2 = dx * dx + dz * dz || 1e-9;
    const u = Math.max(0, Math.min(1, ((com[0]! - ax) * dx + (com[2]! - az) * dz) / l2));
    const cx = ax + u * dx,
      cz = az + u * dz;
    const ex = com[0]! - cx,
      ez = com[2]! - cz,
      d = Math.hypot(ex, ez),
      r = 0.07;
    if (d > r) {
      shiftX[k] = -(ex / d) * (d - r);
      shiftZ[k] = -(ez / d) * (d - r);
    }
  }
  lowpass(shiftX, 3, fps);
  lowpass(shiftZ, 3, fps);
  for (let k = 0; k < n; k++) {
    out.rootPos[k * 3] = out.rootPos[k * 3]! + shiftX[k]!;
    out.rootPos[k * 3 + 2] = out.rootPos[k * 3 + 2]! + shiftZ[k]!;
  }
  // 3. Floor contact: no floating while a foot is down, no penetration ever.
  const settled = fkPrefix(out, jc);
  pos = settled.pos;
  const low = lowestSole(out, pos, settled.rot);
  const corr = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const c = m.contacts[k * 2] === 1 || m.contacts[k * 2 + 1] === 1;
    // A planted sole well above the floor stands on something (a stair, a box): that is support, not floating.
    corr[k] = low[k]! < 0 ? -low[k]! : c && low[k]! > 0.004 && low[k]! < RAISED_SUPPORT ? -(low[k]! - 0.001) : 0;
  }
  lowpass(corr, 6, fps);
  for (let k = 0; k < n; k++) {
    const y = low[k]! + corr[k]!;
    out.rootPos[k * 3 + 1] = out.rootPos[k * 3 + 1]! + corr[k]! + (y < 0 ? -y : 0);
  }
  return out;
}
