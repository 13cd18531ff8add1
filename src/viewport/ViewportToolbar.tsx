/** Viewport view toggles (top right): frame subject, skeleton overlay, grid. */
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../state/editorStore.ts';
import { viewportCommands } from '../state/viewportCommands.ts';
import { BonesIcon, FrameIcon, GridIcon } from '../ui/icons.tsx';

function ToolButton({
  label,
  pressed,
  onClick,
  children,
  testId,
}: {
  label: string;
  pressed?: boolean;
  onClick: () => void;
  children: ReactNode;
  testId: string;
}) {
  return (
    <button
      type="button"
      title={label}
      aria-label={label}
      aria-pressed={pressed}
      data-testid={testId}
      onClick={onClick}
      className={`grid size-7 place-items-center rounded-md transition-colors ${
        pressed ? 'bg-accent/20 text-accent' : 'text-muted hover:bg-white/8 hover:text-fg'
      }`}
    >
      {children}
    </button>
  );
}

export function ViewportToolbar() {
  const [showSkeleton, showGrid, setView] = useEditor(useShallow((s) => [s.showSkeleton, s.showGrid, s.setView]));
  return (
    <div className="absolute top-2 right-2 flex gap-0.5 rounded-lg border border-line bg-panel/85 p-0.5 backdrop-blur">
      <ToolButton label="Frame subject (F)" onClick={() => viewportCommands.frame()} testId="frame-button">
        <FrameIcon />
      </ToolButton>
      <ToolButton label="Show skeleton" pressed={showSkeleton} onClick={() => setView({ showSkeleton: !showSkeleton })} testId="skeleton-toggle">
        <BonesIcon />
      </ToolButton>
      <ToolButton label="Show grid" pressed={showGrid} onClick={() => setView({ showGrid: !showGrid })} testId="grid-toggle">
        <GridIcon />
      </ToolButton>
    </div>
  );
}
