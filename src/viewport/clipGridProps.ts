/**
 * Props of the multi-view grid (ClipGrid), kept in a three-free module so first-chunk code (LazyClipGrid, the
 * compare view) can type against them without pulling in the 3D chunk. Keep these stable: other views build on them.
 */
import type { ReactNode } from 'react';

export interface GridClip {
  /** Stable identity of the cell (e.g. `${jobId}:${variant}`). */
  key: string;
  /** GLB/glTF/FBX/BVH URL. */
  url: string;
  label: string;
}

export interface ClipGridProps {
  clips: readonly GridClip[];
  /** Fixed column count; by default 1, 2, 2×2, 3×2 or 4×2 by clip count. */
  columns?: number;
  /** DOM drawn over a cell (buttons, badges). */
  overlay?: (clip: GridClip, index: number) => ReactNode;
  /** Cell to outline as the current pick. */
  selectedKey?: string | null;
  /** Called when a cell's label is clicked or the cell double-clicked. */
  onSelect?: (key: string) => void;
  /**
   * The grid owns the shared playhead while shown (duration = longest take; default true). Set false when
   * another view (the main viewport) already drives it.
   */
  drivePlayhead?: boolean;
  className?: string;
}

/** Columns for n cells: 1, 2, 2×2, 3×2, 4×2. */
export function gridColumns(n: number): number {
  if (n <= 1) return 1;
  if (n <= 4) return 2;
  if (n <= 6) return 3;
  return 4;
}
