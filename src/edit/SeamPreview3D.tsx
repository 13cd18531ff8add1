/**
 * The loop seam before submitting: the take's first frame drawn solid and its last frame as an orange ghost
 * over it, so the gap a loop must close (drift, turn, a different pose) is visible at a glance. Lazy-loaded
 * (three.js). The GLB comes from the loader cache the viewport already filled, so it opens instantly.
 */
import { OrbitControls } from '@react-three/drei';
import { Canvas, useLoader, useThree } from '@react-three/fiber';
import { Suspense, useEffect, useMemo } from 'react';
import { AnimationMixer, Color, Quaternion, Vector3 } from 'three';
import type { Material, Mesh, Object3D, PerspectiveCamera } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { clone as cloneSkinned } from 'three/examples/jsm/utils/SkeletonUtils.js';
import { frameCamera, poseBox } from './poseFraming.ts';
import type { RootPose } from './seamMath.ts';

export interface SeamPreviewProps {
  url: string;
  onMeasured: (first: RootPose, last: RootPose) => void;
}

const GHOST = new Color('#ff7a45');

/** A pose of the take at time t, as its own skinned copy. */
function poseAt(source: Object3D, clip: import('three').AnimationClip | undefined, t: number): Object3D {
  const copy = cloneSkinned(source);
  if (clip) {
    const mixer = new AnimationMixer(copy);
    mixer.clipAction(clip).play();
    // Leave the action active: stopping it would restore the bind pose (the mixer puts bindings back on stop).
    mixer.setTime(t);
  }
  copy.updateMatrixWorld(true);
  return copy;
}

function rootBone(o: Object3D): Object3D | null {
  let found: Object3D | null = null;
  o.traverse((n) => {
    if (!found && (n as { isBone?: boolean }).isBone && !(n.parent as { isBone?: boolean } | null)?.isBone) found = n;
  });
  return found;
}

const FORWARD = new Vector3(0, 0, 1);

function rootPose(o: Object3D, reference: Quaternion | null): RootPose {
  const bone = rootBone(o) ?? o;
  const p = bone.getWorldPosition(new Vector3());
  const q = bone.getWorldQuaternion(new Quaternion());
  // Heading relative to the first frame's root, so the bone's own axis convention cancels out.
  const rel = reference ? q.clone().multiply(reference.clone().invert()) : new Quaternion();
  const f = FORWARD.clone().applyQuaternion(rel);
  return { x: p.x, y: p.y, z: p.z, yaw: Math.atan2(f.x, f.z) };
}

function ghostify(o: Object3D): void {
  o.traverse((n) => {
    const mesh = n as Mesh;
    if (!mesh.isMesh) return;
    const mats = Array.isArray(mesh.material) ? mesh.material : [mesh.material];
    const ghosts = mats.map((m: Material) => {
      const g = m.clone() as Material & { color?: Color; emissive?: Color };
      g.transparent = true;
      g.opacity = 0.38;
      g.depthWrite = false;
      g.color?.copy(GHOST);
      g.emissive?.copy(GHOST).multiplyScalar(0.25);
      return g;
    });
    mesh.material = Array.isArray(mesh.material) ? ghosts : ghosts[0]!;
    mesh.renderOrder = 1;
  });
}

function SeamScene({ url, onMeasured }: SeamPreviewProps) {
  const gltf = useLoader(GLTFLoader, url);
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const invalidate = useThree((s) => s.invalidate);
  const controls = useThree((s) => s.controls) as unknown as { target: { copy(v: unknown): unknown }; update(): void } | null;
  const clip = gltf.animations[0];
  const duration = clip?.duration ?? 0;

  const { first, last, box, measures } = useMemo(() => {
    const a = poseAt(gltf.scene, clip, 0);
    const b = poseAt(gltf.scene, clip, Math.max(0, duration - 1e-4));
    ghostify(b);
    const refQ = (rootBone(a) ?? a).getWorldQuaternion(new Quaternion());
    const bounds = poseBox([a, b]);
    return { first: a, last: b, box: bounds, measures: [rootPose(a, refQ), rootPose(b, refQ)] as const };
  }, [gltf, clip, duration]);

  useEffect(() => {
    const target = frameCamera(camera, box, 1.1);
    controls?.target.copy(target);
    controls?.update();
    invalidate();
    onMeasured(measures[0], measures[1]);
  }, [box, camera, controls, invalidate, measures, onMeasured]);

  return (
    <>
      <primitive object={first} dispose={null} />
      <primitive object={last} dispose={null} />
    </>
  );
}

export default function SeamPreview3D(props: SeamPreviewProps) {
  return (
    <Canvas frameloop="demand" dpr={[1, 2]} gl={{ antialias: true }} camera={{ fov: 35, position: [1.6, 1.4, 4], near: 0.05, far: 200 }}>
      <color attach="background" args={['#14161a']} />
      <hemisphereLight args={['#e4ebf7', '#2a2520', 1.3]} />
      <directionalLight position={[-2, 4, 3]} intensity={2} />
      <gridHelper args={[20, 40, '#3a4150', '#262b34']} />
      <OrbitControls makeDefault enableDamping={false} />
      <Suspense fallback={null}>
        <SeamScene {...props} />
      </Suspense>
    </Canvas>
  );
}
