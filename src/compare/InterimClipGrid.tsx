/**
 * A grid of synced 3D views in ONE WebGL renderer (drei <View> scissors one canvas into cells).
 * Interim: issue 6 builds the shared `viewport/ClipGrid.tsx`; ClipGridSlot switches to it once it exists.
 *
 * The shared playhead stays the only clock: one driver ticks it, every cell samples its clip at
 * playhead.time (a shorter take holds its last frame, so takes of different lengths stay comparable), and the
 * transport shows the longest take. Switching clips keeps the current moment (A/B toggling).
 */
import { OrbitControls, PerspectiveCamera, View } from '@react-three/drei';
import { Canvas, addEffect, invalidate as invalidateAll, useFrame, useLoader, useThree } from '@react-three/fiber';
import { Suspense, createRef, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import { AnimationMixer, Box3 } from 'three';
import type { PerspectiveCamera as PerspectiveCameraT } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { clone as cloneSkinned } from 'three/examples/jsm/utils/SkeletonUtils.js';
import { playhead } from '../state/playhead.ts';
import { DEFAULT_FPS } from '../timeline/timeMath.ts';
import type { ClipGridProps, GridClip } from './clipGridTypes.ts';
import { gridColumns } from './clipGridTypes.ts';
import { frameCamera, poseBox } from './poseFraming.ts';

interface ClipFacts {
  duration: number;
  fps: number;
}

/**
 * Advances the shared playhead once per animation frame, before any canvas renders. Ticking with the rAF
 * timestamp makes a second driver in the same frame (the main viewport's) add nothing, so time never runs double.
 */
function PlayheadDriver() {
  useEffect(() => {
    playhead.setRenderRequest(() => invalidateAll());
    const off = addEffect((timestamp) => {
      if (playhead.tick(timestamp)) invalidateAll();
    });
    return () => {
      off();
      playhead.setRenderRequest(null);
    };
  }, []);
  return null;
}

/** Frame rate of a baked clip from its densest track's key spacing. */
function clipFps(tracks: ReadonlyArray<{ times: ArrayLike<number> }>): number {
  let n = 0;
  let span = 0;
  for (const t of tracks) {
    if (t.times.length > n) {
      n = t.times.length;
      span = t.times[n - 1]! - t.times[0]!;
    }
  }
  return n > 2 && span > 0 ? Math.round((n - 1) / span) : DEFAULT_FPS;
}

/** Lights, floor and grid for one cell (each drei View is its own scene). */
function CellStage() {
  return (
    <>
      <color attach="background" args={['#14161a']} />
      <hemisphereLight args={['#e4ebf7', '#2a2520', 1.15]} />
      <directionalLight position={[-2.5, 5, 3]} intensity={2.2} color="#fff4e6" />
      <directionalLight position={[3, 2, -4]} intensity={0.9} color="#a9bcff" />
      <mesh rotation-x={-Math.PI / 2} position-y={-0.001}>
        <planeGeometry args={[200, 200]} />
        <meshStandardMaterial color="#2a2e36" roughness={1} />
      </mesh>
      <gridHelper args={[40, 160, '#465063', '#30353f']} position-y={0.001} />
    </>
  );
}

function CellModel({ url, onReady }: { url: string; onReady: (facts: ClipFacts) => void }) {
  const gltf = useLoader(GLTFLoader, url);
  const camera = useThree((s) => s.camera) as PerspectiveCameraT;
  const controls = useThree((s) => s.controls) as unknown as { target: { copy(v: unknown): unknown }; update(): void } | null;
  const scene = useMemo(() => {
    const s = cloneSkinned(gltf.scene);
    s.traverse((o) => {
      const m = o as { isSkinnedMesh?: boolean; frustumCulled: boolean };
      // Bind-pose bounds do not follow the skeleton: a character that walks away would be culled.
      if (m.isSkinnedMesh) m.frustumCulled = false;
    });
    return s;
  }, [gltf]);
  const clip = gltf.animations[0] ?? null;
  const mixer = useMemo(() => new AnimationMixer(scene), [scene]);
  const action = useMemo(() => (clip ? mixer.clipAction(clip).play() : null), [mixer, clip]);
  const framed = useRef(false);

  useEffect(() => () => {
    mixer.stopAllAction();
    mixer.uncacheRoot(scene);
  }, [mixer, scene]);

  useFrame(() => {
    const duration = clip?.duration ?? 0;
    if (!framed.current) {
      framed.current = true;
      // Frame on the whole clip (sampled), so a character that walks off stays in shot.
      const box = new Box3();
      for (let i = 0; i <= 8; i++) {
        if (action) {
          action.time = (i / 8) * duration;
          mixer.update(0);
        }
        poseBox([scene], box);
      }
      const target = frameCamera(camera, box);
      controls?.target.copy(target);
      controls?.update();
      onReady({ duration, fps: clip ? clipFps(clip.tracks) : DEFAULT_FPS });
    }
    if (action) {
      action.time = Math.min(playhead.time, Math.max(0, duration - 1e-4));
      mixer.update(0);
    }
  });

  return <primitive object={scene} dispose={null} />;
}

function Cell({ track, url, index, onReady }: { track: RefObject<HTMLDivElement | null>; url: string; index: number; onReady: (f: ClipFacts) => void }) {
  return (
    <View track={track as RefObject<HTMLElement>} index={index + 1}>
      <PerspectiveCamera makeDefault fov={35} position={[1.6, 1.5, 4.2]} near={0.05} far={500} />
      <CellStage />
      <OrbitControls makeDefault enableDamping={false} minDistance={0.3} maxDistance={200} />
      <Suspense fallback={null}>
        <CellModel key={url} url={url} onReady={onReady} />
      </Suspense>
    </View>
  );
}

export default function InterimClipGrid({ clips, columns, overlay, selectedKey }: ClipGridProps) {
  const container = useRef<HTMLDivElement>(null);
  // One tracking element per cell; cells are keyed, so only the count decides how many refs exist.
  const tracks = useMemo(() => Array.from({ length: clips.length }, () => createRef<HTMLDivElement>()), [clips.length]);
  const facts = useRef(new Map<string, ClipFacts>());
  const urlsKey = clips.map((c) => c.url).join('|');
  const cols = columns ?? gridColumns(clips.length);

  // Before paint, so nothing reads the previous set as ready. Keep the moment: comparing is about one instant.
  useLayoutEffect(() => {
    facts.current.clear();
    if (urlsKey) playhead.beginLoad({ keepTime: true });
    else playhead.clear();
  }, [urlsKey]);

  const onReady = (clip: GridClip) => (f: ClipFacts) => {
    facts.current.set(clip.url, f);
    if (clips.every((c) => facts.current.has(c.url))) {
      const all = [...facts.current.values()];
      playhead.loaded({
        duration: Math.max(...all.map((x) => x.duration)),
        fps: all[0]?.fps ?? 30,
        clipName: clips.length === 1 ? (clips[0]?.label ?? null) : `${clips.length} takes`,
      });
    }
  };

  return (
    <div ref={container} data-testid="clip-grid" data-count={clips.length} className="relative h-full w-full overflow-hidden bg-line">
      <div className="grid h-full w-full gap-px" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gridAutoRows: 'minmax(0, 1fr)' }}>
        {clips.map((c, i) => (
          <div
            key={c.key}
            ref={tracks[i]}
            data-testid="clip-grid-cell"
            data-key={c.key}
            className={`relative min-h-0 min-w-0 ${selectedKey === c.key ? 'outline-2 -outline-offset-2 outline-accent' : ''}`}
          >
            <span className="pointer-events-none absolute top-2 left-2 z-10 rounded border border-line bg-panel/85 px-1.5 py-0.5 font-mono text-[11px] text-fg backdrop-blur">
              {c.label}
            </span>
            {overlay?.(c, i)}
          </div>
        ))}
      </div>
      <Canvas
        frameloop="demand"
        dpr={[1, 2]}
        gl={{ preserveDrawingBuffer: true, antialias: true }}
        eventSource={container as RefObject<HTMLElement>}
        style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}
      >
        <PlayheadDriver />
        {clips.map((c, i) => (
          <Cell key={c.key} track={tracks[i]!} url={c.url} index={i} onReady={onReady(c)} />
        ))}
      </Canvas>
    </div>
  );
}
