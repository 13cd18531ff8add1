/**
 * Several clips side by side in ONE WebGL renderer: scissored views (ScissorViews.tsx) split one canvas into cells,
 * so eight takes cost one context, one shader cache and one frame loop instead of eight (browsers cap live WebGL
 * contexts at ~16 anyway). Every cell samples its clip at the shared playhead's time, so the grid plays in sync; a
 * shorter take holds its last frame. Cells are cheaper than the main viewport on purpose: no shadow maps (a soft
 * blob under the root instead), no fog, and the grid texture only on a patch around the origin.
 *
 * Lazy: this module pulls in three.js. From first-chunk code use LazyClipGrid (same props).
 */
import { OrbitControls, PerspectiveCamera } from '@react-three/drei';
import { Canvas } from '@react-three/fiber';
import { Component, Suspense, createRef, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ErrorInfo, ReactNode, RefObject } from 'react';
import type { DataTexture } from 'three';
import { usePlayerOptions } from '../player/index.ts';
import { playhead } from '../state/playhead.ts';
import { useEditor } from '../state/editorStore.ts';
import type { ClipGridProps, GridClip } from './clipGridProps.ts';
import { gridColumns } from './clipGridProps.ts';
import { installPlayheadDriver, usePlayheadPump } from './playheadDriver.ts';
import { ScissorCell, ScissorRenderer } from './ScissorViews.tsx';
import { renderQuality } from './renderQuality.ts';
import { createFloorTexture } from './floorTexture.ts';
import { SubjectModel } from './SubjectModel.tsx';
import type { SubjectDisplay } from './SubjectModel.tsx';

installPlayheadDriver();

const BG = '#14161a';

/** Side of the gridded patch around the origin, metres: takes rarely leave it, and beyond it the floor is plain. */
const PATCH_M = 16;
/** One grid texture for every cell: built once, kept while the module lives. */
let cellFloor: DataTexture | null = null;

/**
 * Lights and floor for one cell (each View is its own scene). The floor is unlit (lighting costs per pixel) and only
 * a patch around the origin carries the grid texture, so texture sampling runs on a fraction of the pixels.
 */
function CellStage() {
  if (!cellFloor) {
    cellFloor = createFloorTexture('#262a31', '#2d323b', '#3d4554');
    cellFloor.repeat.set(PATCH_M, PATCH_M);
  }
  return (
    <>
      <color attach="background" args={[BG]} />
      <hemisphereLight args={['#e4ebf7', '#2a2520', 1.2]} />
      <directionalLight position={[-2.5, 5, 3]} intensity={2.2} color="#fff4e6" />
      <directionalLight position={[3, 2, -4]} intensity={0.9} color="#a9bcff" />
      <mesh rotation-x={-Math.PI / 2} position-y={-0.001}>
        <planeGeometry args={[200, 200]} />
        <meshBasicMaterial color="#262a31" />
      </mesh>
      <mesh rotation-x={-Math.PI / 2}>
        <planeGeometry args={[PATCH_M, PATCH_M]} />
        <meshBasicMaterial map={cellFloor} />
      </mesh>
    </>
  );
}

function Pump() {
  usePlayheadPump();
  return null;
}

/** A cell whose file fails still reports in, so the others play; its label says what went wrong. */
class CellBoundary extends Component<{ onError: (e: Error) => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

interface CellProps {
  clip: GridClip;
  track: RefObject<HTMLDivElement | null>;
  display: SubjectDisplay;
  onReady: (key: string, facts: { duration: number; fps: number } | null, error?: string) => void;
}

function Cell({ clip, track, display, onReady }: CellProps) {
  return (
    <ScissorCell id={clip.key} track={track}>
      <PerspectiveCamera makeDefault fov={35} position={[1.6, 1.5, 4.2]} near={0.05} far={500} />
      <CellStage />
      {/* Listens on its own cell only: orbiting one take must not turn the others. */}
      <OrbitControls makeDefault domElement={track.current ?? undefined} enableDamping={false} minDistance={0.3} maxDistance={200} />
      <CellBoundary onError={(e) => onReady(clip.key, null, e.message)}>
        <Suspense fallback={null}>
          <SubjectModel
            source={{ key: clip.key, url: clip.url, name: clip.label }}
            character={null}
            display={display}
            frameOnLoad
            primary={false}
            blobShadow
            onReady={(facts) => onReady(clip.key, facts)}
          />
        </Suspense>
      </CellBoundary>
    </ScissorCell>
  );
}

function ClipGrid({ clips, columns, overlay, selectedKey = null, onSelect, drivePlayhead = true, className = '' }: ClipGridProps) {
  const container = useRef<HTMLDivElement>(null);
  // One tracking element per cell; cells are keyed, so only the count decides how many refs exist.
  const tracks = useMemo(() => Array.from({ length: clips.length }, () => createRef<HTMLDivElement>()), [clips.length]);
  const facts = useRef(new Map<string, { duration: number; fps: number } | null>());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const cols = columns ?? gridColumns(clips.length);
  const quality = renderQuality();
  const urlsKey = clips.map((c) => `${c.key}=${c.url}`).join('|');
  const showSkeleton = useEditor((s) => s.showSkeleton);
  const opts = usePlayerOptions();
  const display: SubjectDisplay = { showSkeleton, wireframe: opts.wireframe, inPlace: opts.inPlace, showTrail: opts.showTrail, showContacts: false };

  // Before paint, so nothing reads the previous set as ready. Keep the moment: comparing is about one instant.
  useLayoutEffect(() => {
    facts.current.clear();
    setErrors({});
    if (!drivePlayhead) return;
    if (urlsKey) playhead.beginLoad({ keepTime: true });
    else playhead.clear();
  }, [urlsKey, drivePlayhead]);

  const onReady = (key: string, f: { duration: number; fps: number } | null, error?: string) => {
    facts.current.set(key, f);
    if (error) setErrors((e) => ({ ...e, [key]: error }));
    if (!drivePlayhead || !clips.every((c) => facts.current.has(c.key))) return;
    const ok = [...facts.current.values()].filter((x): x is { duration: number; fps: number } => x !== null);
    if (ok.length === 0) return playhead.failed('None of these takes could be loaded.');
    playhead.loaded({
      duration: Math.max(...ok.map((x) => x.duration)),
      fps: ok[0]!.fps,
      clipName: clips.length === 1 ? (clips[0]?.label ?? null) : `${clips.length} takes`,
      autoplay: true,
    });
  };

  return (
    <div ref={container} data-testid="clip-grid" data-count={clips.length} className={`relative h-full w-full overflow-hidden bg-line ${className}`}>
      <div className="grid h-full w-full gap-px" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gridAutoRows: 'minmax(0, 1fr)' }}>
        {clips.map((c, i) => (
          <div
            key={c.key}
            ref={tracks[i]}
            data-testid="clip-grid-cell"
            data-key={c.key}
            data-selected={selectedKey === c.key}
            onDoubleClick={() => onSelect?.(c.key)}
            className={`relative min-h-0 min-w-0 ${selectedKey === c.key ? 'outline-2 -outline-offset-2 outline-accent' : ''}`}
          >
            <button
              type="button"
              title={onSelect ? `Open ${c.label} (double-click the cell)` : c.label}
              onClick={() => onSelect?.(c.key)}
              className="absolute top-2 left-2 z-10 rounded border border-line bg-panel/85 px-1.5 py-0.5 font-mono text-[11px] text-fg backdrop-blur hover:border-accent/70"
            >
              {c.label}
            </button>
            {errors[c.key] && (
              <p role="alert" className="absolute inset-x-2 bottom-2 z-10 rounded bg-red-950/80 px-2 py-1 text-[11px] text-red-200">
                {errors[c.key]}
              </p>
            )}
            {overlay?.(c, i)}
          </div>
        ))}
      </div>
      <Canvas
        frameloop="demand"
        dpr={[1, Math.min(1.5, quality.dpr[1])]}
        gl={{ preserveDrawingBuffer: true, antialias: quality.antialias }}
        eventSource={container as RefObject<HTMLElement>}
        style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}
      >
        <Pump />
        <ScissorRenderer>
          {clips.map((c, i) => (
            <Cell key={c.key} clip={c} track={tracks[i]!} display={display} onReady={onReady} />
          ))}
        </ScissorRenderer>
      </Canvas>
    </div>
  );
}

export default ClipGrid;
