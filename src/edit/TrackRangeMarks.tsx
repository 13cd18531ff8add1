/**
 * The inpaint ranges drawn on the edit lane, echoed as thin marks along the top of the transport's overview
 * track, so they stay in sight while the lane is zoomed into one part. Passive: no pointer events.
 */
import { useStageView } from '../state/stageView.ts';
import { timeToFraction } from '../lib/timeMath.ts';
import { useEdit } from './editStore.ts';

export function TrackRangeMarks({ duration }: { duration: number }) {
  const ranges = useEdit((s) => s.ranges);
  const single = useStageView((s) => s.view === 'single');
  if (!single || duration <= 0 || ranges.length === 0) return null;
  return (
    <>
      {ranges.map((r) => {
        const a = timeToFraction(r.start, duration);
        const b = timeToFraction(r.end, duration);
        return (
          <div
            key={`${r.start}-${r.end}`}
            aria-hidden
            data-testid="track-range-mark"
            className="pointer-events-none absolute top-0 h-[3px] rounded-b-sm bg-accent/80"
            style={{ left: `${a * 100}%`, width: `${(b - a) * 100}%` }}
          />
        );
      })}
    </>
  );
}
