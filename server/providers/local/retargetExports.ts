/**
 * BVH of a variant on an uploaded character's own skeleton, so a DCC tool can apply it to that
 * character by bone name, with its proportions (the same motion, legs re-solved, as its GLB).
 *
 * BVH: every bone from the hips down (fingers and helpers included), named as in the character,
 * rest pose = the character's rest pose. BVH has no rest rotations, so OFFSETs are the rest bone
 * vectors in world axes (canonical frame: Y up, facing +Z, metres, written in cm by exportBvh) and
 * each channel rotation is the bone's turn away from its rest world rotation, relative to its parent's.
 *
 * The character's FBX is not made here: it is converted from its GLB on download, with the mesh and
 * textures (server/downloads/documentToFbx.ts).
 */
import { PropertyBinding, Quaternion } from 'three';
import { exportBvh, type Motion, type Skeleton } from '../../engine/index.ts';
import { RigPoser, type RetargetPlan } from './retargetPlan.ts';

/** Names that survive BVH tokenising and three's track-name parsing, unique within the rig. */
function exportNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw) => {
    const base = PropertyBinding.sanitizeNodeName(raw).replace(/[^A-Za-z0-9_-]/g, '_') || 'bone';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

/** Joint indices are stored as Int8 in an engine Skeleton. */
const MAX_BVH_JOINTS = 127;

/** `m` is the motion on plan.skeleton (CharacterRetargeter.onCharacter). */
export function characterBvh(plan: RetargetPlan, m: Motion): string {
  const rig = plan.rig;
  // The hips and everything below them, in rig order (parents first).
  const inSubtree = new Uint8Array(rig.names.length);
  inSubtree[plan.hips] = 1;
  for (let j = plan.hips + 1; j < rig.names.length; j++) if (rig.parents[j]! >= 0 && inSubtree[rig.parents[j]!]) inSubtree[j] = 1;
  let joints = rig.names.map((_, j) => j).filter((j) => inSubtree[j]);
  if (joints.length > MAX_BVH_JOINTS) {
    // Hair, face and cloth rigs can have hundreds of bones; they keep their rest pose anyway, so keep
    // only the driven bones and the chains that connect them.
    const needed = new Uint8Array(rig.names.length);
    for (let j = 0; j < rig.names.length; j++) if (plan.canonOf[j]! >= 0) for (let p = j; p >= 0 && !needed[p]; p = rig.parents[p]!) needed[p] = 1;
    joints = joints.filter((j) => needed[j]);
  }
  const at = new Map(joints.map((j, k) => [j, k]));
  const n = joints.length;
  const names = exportNames(joints.map((j) => rig.names[j]!));
  const parents = new Int8Array(n);
  const offsets = new Float32Array(n * 3);
  joints.forEach((j, k) => {
    const p = k === 0 ? -1 : at.get(rig.parents[j]!)!;
    parents[k] = p;
    const v = p < 0 ? plan.restP[j]! : plan.restP[j]!.clone().sub(plan.restP[joints[p]!]!);
    offsets.set([v.x, v.y, v.z], k * 3);
  });
  const skeleton: Skeleton = {
    id: 'character-bvh',
    names,
    exportNames: names,
    parents,
    offsets,
    tips: new Float32Array(n * 3),
    mirror: Int8Array.from({ length: n }, (_, k) => k),
  };
  const rot = new Float32Array(m.frames * n * 4);
  const poser = new RigPoser(plan);
  const restInv = joints.map((j) => plan.restQ[j]!.clone().invert());
  const turn = joints.map(() => new Quaternion());
  const q = new Quaternion();
  for (let f = 0; f < m.frames; f++) {
    poser.pose(m, f);
    joints.forEach((j, k) => {
      turn[k]!.multiplyQuaternions(poser.world[j]!, restInv[k]!);
      const p = parents[k]!;
      (p < 0 ? q.copy(turn[k]!) : q.copy(turn[p]!).invert().multiply(turn[k]!)).toArray(rot, (f * n + k) * 4);
    });
  }
  return exportBvh({ fps: m.fps, frames: m.frames, skeleton, rootPos: m.rootPos, rot, contacts: m.contacts });
}
