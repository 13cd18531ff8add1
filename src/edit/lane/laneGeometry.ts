import type { LoopForm, MergeForm } from '../editForms.ts';
import { loopedLength } from '../editForms.ts';
import type { EditAction } from '../editGates.ts';

/** Merge: the new part's length is decided by the engine; the lane draws this much of it as a sketch. */
export const NEW_PART_SKETCH_SEC = 3;

export interface LaneGeometry {
  /** Merge: where this take is cut (its trimmed tail starts). */
  cut: number;
  /** Merge: where the new part starts (the blend overlaps the cut). */
  newStart: number;
  /** Seconds the lane spans: the take, its loop repetitions, or the take plus the new part's sketch. */
  extent: number;
}

export function laneGeometry(tool: EditAction | null, duration: number, fps: number, merge: MergeForm, loop: LoopForm): LaneGeometry {
  const cut = Math.max(0, duration - Math.max(0, merge.trimLeftFrames) / fps);
  const newStart = Math.max(0, cut - Math.max(0, merge.blendSec));
  const extent = tool === 'loop' ? loopedLength(duration, loop.reps) : tool === 'merge' ? Math.max(duration, newStart + NEW_PART_SKETCH_SEC) : duration;
  return { cut, newStart, extent };
}

/** Pixel position of a time, and the left/width of a time span, in the lane's current view. */
export type XFn = (t: number) => number;
export type SpanFn = (a: number, b: number) => { left: number; width: number };
