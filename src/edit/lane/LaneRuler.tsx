import { visibleTicks } from '../../lib/timeMath.ts';
import type { TimeView } from '../../lib/timeMath.ts';
import type { XFn } from './laneGeometry.ts';

/** The ruler along the top of the track, with second ticks for the visible span; drag here to scrub. */
export function LaneRuler({ ready, view, x }: { ready: boolean; view: TimeView; x: XFn }) {
  const { ticks, step } = visibleTicks(view);
  return (
    <div data-drag="ruler" data-testid="lane-ruler" className="absolute inset-x-0 top-0 h-4 cursor-ew-resize border-b border-line/70 bg-panel/60">
      {ready &&
        ticks.map((t) => (
          <span key={t} className="pointer-events-none absolute top-0 h-full border-l border-white/10 pl-1 font-mono text-[9px] leading-4 text-faint" style={{ left: x(t) }}>
            {Number.isInteger(t) ? `${t}s` : `${t.toFixed(step < 0.1 ? 2 : 1)}s`}
          </span>
        ))}
    </div>
  );
}
