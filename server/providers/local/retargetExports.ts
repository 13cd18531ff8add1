/**
 * BVH and FBX of a variant on an uploaded character's own skeleton, so a DCC tool can apply them to
 * that character by bone name, with its proportions (the same motion, legs re-solved, as its GLB).
 *
 * BVH: every bone from the hips down (fingers and helpers included), named as in the character,
 * rest pose = the character's rest pose. BVH has no rest rotations, so OFFSETs are the rest bone
 * vectors in world axes (canonical frame: Y up, facing +Z, metres, written in cm by exportBvh) and
 * each channel rotation is the bone's turn away from its rest world rotation, relative to its parent's.
 *
 * FBX: the character's armature (its own local rest transforms, under a `KinemaFacing` root when it
 * had to be turned or scaled) with the animation, without the mesh: @comfyorg/fbx-exporter-three can
 * only embed textures it can read pixels from, and Node has no image decoder, so a skinned FBX would
 * lose the character's textures. An armature FBX is what DCC tools and engines apply to a character
 * they already have (the same as an "FBX without skin" download).
 */
import { FBXExporter } from '@comfyorg/fbx-exporter-three';
import { AnimationClip, Bone, Group, PropertyBinding, Quaternion, QuaternionKeyframeTrack, Scene, Vector3, VectorKeyframeTrack, type Object3D } from 'three';
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
    id: 'character-bvh', names, exportNames: names, parents, offsets,
    tips: new Float32Array(n * 3), mirror: Int8Array.from({ length: n }, (_, k) => k),
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

/** `m` is the motion on plan.skeleton (CharacterRetargeter.onCharacter). */
export function characterFbx(plan: RetargetPlan, m: Motion, clipName: string): Uint8Array {
  const rig = plan.rig;
  // Skin joints and the transforms above them; mesh and other nodes are left out.
  const keep = new Uint8Array(rig.names.length);
  for (const j of rig.candidates) for (let p = j; p >= 0 && !keep[p]; p = rig.parents[p]!) keep[p] = 1;
  const names = exportNames(rig.names);
  const objects: Array<Object3D | null> = rig.names.map(() => null);
  const armature = new Group();
  armature.name = 'KinemaFacing';
  armature.quaternion.copy(plan.facing);
  armature.scale.setScalar(plan.unit);
  const t = new Vector3(), s = new Vector3();
  for (let j = 0; j < rig.names.length; j++) {
    if (!keep[j]) continue;
    const b = new Bone();
    b.name = names[j]!;
    rig.restLocal[j]!.decompose(t, b.quaternion, s);
    b.position.copy(t);
    b.scale.copy(s);
    objects[j] = b;
    const p = rig.parents[j]!;
    (p >= 0 && objects[p] ? objects[p]! : armature).add(b);
  }
  const scene = new Scene();
  scene.add(armature);

  const mapped = rig.names.map((_, j) => j).filter((j) => plan.canonOf[j]! >= 0 && objects[j]);
  const values = mapped.map(() => new Float32Array(m.frames * 4));
  const hips = new Float32Array(m.frames * 3);
  const poser = new RigPoser(plan);
  for (let f = 0; f < m.frames; f++) {
    poser.pose(m, f);
    mapped.forEach((j, k) => {
      const q = poser.local[j]!, out = values[k]!;
      const flip = f > 0 && q.x * out[f * 4 - 4]! + q.y * out[f * 4 - 3]! + q.z * out[f * 4 - 2]! + q.w * out[f * 4 - 1]! < 0 ? -1 : 1;
      out.set([q.x * flip, q.y * flip, q.z * flip, q.w * flip], f * 4);
    });
    hips.set([poser.hipsT.x, poser.hipsT.y, poser.hipsT.z], f * 3);
  }
  const times = Array.from({ length: m.frames }, (_, f) => f / m.fps);
  const tracks = [new VectorKeyframeTrack(`${names[plan.hips]}.position`, times, Array.from(hips))];
  mapped.forEach((j, k) => tracks.push(new QuaternionKeyframeTrack(`${names[j]}.quaternion`, times, Array.from(values[k]!))));
  const clip = new AnimationClip(clipName, (m.frames - 1) / m.fps, tracks);
  return new FBXExporter().parseSync(scene, { preset: 'threejs', fps: m.fps, animations: [clip] });
}
