/**
 * The 3D viewport (R3F). This module and everything it imports from three.js is loaded lazily
 * (React.lazy in ViewportPanel), so the first chunk stays free of three.js.
 */
import { OrbitControls } from '@react-three/drei';
import { Canvas, useThree } from '@react-three/fiber';
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { PerspectiveCamera } from 'three';
import { playhead } from '../state/playhead.ts';
import { viewportCommands } from '../state/viewportCommands.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { forgetAsset, preloadAsset } from './assets/assetCache.ts';
import type { AssetSource } from './assets/assetCache.ts';
import { AssetError } from './assets/parseAsset.ts';
import { applyFraming } from './cameraFraming.ts';
import type { Framing } from './cameraFraming.ts';
import { installPlayheadDriver, usePlayheadPump } from './playheadDriver.ts';
import { renderQuality } from './renderQuality.ts';
import { Stage } from './Stage.tsx';
import type { StageFocus } from './Stage.tsx';
import { SubjectModel } from './SubjectModel.tsx';
import { SceneProxies } from './overlays/SceneProxies.tsx';
import type { VariantScene } from '../../server/contract/api.ts';
import { ConstraintOverlay } from './overlays/ConstraintOverlay.tsx';
import type { SubjectDisplay, SubjectSource } from './SubjectModel.tsx';

installPlayheadDriver();

export interface Viewport3DProps {
  /** Scene proxies (stairs, ladder, box) the shown engine variant implies; null when there are none. */
  scene?: VariantScene | null;
  source: SubjectSource | null;
  /** Character a motion-only clip is retargeted onto (null = show the clip's own skeleton). */
  character: AssetSource | null;
  /** Identifies the subject for framing: the camera re-frames when this changes (e.g. a different job). */
  frameKey: string | null;
  /** Bumped by "Retry" after a failed load: drops the cached failure and loads again. */
  reloadToken: number;
  showGrid: boolean;
  showShadow: boolean;
  display: SubjectDisplay;
  /** Other variants' files, fetched and parsed in the background so switching takes is instant. */
  preload: readonly AssetSource[];
}

/** "Reset view" (F, toolbar): back to the framing computed for this clip. Also keeps playback rendering. */
function FrameCommand({ framing }: { framing: Framing | null }) {
  usePlayheadPump();
  const invalidate = useThree((s) => s.invalidate);
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const controls = useThree((s) => s.controls) as unknown as { target: { copy(v: unknown): unknown }; update(): void } | null;
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
  if (e instanceof AssetError) return e.message;
  return `Couldn't show this file (${e.message}). Retry, or download it to inspect it elsewhere.`;
}

export default function Viewport3D({ source, character, frameKey, reloadToken, showGrid, showShadow, display, preload, scene = null }: Viewport3DProps) {
  const [framing, setFraming] = useState<Framing | null>(null);
  const framedKey = useRef<string | null>(null);
  const quality = renderQuality();

  // Keyed by the URLs, not the array: the parent builds a new array every render.
  const preloadRef = useRef(preload);
  preloadRef.current = preload;
  const preloadKey = preload.map((p) => p.url).join('|');
  useEffect(() => {
    // After the visible clip has had a head start; failures here surface only if that variant is opened.
    const t = setTimeout(() => preloadRef.current.forEach(preloadAsset), 300);
    return () => clearTimeout(t);
  }, [preloadKey]);

  // Drop a cached failure before the retry renders (the cache would hand back the same rejected promise).
  useMemo(() => {
    if (source && reloadToken > 0) forgetAsset(source.url);
  }, [source, reloadToken]);

  const focus: StageFocus = framing ? { x: framing.target.x, z: framing.target.z, radius: framing.radius } : { x: 0, z: 0, radius: 1.2 };
  const frameOnLoad = frameKey !== framedKey.current;

  return (
    <Canvas
      frameloop="demand"
      shadows={quality.shadows}
      dpr={quality.dpr}
      gl={{ preserveDrawingBuffer: true, antialias: quality.antialias }}
      camera={{ fov: 35, position: [1.6, 1.5, 4.2], near: 0.05, far: 500 }}
      onCreated={({ camera }) => camera.lookAt(0, 0.9, 0)}
    >
      <FrameCommand framing={framing} />
      <Stage focus={focus} showGrid={showGrid} shadows={showShadow} />
      {scene && source && <SceneProxies scene={scene} />}
      <OrbitControls makeDefault enableDamping dampingFactor={0.12} target={INITIAL_TARGET} minDistance={0.3} maxDistance={200} />
      <ConstraintOverlay />
      {source && (
        <ErrorBoundary key={`${source.key}#${reloadToken}#${character?.url ?? ''}`} fallback={() => null} onError={(e) => playhead.failed(describeLoadError(e))}>
          <Suspense fallback={null}>
            <SubjectModel
              source={source}
              character={character}
              display={display}
              frameOnLoad={frameOnLoad}
              primary
              heldProps={scene?.props ?? null}
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
