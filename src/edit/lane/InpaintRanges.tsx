import { timeToFrame } from '../../lib/timeMath.ts';
import { useEdit } from '../editStore.ts';
import type { TimeRange } from '../ranges.ts';
import type { SpanFn, XFn } from './laneGeometry.ts';

interface InpaintRangesProps {
  ranges: readonly TimeRange[];
  draft: TimeRange | null;
  markIn: number | null;
  fps: number;
  span: SpanFn;
  x: XFn;
}

/** The inpaint ranges (edges draggable, × to remove), the one being drawn, and the mark-in line. */
export function InpaintRanges({ ranges, draft, markIn, fps, span, x }: InpaintRangesProps) {
  return (
    <>
      {ranges.map((r, i) => (
        <div
          key={`${r.start}-${r.end}`}
          data-testid="inpaint-range"
          data-start={r.start.toFixed(4)}
          data-end={r.end.toFixed(4)}
          className="group absolute top-1 bottom-1 rounded-sm bg-accent/30 ring-1 ring-accent ring-inset"
          style={span(r.start, r.end)}
          title={`${r.start.toFixed(2)}–${r.end.toFixed(2)} s · f ${timeToFrame(r.start, fps)}–${timeToFrame(r.end, fps)}`}
        >
          <span className="pointer-events-none absolute bottom-0.5 left-1.5 font-mono text-[9px] text-accent">
            f{timeToFrame(r.start, fps)}–{timeToFrame(r.end, fps)}
          </span>
          <div data-drag="edge" data-index={i} data-edge="start" className="absolute inset-y-0 -left-1 w-2 cursor-ew-resize rounded-l-sm bg-accent/0 hover:bg-accent/70" />
          <div data-drag="edge" data-index={i} data-edge="end" className="absolute inset-y-0 -right-1 w-2 cursor-ew-resize rounded-r-sm bg-accent/0 hover:bg-accent/70" />
          <button
            type="button"
            data-drag="none"
            aria-label="Remove this range"
            onClick={() => useEdit.getState().removeRange(i)}
            className="absolute top-0 right-1 hidden text-[11px] leading-none text-accent hover:text-fg group-hover:block"
          >
            ×
          </button>
        </div>
      ))}
      {draft && (
        <div
          data-testid="range-draft"
          className="pointer-events-none absolute top-1 bottom-1 rounded-sm bg-accent/20 ring-1 ring-accent/70 ring-dashed"
          style={span(draft.start, draft.end)}
        />
      )}
      {markIn !== null && (
        <div className="pointer-events-none absolute inset-y-0 border-l border-dashed border-accent" style={{ left: x(markIn) }}>
          <span className="absolute top-0 left-0.5 font-mono text-[9px] text-accent">I</span>
        </div>
      )}
    </>
  );
}
