/**
 * Loads one variant's GLB and plays its first clip, driven by the shared playhead.
 *
 * The mixer never advances on its own: every frame sets `action.time = playhead.time` and evaluates with
 * `mixer.update(0)`. The playhead (state/playhead.ts) is the single clock, so scrubbing, frame stepping and
 * playback are all the same code path, and looping/end behaviour is decided in one pure function.
 */
import { useFrame, useLoader, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { AnimationMixer, SkeletonHelper } from 'three';
import type { PerspectiveCamera } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { clone as cloneSkinned } from 'three/examples/jsm/utils/SkeletonUtils.js';
import { playhead } from '../state/playhead.ts';
import { applyFraming, frameBox, motionBounds } from './cameraFraming.ts';
import type { Framing } from './cameraFraming.ts';
import { detectFps } from './clipInfo.ts';

interface ControlsLike {
  target: { copy(v: unknown): unknown };
  update(): void;
  saveState?: () => void;
}

interface Props {
  url: string;
  /** Re-frame the camera when this clip appears (a new job); variants of the same job keep the camera. */
  frameOnLoad: boolean;
  showSkeleton: boolean;
  onFramed: (f: Framing) => void;
}

export function ClipModel({ url, frameOnLoad, showSkeleton, onFramed }: Props) {
  const gltf = useLoader(GLTFLoader, url);
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const controls = useThree((s) => s.controls) as unknown as ControlsLike | null;
  const invalidate = useThree((s) => s.invalidate);

  // A private copy: the loader cache keeps the original, and SkeletonUtils.clone rebinds the skeletons.
  const { scene, hasMesh } = useMemo(() => {
    const s = cloneSkinned(gltf.scene);
    let meshes = 0;
    s.traverse((o) => {
      const m = o as { isMesh?: boolean; isSkinnedMesh?: boolean; castShadow: boolean; frustumCulled: boolean };
      if (m.isMesh) {
        meshes++;
        m.castShadow = true;
        // Bind-pose bounds do not follow the skeleton; a character that walks away would be culled.
        if (m.isSkinnedMesh) m.frustumCulled = false;
      }
    });
    return { scene: s, hasMesh: meshes > 0 };
  }, [gltf]);

  const clip = gltf.animations[0] ?? null;
  const mixer = useMemo(() => new AnimationMixer(scene), [scene]);
  // Playing from creation: the first frame (which may run before effects) samples the clip for framing.
  const action = useMemo(() => (clip ? mixer.clipAction(clip).play() : null), [mixer, clip]);
  const skeleton = useMemo(() => new SkeletonHelper(scene), [scene]);
  const started = useRef(false);

  useEffect(() => {
    started.current = false;
    action?.play();
    invalidate();
    return () => {
      mixer.stopAllAction();
      mixer.uncacheRoot(scene);
      skeleton.dispose();
    };
  }, [action, mixer, scene, skeleton, invalidate]);

  useFrame(() => {
    if (!started.current) {
      started.current = true;
      const duration = clip?.duration ?? 0;
      if (frameOnLoad) {
        const framing = frameBox(motionBounds(scene, mixer, action, duration), camera);
        applyFraming(camera, framing);
        if (controls) {
          controls.target.copy(framing.target);
          controls.update();
          controls.saveState?.();
        }
        onFramed(framing);
      }
      if (clip) {
        playhead.loaded({ duration, fps: detectFps(clip.tracks), clipName: clip.name || null, autoplay: true });
      } else {
        playhead.failed('This GLB has no animation clip, so there is nothing to play. Download it to inspect it in a DCC tool.');
      }
    }

    const playing = playhead.tick();
    if (action && mixer) {
      action.time = playhead.time;
      mixer.update(0);
    }
    if (playing) invalidate();
  });

  return (
    <>
      <primitive object={scene} dispose={null} />
      {(showSkeleton || !hasMesh) && <primitive object={skeleton} />}
    </>
  );
}
