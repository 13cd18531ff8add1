/**
 * Binary FBX export. NOTE: unlike the rest of the engine this module imports three.js, because the
 * FBX writer (@comfyorg/fbx-exporter-three, pure JS, runs in Node) consumes a three scene. It is
 * therefore NOT re-exported from index.ts; import it directly from 'server/engine/io/fbx.ts'.
 * The scene is the same mannequin and skeleton as the GLB (Mixamo-style bone names), with one
 * clip: hips position plus a quaternion track per bone.
 */
import { FBXExporter } from '@comfyorg/fbx-exporter-three';

import {
  AnimationClip,
  Bone,
  BufferAttribute,
  BufferGeometry,
  MeshStandardMaterial,
  QuaternionKeyframeTrack,
  Scene,
  Skeleton,
  SkinnedMesh,
  VectorKeyframeTrack,
  Group,
} from 'three';
import type { Motion } from '../core/motion.ts';
import { buildMannequin } from './mannequin.ts';

export interface FbxOptions {
  animationName?: string;
  /** Target tool convention (axes and unit scale); default 'threejs' (metres, Y up). */
  preset?: 'threejs' | 'unity' | 'unreal' | 'blender' | 'maya';
}

export async function exportFbx(motion: Motion, opts: FbxOptions = {}): Promise<Uint8Array> {
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
  const mesh = buildMannequin(sk);
  const geo = new BufferGeometry();
  geo.setAttribute('position', new BufferAttribute(mesh.positions, 3));
  geo.setAttribute('normal', new BufferAttribute(mesh.normals, 3));
  geo.setAttribute('skinIndex', new BufferAttribute(mesh.joints, 4));
  geo.setAttribute('skinWeight', new BufferAttribute(mesh.weights, 4));
  geo.setIndex(new BufferAttribute(mesh.indices, 1));
  const skinned = new SkinnedMesh(geo, new MeshStandardMaterial({ color: 0xb8bcc7, roughness: 0.6 }));
  skinned.name = 'Mannequin';
  const armature = new Group();
  armature.name = 'Armature';
  armature.add(bones[0]!);
  armature.add(skinned);
  armature.updateMatrixWorld(true);
  // Bind at the rest (T) pose: three computes the inverse bind matrices from the bones' current world matrices.
  skinned.bind(new Skeleton(bones));
  const scene = new Scene();
  scene.add(armature);

  const times = new Float32Array(motion.frames);
  for (let f = 0; f < motion.frames; f++) times[f] = f / motion.fps;
  const tracks = [new VectorKeyframeTrack(`${sk.exportNames[0]}.position`, Array.from(times), Array.from(motion.rootPos))];
  for (let j = 0; j < jc; j++) {
    const v = new Float32Array(motion.frames * 4);
    for (let f = 0; f < motion.frames; f++) for (let k = 0; k < 4; k++) v[f * 4 + k] = motion.rot[(f * jc + j) * 4 + k]!;
    tracks.push(new QuaternionKeyframeTrack(`${sk.exportNames[j]}.quaternion`, Array.from(times), Array.from(v)));
  }
  const clip = new AnimationClip(opts.animationName ?? 'Motion', (motion.frames - 1) / motion.fps, tracks);
  const bytes = new FBXExporter().parseSync(scene, { preset: opts.preset ?? 'threejs', fps: motion.fps, animations: [clip] });
  return bytes;
}
