/**
 * External mocap as an engine motion: a BVH clip (CMU, MotionBuilder, Motion Analysis naming) is mapped
 * onto the canonical humanoid with the same rest-relative transfer used for characters, run backwards
 * (retargetPlan.ts motionFromRig). The result is a canonical motion like any the engine makes, so it can
 * be put on an uploaded character, edited or exported.
 */
import { Quaternion, Vector3 } from 'three';
import { restWorldPositions, type Motion } from '../../engine/index.ts';
import { fkPositions } from '../../engine/core/fk.ts';
import { LEG } from '../../engine/core/skeleton.ts';
import type { BvhClip } from '../../engine/io/bvhRead.ts';
import { motionFromRig, planRetarget } from './retargetPlan.ts';
import { rigFromBvh } from './retargetRig.ts';

const AXES: Record<string, Vector3> = { X: new Vector3(1, 0, 0), Y: new Vector3(0, 1, 0), Z: new Vector3(0, 0, 1) };

export function motionFromBvh(clip: BvhClip): Motion {
  const plan = planRetarget(rigFromBvh(clip), 'guess');
  const D = Math.PI / 180;
  const r = new Quaternion();
  const local = (f: number, j: number, out: Quaternion) => {
    const jt = clip.joints[j]!;
    out.identity();
    // Rotation channels compose in the order they are listed.
    jt.channels.forEach((c, k) => {
      if (!c.endsWith('rotation')) return;
      out.multiply(r.setFromAxisAngle(AXES[c[0]!.toUpperCase()]!, clip.data[f * clip.channelCount + jt.channelStart + k]! * D));
    });
  };
  const hips = plan.hips;
  const hipsAt = (f: number, out: Vector3) => {
    // World position of the hips: position channels (or OFFSET) of every joint from the root down.
    const chain: number[] = [];
    for (let j = hips; j >= 0; j = clip.joints[j]!.parent) chain.unshift(j);
    const q = new Quaternion(),
      v = new Vector3(),
      lq = new Quaternion();
    out.set(0, 0, 0);
    for (const j of chain) {
      const jt = clip.joints[j]!;
      v.fromArray(jt.offset);
      jt.channels.forEach((c, k) => {
        if (c.endsWith('position')) v.setComponent('XYZ'.indexOf(c[0]!.toUpperCase()), clip.data[f * clip.channelCount + jt.channelStart + k]!);
      });
      out.add(v.applyQuaternion(q));
      local(f, j, lq);
      q.multiply(lq);
    }
  };
  // "Frame Time: 0.0083333" means 120 fps; keep the rate exact when it is meant to be a whole number.
  const fps = Math.abs(1 / clip.frameTime - Math.round(1 / clip.frameTime)) < 0.01 ? Math.round(1 / clip.frameTime) : 1 / clip.frameTime;
  return grounded(motionFromRig(plan, clip.frames, fps, local, hipsAt));
}

/**
 * A BVH's rest pose does not stand on its floor (CMU roots rest at the origin, feet below it), so the
 * height comes from the motion instead: the balls of the feet at their 1st-percentile lowest are put
 * where the canonical ones rest (the floor convention of engine.md §4.3).
 */
export function grounded(m: Motion): Motion {
  const pos = fkPositions(m);
  const jc = m.skeleton.parents.length;
  const lows = Array.from({ length: m.frames }, (_, f) => Math.min(...LEG.map((leg) => pos[(f * jc + leg.toes) * 3 + 1]!))).sort((a, b) => a - b);
  const floor = lows[Math.floor(0.01 * (lows.length - 1))]!;
  const lift = restWorldPositions(m.skeleton)[LEG[0].toes * 3 + 1]! - floor;
  const rootPos = m.rootPos.slice();
  for (let f = 0; f < m.frames; f++) rootPos[f * 3 + 1] = rootPos[f * 3 + 1]! + lift;
  return { ...m, rootPos };
}
