/**
 * Jumps: anticipation crouch, push-off onto the toes, a ballistic flight whose hips height follows
 * y₀ + v₀t − ½gt² exactly (v₀ = √(2gh)), and a landing absorbed by a pelvis drop and knee flexion.
 * Feet are planted before take-off and after landing, in the air (contacts off) in between.
 */
import { STAND_HIPS_Y } from '../core/skeleton.ts';
import type { GenCtx } from './context.ts';
import { sampleKeys } from './keys.ts';
import type { Key } from './keys.ts';
import { setPelvis } from './pose.ts';
import { lerp, smootherstep, smoothstep } from './smooth.ts';
import { setFoot } from './track.ts';
import { writeUpper } from './upper.ts';

export const GRAVITY = 9.81;

export interface JumpParams {
  /** Apex height of the hips above take-off height, metres. */
  height: number;
  /** Horizontal distance along the heading (negative = backward), metres. */
  distance: number;
  /** Heading change during the flight (a spin jump), radians. */
  turn: number;
  count: number;
  /** Hop on one foot (0 = left, 1 = right) instead of both. */
  oneFoot?: 0 | 1;
}

const CROUCH = 0.34,
  PUSH = 0.14,
  ABSORB = 0.18,
  RECOVER = 0.4;

export function jumpDuration(p: JumpParams): number {
  const t = (2 * Math.sqrt(2 * GRAVITY * p.height)) / GRAVITY;
  return p.count * (CROUCH + PUSH + t + ABSORB + RECOVER);
}

export function synthJump(ctx: GenCtx, p: JumpParams): void {
  const { tr, start, n, st, vp, style } = ctx;
  const fps = tr.fps;
  const flight = (2 * Math.sqrt(2 * GRAVITY * p.height)) / GRAVITY;
  const natural = jumpDuration(p);
  const total = (n - 1) / fps;
  // Squeeze or stretch the on-ground phases only; flight time is fixed by physics.
  const ground = natural - p.count * flight;
  const groundScale = Math.max(0.45, (total - p.count * flight) / ground);
  const one = (CROUCH + PUSH + ABSORB + RECOVER) * groundScale + flight;
  const depth = (0.2 + 0.05 * style.energy) * vp.gesture * (p.oneFoot === undefined ? 1 : 0.6);
  const takeY = STAND_HIPS_Y + 0.055;
  const c = CROUCH * groundScale,
    pu = PUSH * groundScale,
    ab = ABSORB * groundScale,
    re = RECOVER * groundScale;
  // Channels: hips offset, lean, arms forward, heel pitch.
  const keys: Key[] = [
    { t: 0, v: [0, 0, 0, 0] },
    { t: c, v: [-depth, 0.35, -0.7, 0] },
    { t: c + pu, v: [takeY - STAND_HIPS_Y, 0.05, 2.2, 0.7] },
  ];
  const land: Key[] = [
    { t: 0, v: [takeY - 0.03 - STAND_HIPS_Y, 0.05, 0.9, 0] },
    { t: ab, v: [-depth * 0.85, 0.3, 0.3, 0] },
    { t: ab + re, v: [0, 0, 0, 0] },
  ];
  const ch = [0, 0, 0, 0];
  const feet = st.feet.map((f) => ({ ...f }));
  const yaw = st.yaw,
    x = st.x,
    z = st.z;
  for (let i = 0; i < n; i++) {
    const fr = start + i;
    const time = i / fps;
    const rep = Math.min(p.count - 1, Math.floor(time / one));
    const lt = time - rep * one;
    // Position of this repetition's jump: each rep starts where the previous landed.
    const x0 = x + rep * p.distance * Math.sin(yaw),
      z0 = z + rep * p.distance * Math.cos(yaw);
    const yaw0 = yaw + rep * p.turn;
    let rootY: number,
      across: number,
      inAir = false,
      yawNow = yaw0,
      air = 0;
    if (lt < c + pu) {
      sampleKeys(keys, lt, ch);
      rootY = STAND_HIPS_Y + ch[0]!;
      across = -0.05 * Math.sign(p.distance) * smoothstep(lt / c) + 0.12 * Math.sign(p.distance) * smoothstep((lt - c) / pu);
    } else if (lt < c + pu + flight) {
      const ft = lt - c - pu;
      air = ft / flight;
      const v0 = Math.sqrt(2 * GRAVITY * p.height);
      rootY = takeY + v0 * ft - 0.5 * GRAVITY * ft * ft - 0.03 * air;
      across = lerp(0.12 * Math.sign(p.distance), p.distance, air);
      yawNow = yaw0 + p.turn * smoothstep(air);
      inAir = true;
      ch[1] = 0.05;
      ch[2] = lerp(2.2, 0.9, smoothstep(air));
      ch[3] = 0.7 * (1 - air);
    } else {
      sampleKeys(land, Math.min(lt - c - pu - flight, ab + re), ch);
      rootY = STAND_HIPS_Y + ch[0]!;
      across = p.distance;
      yawNow = yaw0 + p.turn;
    }
    const hx = Math.sin(yaw0),
      hz = Math.cos(yaw0);
    tr.root[fr * 3] = x0 + hx * across;
    tr.root[fr * 3 + 1] = rootY;
    tr.root[fr * 3 + 2] = z0 + hz * across;
    tr.yaw[fr] = yawNow;
    setPelvis(tr, fr, ch[1]! * 0.5, 0, 0);
    writeUpper(tr.rot, fr, { time: fr / fps, swingL: ch[2]!, swingR: ch[2]!, elbow: 0.35, lean: ch[1]! * 0.6, twist: 0, headYaw: 0, headPitch: -ch[1]! * 0.3 }, vp, style);
    for (const sd of [0, 1] as const) {
      const ft = feet[sd]!;
      // Feet relative to the jump's start, carried by the root's horizontal motion and turned with it.
      const relX = ft.x - x,
        relZ = ft.z - z;
      const dyaw0 = rep * p.turn,
        dyaw = yawNow - yaw;
      const tuck = p.oneFoot === sd ? 0 : p.oneFoot !== undefined ? 0.25 : 0.12;
      const rot = (ang: number): [number, number] => [relX * Math.cos(ang) + relZ * Math.sin(ang), -relX * Math.sin(ang) + relZ * Math.cos(ang)];
      if (inAir) {
        const [ax, az] = rot(dyaw0 + (dyaw - dyaw0));
        const [bx, bz] = rot(dyaw0);
        const e = smootherstep(air);
        const fx = x + rep * p.distance * hx + lerp(bx, ax, e) + hx * lerp(0, p.distance, e);
        const fz = z + rep * p.distance * hz + lerp(bz, az, e) + hz * lerp(0, p.distance, e);
        const fy = 0.08 + (rootY - takeY) * 0.9 + tuck * Math.sin(Math.PI * air) + 0.06 * (1 - air);
        setFoot(tr, fr, sd, fx, fy, fz, ft.yaw + (dyaw - 0), ch[3]! + 0.2 * Math.sin(Math.PI * air));
        tr.contacts[fr * 2 + sd] = 0;
      } else {
        const landed = lt >= c + pu + flight;
        const dy = landed ? rep * p.turn + p.turn : rep * p.turn;
        const [rx, rz] = rot(dy);
        const d = landed ? (rep + 1) * p.distance : rep * p.distance;
        const fx = x + d * hx + rx,
          fz = z + d * hz + rz;
        const lift = p.oneFoot !== undefined && p.oneFoot !== sd;
        const heel = landed ? 0 : ch[3]!;
        if (lift) {
          setFoot(tr, fr, sd, fx, 0.08 + 0.25 + 0.05 * Math.sin(time), fz - 0.1 * hz, ft.yaw + dy, 0.3, 0);
          tr.contacts[fr * 2 + sd] = 0;
        } else {
          // Heel rise pivots on the ball of the foot, keeping the toes on the floor.
          const along = -0.13 * Math.cos(heel) + 0.06 * Math.sin(heel) + 0.13;
          const fyaw = ft.yaw + dy;
          setFoot(tr, fr, sd, fx + Math.sin(fyaw) * along, 0.02 + 0.13 * Math.sin(heel) + 0.06 * Math.cos(heel), fz + Math.cos(fyaw) * along, fyaw, heel, heel);
          tr.contacts[fr * 2 + sd] = 1;
        }
      }
    }
  }
  const reps = p.count;
  const hx = Math.sin(yaw),
    hz = Math.cos(yaw);
  for (const sd of [0, 1] as const) {
    const ft = feet[sd]!;
    const relX = ft.x - x,
      relZ = ft.z - z,
      ang = reps * p.turn;
    st.feet[sd].x = x + reps * p.distance * hx + relX * Math.cos(ang) + relZ * Math.sin(ang);
    st.feet[sd].z = z + reps * p.distance * hz - relX * Math.sin(ang) + relZ * Math.cos(ang);
    st.feet[sd].yaw = ft.yaw + ang;
    st.feet[sd].y = 0.08;
  }
  st.x = x + reps * p.distance * hx;
  st.z = z + reps * p.distance * hz;
  st.yaw = yaw + reps * p.turn;
  st.hipsY = tr.root[(start + n - 1) * 3 + 1]!;
  st.posture = 'stand';
}
