/** The multi-view grid's props, shared by the slot and the 3D implementation (which is lazy-loaded). */
import type { ReactNode } from 'react';

export interface GridClip {
  key: string;
  url: string;
  label: string;
}

export interface ClipGridProps {
  clips: readonly GridClip[];
  /** Fixed column count; by default the grid picks one that keeps cells close to the stage's aspect. */
  columns?: number;
  /** DOM drawn over a cell (buttons, badges). */
  overlay?: (clip: GridClip, index: number) => ReactNode;
  /** Cell to outline as the current pick. */
  selectedKey?: string | null;
}

/** Columns for n cells: 1, 2, 2×2, 3×2, 4×2. */
export function gridColumns(n: number): number {
  if (n <= 1) return 1;
  if (n <= 2) return 2;
  if (n <= 4) return 2;
  if (n <= 6) return 3;
  return 4;
}
