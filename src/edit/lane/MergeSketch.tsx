import { NEW_PART_SKETCH_SEC } from './laneGeometry.ts';
import type { SpanFn, XFn } from './laneGeometry.ts';

/** Merge preview: this take up to the cut (the trimmed tail hatched), the new part after it, the blend between. */
export function MergeSketch(p: { duration: number; cut: number; newStart: number; trimRightSec: number; prompt: string; span: SpanFn; x: XFn }) {
  const hatch = { backgroundImage: 'repeating-linear-gradient(135deg, rgba(255,255,255,0.08) 0 4px, transparent 4px 8px)' };
  const headStart = p.newStart - p.trimRightSec;
  return (
    <>
      {/* trimmed end of this take */}
      {p.cut < p.duration && (
        <div
          data-testid="merge-trim-left-region"
          className="pointer-events-none absolute top-1.5 h-[22px] rounded-sm ring-1 ring-line ring-inset"
          style={{ ...p.span(p.cut, p.duration), ...hatch }}
        />
      )}
      <div
        data-drag="trim-left"
        data-testid="merge-trim-left"
        title="Drag to trim the end of this take"
        className="absolute top-0 h-[32px] w-2.5 -translate-x-1/2 cursor-ew-resize"
        style={{ left: p.x(p.cut) }}
      >
        <div className="mx-auto h-full w-1 rounded-full bg-playhead" />
      </div>

      {/* blend overlap across both rows */}
      {p.newStart < p.cut && (
        <div className="pointer-events-none absolute top-1 bottom-1 bg-gradient-to-r from-transparent via-violet-400/25 to-transparent" style={p.span(p.newStart, p.cut)} />
      )}

      {/* the new part: its trimmed head hatched, then a sketch of what is generated */}
      {p.trimRightSec > 0 && (
        <div className="pointer-events-none absolute top-[32px] h-[22px] rounded-sm ring-1 ring-violet-400/30 ring-inset" style={{ ...p.span(headStart, p.newStart), ...hatch }} />
      )}
      <div
        data-testid="merge-new-part"
        className="pointer-events-none absolute top-[32px] h-[22px] rounded-sm border border-dashed border-violet-400/60 bg-violet-500/15"
        style={p.span(p.newStart, p.newStart + NEW_PART_SKETCH_SEC)}
      >
        <span className="absolute top-0.5 left-1 truncate text-[9px] text-violet-200">{p.prompt.trim() ? `then: ${p.prompt.trim()}` : 'new part (length set by the engine)'}</span>
      </div>
      <div
        data-drag="trim-right"
        data-testid="merge-trim-right"
        title="Drag left to trim the start of the new part"
        className="absolute top-[28px] h-[30px] w-2.5 -translate-x-1/2 cursor-ew-resize"
        style={{ left: p.x(headStart) }}
      >
        <div className="mx-auto h-full w-1 rounded-full bg-violet-300" />
      </div>
    </>
  );
}
