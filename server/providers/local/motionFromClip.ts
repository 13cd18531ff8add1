/**
 * Any animated skeleton three.js can load (a GLB through GLTFLoader, an FBX through FBXLoader) as a canonical
 * engine motion: its bones become a Rig, the clip is sampled frame by frame with an AnimationMixer, and the
 * rest-relative transfer of retargetPlan.ts (motionFromRig) maps it onto the canonical humanoid, as
 * motionFromBvh does for BVH. The result can be edited, looped, merged, rendered and exported like any take.
 */
import { AnimationMixer, Matrix4, Quaternion, Vector3 } from 'three';
import type { AnimationClip, Object3D } from 'three';
import type { Motion } from '../../engine/index.ts';
import { grounded } from './motionFromBvh.ts';
import { motionFromRig, planRetarget } from './retargetPlan.ts';
import { decompose, type Rig } from './retargetRig.ts';

/** Clips are resampled at their own key rate when it is a common one, else at 30 fps. */
const COMMON_FPS = [24, 25, 30, 50, 60, 120];
const MAX_FRAMES = 60 * 120;

export class ClipImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClipImportError';
  }
}

/** The key rate of a clip: the most common spacing of its first long track's keys. */
function clipFps(clip: AnimationClip): number {
  const track = clip.tracks.find((t) => t.times.length > 2);
  if (!track) return 30;
  const dt = (track.times[track.times.length - 1]! - track.times[0]!) / (track.times.length - 1);
  const fps = 1 / dt;
  return COMMON_FPS.find((c) => Math.abs(c - fps) < 0.5) ?? 30;
}

/** The bones under `root` as a rig (parents first, as three's depth-first traversal visits them). */
function rigFromBones(root: Object3D): { rig: Rig; bones: Object3D[] } {
  root.updateMatrixWorld(true);
  const bones: Object3D[] = [];
  root.traverse((o) => {
    if ((o as { isBone?: boolean }).isBone) bones.push(o);
  });
  if (bones.length === 0) throw new ClipImportError('the file has no skeleton (no bones), so there is no body motion to import');
  const index = new Map(bones.map((b, i) => [b, i]));
  const parents = new Int32Array(bones.map((b) => (b.parent && index.has(b.parent) ? index.get(b.parent)! : -1)));
  // A root bone's rest is its place in the file's world (armature scale and axis turns included).
  const restLocal = bones.map((b, i) => (parents[i]! >= 0 ? b.matrix.clone() : b.matrixWorld.clone()));
  const restWorld = bones.map((b) => b.matrixWorld.clone());
  return { rig: { names: bones.map((b) => b.name), parents, restLocal, restWorld, candidates: bones.map((_, i) => i), declared: null, vrm: null }, bones };
}

/**
 * `unit`: file units per metre (glTF is in metres: 1; FBX units vary: 'guess' measures them from the skeleton).
 */
export function motionFromClip(root: Object3D, clip: AnimationClip, unit: number | 'guess'): Motion {
  const { rig, bones } = rigFromBones(root);
  let plan;
  try {
    plan = planRetarget(rig, unit);
  } catch (err) {
    throw new ClipImportError(`its skeleton is not a humanoid the studio can map (${(err as Error).message})`);
  }
  const fps = clipFps(clip);
  const frames = Math.min(MAX_FRAMES, Math.max(2, Math.round(clip.duration * fps) + 1));
  const n = bones.length;
  const rot = new Float32Array(frames * n * 4);
  const hips = new Float32Array(frames * 3);
  const mixer = new AnimationMixer(root);
  mixer.clipAction(clip).play();
  const m = new Matrix4();
  for (let f = 0; f < frames; f++) {
    mixer.setTime(Math.min(f / fps, clip.duration));
    root.updateMatrixWorld(true);
    for (let j = 0; j < n; j++) {
      const b = bones[j]!;
      const q = rig.parents[j]! >= 0 ? b.quaternion : decompose(m.copy(b.matrixWorld)).q;
      q.toArray(rot, (f * n + j) * 4);
    }
    new Vector3().setFromMatrixPosition(bones[plan.hips]!.matrixWorld).toArray(hips, f * 3);
  }
  mixer.stopAllAction();
  return grounded(
    motionFromRig(
      plan,
      frames,
      fps,
      (f, j, out: Quaternion) => out.fromArray(rot, (f * n + j) * 4),
      (f, out: Vector3) => out.fromArray(hips, f * 3),
    ),
  );
}
