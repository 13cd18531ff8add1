/**
 * "Without skin" FBX: bones and animation only, written by @comfyorg/fbx-exporter-three from a three scene built
 * here in Node. The skinned variant comes from the engine (server/engine/io/fbx.ts); this is its armature-only twin
 * with the same bone names, rest offsets and tracks, so both import the same way into Maya, Blender, UE or Unity.
 */
import { FBXExporter } from '@comfyorg/fbx-exporter-three';
import { AnimationClip, Bone, Group, QuaternionKeyframeTrack, Scene, VectorKeyframeTrack } from 'three';
import type { Motion } from '../engine/index.ts';
import { continuousQuaternions } from './armatureGlb.ts';

export function exportArmatureFbx(motion: Motion, clipName = 'Motion'): Uint8Array {
  const sk = motion.skeleton;
  const jc = sk.parents.length;
  const bones: Bone[] = [];
  for (let j = 0; j < jc; j++) {
    const b = new Bone();
    b.name = sk.exportNames[j]!;
    b.position.set(sk.offsets[j * 3]!, sk.offsets[j * 3 + 1]!, sk.offsets[j * 3 + 2]!);
    bones.push(b);
    const p = sk.parents[j]!;
    if (p >= 0) bones[p]!.add(b);
  }
  const armature = new Group();
  armature.name = 'Armature';
  armature.add(bones[0]!);
  const scene = new Scene();
  scene.add(armature);

  const times = Array.from({ length: motion.frames }, (_, f) => f / motion.fps);
  const tracks = [new VectorKeyframeTrack(`${sk.exportNames[0]}.position`, times, Array.from(motion.rootPos))];
  for (let j = 0; j < jc; j++) {
    tracks.push(new QuaternionKeyframeTrack(`${sk.exportNames[j]}.quaternion`, times, Array.from(continuousQuaternions(motion, j))));
  }
  const clip = new AnimationClip(clipName, (motion.frames - 1) / motion.fps, tracks);
  return new FBXExporter().parseSync(scene, { preset: 'threejs', fps: motion.fps, animations: [clip] });
}
