/**
 * Viewport toolbar (top right): reset view, open a file, and the inspection toggles an animator switches while
 * judging a clip (in place, skeleton, wireframe, root trail, foot contacts, ground shadow, grid), and video export.
 */
import { useRef } from 'react';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { localFiles } from '../dropzone/index.ts';
import { usePlayerOptions } from '../player/index.ts';
import { RecordViewportButton, RenderVideoButton } from '../render/index.ts';
import { useEditor } from '../state/editorStore.ts';
import { viewportCommands } from '../state/viewportCommands.ts';
import { BonesIcon, FrameIcon, GridIcon } from '../ui/icons.tsx';
import { FootprintsIcon, InPlaceIcon, OpenFileIcon, ShadowIcon, TrailIcon, WireframeIcon } from '../ui/icons.tsx';

function ToolButton({ label, pressed, onClick, children, testId }: { label: string; pressed?: boolean; onClick: () => void; children: ReactNode; testId: string }) {
  return (
    <button
      type="button"
      title={label}
      aria-label={label}
      aria-pressed={pressed}
      data-testid={testId}
      onClick={onClick}
      // Keep focus off toolbar buttons so Space stays play/pause.
      onMouseDown={(e) => e.preventDefault()}
      className={`grid size-7 place-items-center rounded-md transition-colors ${pressed ? 'bg-accent/20 text-accent' : 'text-muted hover:bg-white/8 hover:text-fg'}`}
    >
      {children}
    </button>
  );
}

const Sep = () => <span aria-hidden className="mx-0.5 my-1 w-px bg-line" />;

export function ViewportToolbar() {
  const [showSkeleton, showGrid, setView] = useEditor(useShallow((s) => [s.showSkeleton, s.showGrid, s.setView]));
  const o = usePlayerOptions();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div role="toolbar" aria-label="View" className="absolute top-2 right-2 z-20 flex gap-0.5 rounded-lg border border-line bg-panel/85 p-0.5 backdrop-blur">
      <ToolButton label="Reset view (F)" onClick={() => viewportCommands.frame()} testId="frame-button">
        <FrameIcon />
      </ToolButton>
      <ToolButton label="Open a GLB, glTF, FBX or BVH file (or drop it on the viewport)" onClick={() => input.current?.click()} testId="open-file">
        <OpenFileIcon />
      </ToolButton>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="open-file-input"
        accept=".glb,.gltf,.fbx,.bvh,.bin,.png,.jpg,.jpeg,.webp"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length) void localFiles.open(files);
        }}
      />
      <Sep />
      <ToolButton label="In place: remove root motion" pressed={o.inPlace} onClick={() => o.set({ inPlace: !o.inPlace })} testId="inplace-toggle">
        <InPlaceIcon />
      </ToolButton>
      <ToolButton label="Skeleton overlay" pressed={showSkeleton} onClick={() => setView({ showSkeleton: !showSkeleton })} testId="skeleton-toggle">
        <BonesIcon />
      </ToolButton>
      <ToolButton label="Wireframe" pressed={o.wireframe} onClick={() => o.set({ wireframe: !o.wireframe })} testId="wireframe-toggle">
        <WireframeIcon />
      </ToolButton>
      <ToolButton label="Root path trail" pressed={o.showTrail} onClick={() => o.set({ showTrail: !o.showTrail })} testId="trail-toggle">
        <TrailIcon />
      </ToolButton>
      <ToolButton label="Foot contacts" pressed={o.showContacts} onClick={() => o.set({ showContacts: !o.showContacts })} testId="contacts-toggle">
        <FootprintsIcon />
      </ToolButton>
      <Sep />
      <ToolButton label="Ground shadow" pressed={o.showShadow} onClick={() => o.set({ showShadow: !o.showShadow })} testId="shadow-toggle">
        <ShadowIcon />
      </ToolButton>
      <ToolButton label="Floor grid" pressed={showGrid} onClick={() => setView({ showGrid: !showGrid })} testId="grid-toggle">
        <GridIcon />
      </ToolButton>
      <Sep />
      <RecordViewportButton />
      <RenderVideoButton />
    </div>
  );
}
