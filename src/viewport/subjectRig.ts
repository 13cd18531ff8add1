/**
 * Everything one view needs to play one subject: a placed instance, its mixer and action for the chosen take,
 * and the clip analysis (root trail, foot contacts). When a motion-only file (BVH, mocap FBX) is shown on a
 * character, the clip is retargeted once and the character is what gets drawn.
 * Plain three.js (no React), so it is built in a useMemo and is testable in Node.
 */
import { AnimationMixer, Vector3 } from 'three';
import type { AnimationAction, AnimationClip } from 'three';
import { instantiate } from './assets/instantiate.ts';
import type { AssetInstance } from './assets/instantiate.ts';
import { clipFps } from './assets/parseAsset.ts';
import type { LoadedAsset } from './assets/parseAsset.ts';
import { analyseClip } from './rig/analyseClip.ts';
import type { ClipAnalysis } from './rig/analyseClip.ts';
import { retargetClip } from './rig/retargetClip.ts';

export interface SubjectRig {
  /** What is drawn: the asset itself, or the character the clip was retargeted onto. */
  display: AssetInstance;
  mixer: AnimationMixer;
  action: AnimationAction | null;
  clip: AnimationClip | null;
  duration: number;
  fps: number;
  analysis: ClipAnalysis | null;
  /** Name of the character file the motion plays on, when retargeted. */
  retargetedOnto: string | null;
  /** No mesh to draw: show the bone figure. */
  skeletonOnly: boolean;
  /**
   * Applies clip time `t` (seconds) to the pose. `inPlace` pins the root's horizontal position to where it stands
   * at frame 0 (root motion removed, height and rotation kept), and leaves world matrices updated.
   */
  pose(t: number, inPlace?: boolean): void;
  dispose(): void;
}

const tmp = new Vector3();

/** Baked retargets per motion asset and character, so switching back and forth does not bake again. */
const baked = new WeakMap<LoadedAsset, WeakMap<LoadedAsset, Map<number, AnimationClip>>>();

/** Only motion-only files (BVH, mocap FBX, armature GLB) are put on a character; a file with its own skin shows itself. */
export function canRetarget(motion: LoadedAsset, character: LoadedAsset | null): character is LoadedAsset {
  return (
    !!character &&
    character !== motion &&
    motion.clips.length > 0 &&
    motion.stats.skinnedMeshes === 0 &&
    !!motion.humanoid &&
    !!character.humanoid &&
    character.stats.skinnedMeshes > 0
  );
}

export function buildSubjectRig(asset: LoadedAsset, take: number, character: LoadedAsset | null): SubjectRig {
  const clipIndex = Math.min(Math.max(0, take), Math.max(0, asset.clips.length - 1));
  const sourceClip = asset.clips[clipIndex] ?? null;
  let display: AssetInstance;
  let clip: AnimationClip | null = sourceClip;
  let retargetedOnto: string | null = null;
  const fps = sourceClip ? clipFps(sourceClip) : 30;

  if (sourceClip && canRetarget(asset, character)) {
    display = instantiate(character);
    let perChar = baked.get(asset);
    if (!perChar) baked.set(asset, (perChar = new WeakMap()));
    let perTake = perChar.get(character);
    if (!perTake) perChar.set(character, (perTake = new Map()));
    clip = perTake.get(clipIndex) ?? null;
    if (!clip) {
      const src = instantiate(asset);
      const srcMixer = new AnimationMixer(src.model);
      const srcAction = srcMixer.clipAction(sourceClip).play();
      clip = retargetClip({ inst: src, mixer: srcMixer, action: srcAction, duration: sourceClip.duration, fps }, display, `${sourceClip.name || asset.name} → ${character.name}`);
      srcMixer.stopAllAction();
      srcMixer.uncacheRoot(src.model);
      src.dispose();
      perTake.set(clipIndex, clip);
    }
    retargetedOnto = character.name;
  } else {
    display = instantiate(asset);
  }

  const mixer = new AnimationMixer(display.model);
  const action = clip ? mixer.clipAction(clip).play() : null;
  const duration = clip?.duration ?? 0;
  const root = display.rootBone;
  const anchor = { x: 0, z: 0 };
  const pose = (t: number, inPlace = false) => {
    if (!action) return;
    action.time = Math.min(Math.max(t, 0), duration);
    mixer.update(0);
    display.root.updateMatrixWorld(true);
    if (inPlace && root?.parent) {
      // World space, then back into the parent's space: the root's parent may be rotated (Z-up FBX) or scaled.
      root.getWorldPosition(tmp);
      tmp.x = anchor.x;
      tmp.z = anchor.z;
      root.position.copy(root.parent.worldToLocal(tmp));
      root.updateMatrixWorld(true);
    }
  };

  let analysis: ClipAnalysis | null = null;
  if (action && duration > 0) {
    analysis = analyseClip(
      {
        root: display.root,
        rootBone: display.rootBone,
        leftFoot: display.roles.leftFoot ?? null,
        rightFoot: display.roles.rightFoot ?? null,
        leftToes: display.roles.leftToes ?? null,
        rightToes: display.roles.rightToes ?? null,
      },
      mixer,
      action,
      duration,
      fps,
    );
    anchor.x = analysis.trail[0]!;
    anchor.z = analysis.trail[2]!;
    pose(0);
  }

  return {
    display,
    mixer,
    action,
    clip,
    duration,
    fps,
    analysis,
    retargetedOnto,
    skeletonOnly: display.meshes.length === 0,
    pose,
    dispose() {
      mixer.stopAllAction();
      mixer.uncacheRoot(display.model);
      display.dispose();
    },
  };
}
