/**
 * The 3D viewport (R3F). This module and everything it imports from three.js is loaded lazily
 * (React.lazy in ViewportPanel), so the first chunk stays free of three.js.
 */
import { OrbitControls } from '@react-three/drei';
import { Canvas, useLoader, useThree } from '@react-three/fiber';
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { PerspectiveCamera } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { playhead } from '../state/playhead.ts';
import { viewportCommands } from '../state/viewportCommands.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { applyFraming } from './cameraFraming.ts';
import type { Framing } from './cameraFraming.ts';
import { ClipModel } from './ClipModel.tsx';
import { Stage } from './Stage.tsx';
import type { StageFocus } from './Stage.tsx';

export interface Viewport3DProps {
  url: string | null;
  /** Identifies the subject for framing: the camera re-frames when this changes (e.g. a different job). */
  frameKey: string | null;
  /** Bumped by "Retry" after a failed load: drops the cached failure and loads again. */
  reloadToken: number;
  showGrid: boolean;
  showSkeleton: boolean;
  /** Other variants' GLBs, fetched in the background so switching takes is instant. */
  preloadUrls: readonly string[];
}

/** Lets seeks and the UI draw a frame although the canvas renders on demand. */
function RenderBridge({ framing }: { framing: Framing | null }) {
  const invalidate = useThree((s) => s.invalidate);
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const controls = useThree((s) => s.controls) as unknown as { target: { copy(v: unknown): unknown }; update(): void } | null;
  useEffect(() => {
    playhead.setRenderRequest(invalidate);
    return () => playhead.setRenderRequest(null);
  }, [invalidate]);
  useEffect(
    () =>
      viewportCommands.on('frame', () => {
        if (!framing) return;
        applyFraming(camera, framing);
        controls?.target.copy(framing.target);
        controls?.update();
        invalidate();
      }),
    [framing, camera, controls, invalidate],
  );
  return null;
}

/** Module constant: a fresh array per render would make R3F re-apply it and undo the framing. */
const INITIAL_TARGET: [number, number, number] = [0, 0.9, 0];

function describeLoadError(e: Error): string {
  const msg = e.message.replace(/^Could not load [^:]+:\s*/, '');
  return `Couldn't load this variant's GLB (${msg}). Retry, or download the file to inspect it elsewhere.`;
}

export default function Viewport3D({ url, frameKey, reloadToken, showGrid, showSkeleton, preloadUrls }: Viewport3DProps) {
  const [framing, setFraming] = useState<Framing | null>(null);
  const framedKey = useRef<string | null>(null);

  const preloadKey = preloadUrls.join('|');
  useEffect(() => {
    // After the visible clip has had a head start; failures here surface only if that variant is opened.
    const t = setTimeout(() => {
      for (const u of preloadKey.split('|')) if (u) useLoader.preload(GLTFLoader, u);
    }, 300);
    return () => clearTimeout(t);
  }, [preloadKey]);

  // Drop a cached failure before the retry renders (the loader cache would rethrow it).
  useMemo(() => {
    if (url && reloadToken > 0) useLoader.clear(GLTFLoader, url);
  }, [url, reloadToken]);

  const focus: StageFocus = framing
    ? { x: framing.target.x, z: framing.target.z, radius: framing.radius }
    : { x: 0, z: 0, radius: 1.2 };
  const frameOnLoad = frameKey !== framedKey.current;

  return (
    <Canvas
      frameloop="demand"
      shadows="percentage"
      dpr={[1, 2]}
      gl={{ preserveDrawingBuffer: true, antialias: true }}
      camera={{ fov: 35, position: [1.6, 1.5, 4.2], near: 0.05, far: 500 }}
      onCreated={({ camera }) => camera.lookAt(0, 0.9, 0)}
    >
      <RenderBridge framing={framing} />
      <Stage focus={focus} showGrid={showGrid} />
      <OrbitControls makeDefault enableDamping dampingFactor={0.12} target={INITIAL_TARGET} minDistance={0.3} maxDistance={200} />
      {url && (
        <ErrorBoundary
          key={`${url}#${reloadToken}`}
          fallback={() => null}
          onError={(e) => playhead.failed(describeLoadError(e))}
        >
          <Suspense fallback={null}>
            <ClipModel
              url={url}
              frameOnLoad={frameOnLoad}
              showSkeleton={showSkeleton}
              onFramed={(f) => {
                framedKey.current = frameKey;
                setFraming(f);
              }}
            />
          </Suspense>
        </ErrorBoundary>
      )}
    </Canvas>
  );
}
