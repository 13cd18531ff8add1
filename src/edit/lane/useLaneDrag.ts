import { useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent, RefObject } from 'react';
import { playhead } from '../../state/playhead.ts';
import { clampTime, viewXToTime } from '../../lib/timeMath.ts';
import type { TimeView } from '../../lib/timeMath.ts';
import { useEdit } from '../editStore.ts';
import { normalizeRange } from '../ranges.ts';
import type { TimeRange } from '../ranges.ts';

/** Pointer travel that turns a click into a drag. */
const DRAG_PX = 4;

type Drag =
  | { kind: 'pending'; x0: number; t0: number }
  | { kind: 'range'; t0: number }
  | { kind: 'scrub' }
  | { kind: 'edge'; index: number; edge: 'start' | 'end' }
  | { kind: 'trimLeft' }
  | { kind: 'trimRight' };

type PointerHandler = (e: ReactPointerEvent<HTMLDivElement>) => void;

export interface LaneDrag {
  /** The inpaint range being drawn, until the pointer is released. */
  draft: TimeRange | null;
  onPointerDown: PointerHandler;
  onPointerMove: PointerHandler;
  onPointerUp: PointerHandler;
  onPointerCancel: () => void;
}

interface LaneDragInput {
  ready: boolean;
  duration: number;
  fps: number;
  /** Merge: where the new part starts (its trim handle is dragged against it). */
  newStart: number;
  trackRef: RefObject<HTMLDivElement | null>;
  viewRef: RefObject<TimeView>;
}

/**
 * Pointer gestures on the lane track. What a press starts is named by the `data-drag` of the element under it:
 * the ruler scrubs, a range edge moves that edge, the merge handles trim; elsewhere a click moves the playhead
 * and a drag (past DRAG_PX) draws a new inpaint range, which opens the inpaint dialog.
 */
export function useLaneDrag({ ready, duration, fps, newStart, trackRef, viewRef }: LaneDragInput): LaneDrag {
  const drag = useRef<Drag | null>(null);
  const [draft, setDraft] = useState<TimeRange | null>(null);

  const timeAt = (e: ReactPointerEvent) => {
    const left = trackRef.current?.getBoundingClientRect().left ?? 0;
    return viewXToTime(e.clientX - left, viewRef.current);
  };

  const onPointerDown: PointerHandler = (e) => {
    if (!ready || e.button !== 0) return;
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-drag]');
    const kind = target?.dataset.drag;
    if (kind === 'none') return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const t = timeAt(e);
    if (kind === 'ruler') {
      drag.current = { kind: 'scrub' };
      playhead.scrubTo(clampTime(t, duration));
    } else if (kind === 'edge' && target) {
      drag.current = { kind: 'edge', index: Number(target.dataset.index), edge: target.dataset.edge === 'start' ? 'start' : 'end' };
    } else if (kind === 'trim-left') drag.current = { kind: 'trimLeft' };
    else if (kind === 'trim-right') drag.current = { kind: 'trimRight' };
    else drag.current = { kind: 'pending', x0: e.clientX, t0: clampTime(t, duration) };
  };

  const onPointerMove: PointerHandler = (e) => {
    const d = drag.current;
    if (!d || !e.currentTarget.hasPointerCapture(e.pointerId)) return;
    const t = timeAt(e);
    const edit = useEdit.getState();
    switch (d.kind) {
      case 'pending':
        if (Math.abs(e.clientX - d.x0) < DRAG_PX) return;
        drag.current = { kind: 'range', t0: d.t0 };
        setDraft(normalizeRange(d.t0, t, fps, duration));
        return;
      case 'range':
        setDraft(normalizeRange(d.t0, t, fps, duration));
        return;
      case 'scrub':
        playhead.scrubTo(clampTime(t, duration));
        return;
      case 'edge':
        edit.moveRangeEdge(d.index, d.edge, t, fps, duration);
        return;
      case 'trimLeft': {
        const frames = Math.round((duration - clampTime(t, duration)) * fps);
        edit.patchForm('merge', { trimLeftFrames: Math.min(Math.max(frames, 0), Math.max(0, Math.round(duration * fps) - 1)) });
        return;
      }
      case 'trimRight': {
        // The handle sits at the left end of the trimmed head: pulling it left trims more.
        const frames = Math.round((newStart - t) * fps);
        edit.patchForm('merge', { trimRightFrames: Math.max(0, frames) });
        return;
      }
    }
  };

  const onPointerUp: PointerHandler = (e) => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (d.kind === 'pending') playhead.scrubTo(d.t0);
    if (d.kind === 'range') {
      const r = normalizeRange(d.t0, timeAt(e), fps, duration);
      setDraft(null);
      if (r) {
        useEdit.getState().addRange(r);
        useEdit.getState().open('inpaint');
      }
    }
  };

  const onPointerCancel = () => {
    drag.current = null;
    setDraft(null);
  };

  return { draft, onPointerDown, onPointerMove, onPointerUp, onPointerCancel };
}
