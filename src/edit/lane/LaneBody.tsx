import type { Job, Variant } from '../../../server/contract/api.ts';
import { ConstraintMarks } from '../../constraints/index.ts';
import { pxPerSecond } from '../../lib/timeMath.ts';
import type { TimeView } from '../../lib/timeMath.ts';
import type { EditAction } from '../editGates.ts';
import type { LoopForm, MergeForm } from '../editForms.ts';
import type { TimeRange } from '../ranges.ts';
import { InpaintRanges } from './InpaintRanges.tsx';
import type { LaneGeometry, SpanFn, XFn } from './laneGeometry.ts';
import { LoopSketch } from './LoopSketch.tsx';
import { MergeSketch } from './MergeSketch.tsx';

/** Where the body starts: below the ruler. */
const BODY_TOP = 16;

interface LaneBodyProps {
  job: Job;
  variant: Variant | undefined;
  tool: EditAction | null;
  duration: number;
  fps: number;
  view: TimeView;
  geometry: LaneGeometry;
  merge: MergeForm;
  loop: LoopForm;
  ranges: readonly TimeRange[];
  draft: TimeRange | null;
  markIn: number | null;
  x: XFn;
  span: SpanFn;
}

/** The track's body for a ready take: constraint marks, frame ticks, the take, the loop/merge sketch, the ranges. */
export function LaneBody(p: LaneBodyProps) {
  const { tool, duration, fps, x, span } = p;
  const framePx = pxPerSecond(p.view) / Math.max(fps, 1);
  const mergeRows = tool === 'merge';
  return (
    <div className="absolute inset-x-0 bottom-0" style={{ top: BODY_TOP }}>
      <ConstraintMarks job={p.job} x={x} />
      {/* frame ticks once a frame is wide enough to hit */}
      {framePx >= 6 && (
        <div
          aria-hidden
          className="pointer-events-none absolute inset-x-0 top-0 h-1.5"
          style={{
            backgroundImage: 'linear-gradient(to right, rgba(255,255,255,0.12) 1px, transparent 1px)',
            backgroundSize: `${framePx}px 100%`,
            backgroundPositionX: `${x(0)}px`,
          }}
        />
      )}

      {/* the take */}
      <div
        className={`pointer-events-none absolute rounded-sm bg-raised ring-1 ring-line-strong ring-inset ${mergeRows ? 'top-1.5 h-[22px]' : 'top-1.5 bottom-1.5'}`}
        style={span(0, tool === 'merge' ? p.geometry.cut : duration)}
      >
        <span className="absolute top-0.5 left-1 truncate text-[9px] text-faint">
          variant {p.variant?.index} · {duration.toFixed(2)} s
        </span>
      </div>

      {tool === 'loop' && <LoopSketch duration={duration} reps={p.loop.reps} blend={p.loop.blendSec} span={span} x={x} />}
      {tool === 'merge' && (
        <MergeSketch
          duration={duration}
          cut={p.geometry.cut}
          newStart={p.geometry.newStart}
          trimRightSec={Math.max(0, p.merge.trimRightFrames) / fps}
          prompt={p.merge.prompt}
          span={span}
          x={x}
        />
      )}

      <InpaintRanges ranges={p.ranges} draft={p.draft} markIn={p.markIn} fps={fps} span={span} x={x} />
    </div>
  );
}
