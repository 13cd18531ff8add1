/**
 * A loaded GLB posed by time, for the render page: no playback clock at all. `pose(t)` sets the mixer to
 * exactly t seconds, so a frame depends only on its index, never on how long the previous one took.
 */
import { AnimationMixer, Box3, LoopOnce, Vector3 } from 'three';
import type { AnimationAction, AnimationClip, Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { ClipSamples, Vec3 } from './cameraPath.ts';

export interface ClipRig {
  root: Object3D;
  clip: AnimationClip;
  pose(t: number): void;
  /** Bone positions at each frame time, for the camera path. */
  sample(frameCount: number, fps: number): ClipSamples;
}

export async function loadClipRig(url: string): Promise<ClipRig> {
  const gltf = await new GLTFLoader().loadAsync(url);
  const clip = gltf.animations[0];
  if (!clip) throw new Error('This GLB has no animation clip, so there is nothing to render.');
  const root = gltf.scene;
  const bones: Object3D[] = [];
  root.traverse((o) => {
    const m = o as Object3D & { isBone?: boolean; isMesh?: boolean; isSkinnedMesh?: boolean; castShadow: boolean; frustumCulled: boolean };
    if (m.isBone) bones.push(m);
    if (m.isMesh) {
      m.castShadow = true;
      // Bind-pose bounds ignore the skeleton: a character that walks off would be culled mid-shot.
      if (m.isSkinnedMesh) m.frustumCulled = false;
    }
  });
  const byName = (re: RegExp) => bones.find((b) => re.test(b.name)) ?? null;
  const hips = byName(/(^|[^a-z])hips$/i) ?? bones[0] ?? null;
  const head = byName(/(^|[^a-z])head$/i);

  const mixer = new AnimationMixer(root);
  const action: AnimationAction = mixer.clipAction(clip);
  // Once + clamp: a time at (or rounding past) the end holds the last pose instead of wrapping to the first.
  action.setLoop(LoopOnce, 1);
  action.clampWhenFinished = true;
  action.play();

  const pose = (t: number) => {
    action.time = Math.min(Math.max(t, 0), clip.duration);
    mixer.update(0);
    root.updateMatrixWorld(true);
  };

  const v = new Vector3();
  const box = new Box3();
  const at = (o: Object3D): Vec3 => {
    o.getWorldPosition(v);
    return [v.x, v.y, v.z];
  };
  const sample = (frameCount: number, fps: number): ClipSamples => {
    const s: ClipSamples = { hips: [], head: head ? [] : null, boundsMin: [], boundsMax: [] };
    for (let i = 0; i < frameCount; i++) {
      pose(i / fps);
      box.makeEmpty();
      if (bones.length > 0) for (const b of bones) box.expandByPoint(b.getWorldPosition(v));
      else box.setFromObject(root);
      if (box.isEmpty()) box.set(new Vector3(-0.3, 0, -0.3), new Vector3(0.3, 1.8, 0.3));
      s.hips.push(hips ? at(hips) : [(box.min.x + box.max.x) / 2, (box.min.y + box.max.y) / 2, (box.min.z + box.max.z) / 2]);
      s.head?.push(at(head!));
      s.boundsMin.push([box.min.x, box.min.y, box.min.z]);
      s.boundsMax.push([box.max.x, box.max.y, box.max.z]);
    }
    return s;
  };

  return { root, clip, pose, sample };
}
