/**
 * Turns a Track into a Motion: composes the heading into the hips rotation, lowers the pelvis where
 * a foot goal is out of reach (instead of letting the knee pop straight), then solves both legs.
 */
import { LEG_REACH, solveLeg } from '../core/ik.ts';
import type { FootGoal } from '../core/ik.ts';
import { limitFingerSpeed } from '../core/hands.ts';
import { createMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { qMul, qRotate, qSlerp, qYaw } from '../core/quat.ts';
import { CANONICAL, J, JOINT_COUNT, LEG } from '../core/skeleton.ts';
import { FOOT_STRIDE } from '../synth/track.ts';
import type { Track } from '../synth/track.ts';

const hipsQ = new Float64Array(4),
  yq = new Float64Array(4),
  hip = new Float64Array(3),
  off = new Float64Array(3);
const fk = new Float64Array(4),
  ik = new Float64Array(4);
const goal: FootGoal = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0, toe: 0, roll: 0 };
const legOff = [0, 1].map((s) => {
  const j = LEG[s]!.upper;
  return [CANONICAL.offsets[j * 3]!, CANONICAL.offsets[j * 3 + 1]!, CANONICAL.offsets[j * 3 + 2]!] as const;
});

function hipPos(root: Float32Array, f: number, side: number): void {
  off[0] = legOff[side]![0];
  off[1] = legOff[side]![1];
  off[2] = legOff[side]![2];
  qRotate(off, hipsQ, off);
  hip[0] = root[f * 3]! + off[0]!;
  hip[1] = root[f * 3 + 1]! + off[1]!;
  hip[2] = root[f * 3 + 2]! + off[2]!;
}

/**
 * Lowest ankle height at which no sole point (heel, ball, toe tip) of a foot with this pitch and toe
 * bend is below the floor. Generators place feet analytically; this catches the combinations they
 * do not model (a pointed foot at landing, a tilted foot during a transition).
 */
function minAnkleHeight(pitch: number, toe: number): number {
  const c = Math.cos(pitch),
    s = Math.sin(pitch);
  const heel = -0.08 * c + 0.05 * s;
  const ball = -0.06 * c - 0.13 * s;
  const tp = pitch - toe;
  const tip = ball - 0.02 * Math.cos(tp) - 0.07 * Math.sin(tp);
  return -Math.min(heel, ball, tip);
}

/** Leg extension the pelvis drop aims for: a little short of straight so knees never lock and snap. */
const DROP_REACH = LEG_REACH * 0.992;
const MAX_DROP = 0.25;

export function finishTrack(tr: Track): Motion {
  const m = createMotion(tr.n, tr.fps);
  m.rot.set(tr.rot);
  m.rootPos.set(tr.root);
  m.contacts.set(tr.contacts);
  limitFingerSpeed(m.rot, m.skeleton, tr.n, tr.fps);
  const n = tr.n;
  const need = new Float64Array(n);
  for (let f = 0; f < n; f++) {
    const base = f * JOINT_COUNT * 4;
    const ho = base + J.hips * 4;
    qYaw(yq, tr.yaw[f]!);
    hipsQ[0] = tr.rot[ho]!;
    hipsQ[1] = tr.rot[ho + 1]!;
    hipsQ[2] = tr.rot[ho + 2]!;
    hipsQ[3] = tr.rot[ho + 3]!;
    qMul(hipsQ, yq, hipsQ);
    m.rot[ho] = hipsQ[0]!;
    m.rot[ho + 1] = hipsQ[1]!;
    m.rot[ho + 2] = hipsQ[2]!;
    m.rot[ho + 3] = hipsQ[3]!;
    // How far the pelvis must come down so both goals are comfortably reachable.
    for (let s = 0; s < 2; s++) {
      if (tr.ikw[f * 2 + s]! <= 0) continue;
      const o = (f * 2 + s) * FOOT_STRIDE;
      if (tr.feet[o + 6]! === 0) tr.feet[o + 1] = Math.max(tr.feet[o + 1]!, minAnkleHeight(tr.feet[o + 4]!, tr.feet[o + 5]!));
      hipPos(m.rootPos, f, s);
      const dx = tr.feet[o]! - hip[0]!,
        dz = tr.feet[o + 2]! - hip[2]!;
      const h2 = dx * dx + dz * dz;
      if (h2 >= DROP_REACH * DROP_REACH) continue;
      // Scaled by the IK weight: a leg mostly driven by angles (a cartwheel, a kick) must not drag the pelvis down.
      need[f] = Math.max(need[f]!, tr.ikw[f * 2 + s]! * (hip[1]! - (tr.feet[o + 1]! + Math.sqrt(DROP_REACH * DROP_REACH - h2))));
    }
  }
  // Smooth the drop without ever falling short of it: dilate (running max), then average over the
  // same radius. The pelvis then eases down before a long step instead of dipping on one frame.
  const r = Math.max(1, Math.round(0.08 * tr.fps));
  const dil = new Float64Array(n);
  for (let f = 0; f < n; f++) {
    let v = 0;
    for (let k = Math.max(0, f - r); k <= Math.min(n - 1, f + r); k++) v = Math.max(v, need[k]!);
    dil[f] = v;
  }
  for (let f = 0; f < n; f++) {
    let sum = 0,
      c = 0;
    for (let k = Math.max(0, f - r); k <= Math.min(n - 1, f + r); k++) {
      sum += dil[k]!;
      c++;
    }
    // Capped: a goal that would need the hips near the floor is a planning error, not something to chase.
    const drop = Math.min(MAX_DROP, Math.max(sum / c, need[f]!));
    if (drop > 0) m.rootPos[f * 3 + 1] = m.rootPos[f * 3 + 1]! - drop;
  }
  const legFk = new Float32Array(8 * 4);
  for (let f = 0; f < n; f++) {
    const base = f * JOINT_COUNT * 4;
    const ho = base + J.hips * 4;
    hipsQ[0] = m.rot[ho]!;
    hipsQ[1] = m.rot[ho + 1]!;
    hipsQ[2] = m.rot[ho + 2]!;
    hipsQ[3] = m.rot[ho + 3]!;
    for (let s = 0 as 0 | 1; s < 2; s = (s + 1) as 0 | 1) {
      const w = tr.ikw[f * 2 + s]!;
      if (w <= 0) continue;
      const ids = LEG[s];
      const joints = [ids.upper, ids.lower, ids.foot, ids.toes];
      if (w < 1)
        joints.forEach((j, k) => {
          for (let c = 0; c < 4; c++) legFk[k * 4 + c] = m.rot[base + j * 4 + c]!;
        });
      hipPos(m.rootPos, f, s);
      const o = (f * 2 + s) * FOOT_STRIDE;
      goal.x = tr.feet[o]!;
      goal.y = tr.feet[o + 1]!;
      goal.z = tr.feet[o + 2]!;
      goal.yaw = tr.feet[o + 3]!;
      goal.pitch = tr.feet[o + 4]!;
      goal.toe = tr.feet[o + 5]!;
      goal.roll = tr.feet[o + 6]!;
      solveLeg(m.rot, base, s, hipsQ, hip, goal);
      if (w < 1) {
        joints.forEach((j, k) => {
          for (let c = 0; c < 4; c++) {
            fk[c] = legFk[k * 4 + c]!;
            ik[c] = m.rot[base + j * 4 + c]!;
          }
          qSlerp(ik, fk, ik, w);
          for (let c = 0; c < 4; c++) m.rot[base + j * 4 + c] = ik[c]!;
        });
      }
    }
  }
  return m;
}
