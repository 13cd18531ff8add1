/**
 * Turns a Track into a Motion: composes the heading into the hips rotation, lowers the pelvis where
 * a foot goal is out of reach (instead of letting the knee pop straight), then solves both legs.
 */
import { LEG_REACH, solveLeg } from '../core/ik.ts';
import type { FootGoal } from '../core/ik.ts';
import { createMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { qMul, qRotate, qSlerp, qYaw } from '../core/quat.ts';
import { CANONICAL, J, JOINT_COUNT, LEG } from '../core/skeleton.ts';
import { FOOT_STRIDE } from '../synth/track.ts';
import type { Track } from '../synth/track.ts';

const hipsQ = new Float64Array(4), yq = new Float64Array(4), hip = new Float64Array(3), off = new Float64Array(3);
const fk = new Float64Array(4), ik = new Float64Array(4);
const goal: FootGoal = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0, toe: 0, roll: 0 };
const legOff = [0, 1].map((s) => { const j = LEG[s]!.upper; return [CANONICAL.offsets[j * 3]!, CANONICAL.offsets[j * 3 + 1]!, CANONICAL.offsets[j * 3 + 2]!] as const; });

function hipPos(root: Float32Array, f: number, side: number): void {
  off[0] = legOff[side]![0]; off[1] = legOff[side]![1]; off[2] = legOff[side]![2];
  qRotate(off, hipsQ, off);
  hip[0] = root[f * 3]! + off[0]!; hip[1] = root[f * 3 + 1]! + off[1]!; hip[2] = root[f * 3 + 2]! + off[2]!;
}

export function finishTrack(tr: Track): Motion {
  const m = createMotion(tr.n, tr.fps);
  m.rot.set(tr.rot);
  m.rootPos.set(tr.root);
  m.contacts.set(tr.contacts);
  const legFk = new Float32Array(8 * 4);
  for (let f = 0; f < tr.n; f++) {
    const base = f * JOINT_COUNT * 4;
    const ho = base + J.hips * 4;
    qYaw(yq, tr.yaw[f]!);
    hipsQ[0] = tr.rot[ho]!; hipsQ[1] = tr.rot[ho + 1]!; hipsQ[2] = tr.rot[ho + 2]!; hipsQ[3] = tr.rot[ho + 3]!;
    qMul(hipsQ, yq, hipsQ);
    m.rot[ho] = hipsQ[0]!; m.rot[ho + 1] = hipsQ[1]!; m.rot[ho + 2] = hipsQ[2]!; m.rot[ho + 3] = hipsQ[3]!;
    // Pelvis drop needed so both goals are reachable.
    let drop = 0;
    for (let s = 0; s < 2; s++) {
      if (tr.ikw[f * 2 + s]! <= 0) continue;
      hipPos(m.rootPos, f, s);
      const o = (f * 2 + s) * FOOT_STRIDE;
      const dx = tr.feet[o]! - hip[0]!, dz = tr.feet[o + 2]! - hip[2]!;
      const h2 = dx * dx + dz * dz;
      if (h2 >= LEG_REACH * LEG_REACH) continue;
      const maxY = tr.feet[o + 1]! + Math.sqrt(LEG_REACH * LEG_REACH - h2);
      drop = Math.max(drop, hip[1]! - maxY);
    }
    if (drop > 0) m.rootPos[f * 3 + 1] = m.rootPos[f * 3 + 1]! - drop;
    for (let s = 0 as 0 | 1; s < 2; s = (s + 1) as 0 | 1) {
      const w = tr.ikw[f * 2 + s]!;
      if (w <= 0) continue;
      const ids = LEG[s];
      const joints = [ids.upper, ids.lower, ids.foot, ids.toes];
      if (w < 1) joints.forEach((j, k) => { for (let c = 0; c < 4; c++) legFk[k * 4 + c] = m.rot[base + j * 4 + c]!; });
      hipPos(m.rootPos, f, s);
      const o = (f * 2 + s) * FOOT_STRIDE;
      goal.x = tr.feet[o]!; goal.y = tr.feet[o + 1]!; goal.z = tr.feet[o + 2]!;
      goal.yaw = tr.feet[o + 3]!; goal.pitch = tr.feet[o + 4]!; goal.toe = tr.feet[o + 5]!; goal.roll = tr.feet[o + 6]!;
      solveLeg(m.rot, base, s, hipsQ, hip, goal);
      if (w < 1) {
        joints.forEach((j, k) => {
          for (let c = 0; c < 4; c++) { fk[c] = legFk[k * 4 + c]!; ik[c] = m.rot[base + j * 4 + c]!; }
          qSlerp(ik, fk, ik, w);
          for (let c = 0; c < 4; c++) m.rot[base + j * 4 + c] = ik[c]!;
        });
      }
    }
  }
  return m;
}
