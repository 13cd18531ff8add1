import type { Job } from '../../../server/contract/api.ts';
import { playhead } from '../../state/playhead.ts';
import { viewTimeToX, zoomAt } from '../../lib/timeMath.ts';
import type { TimeView } from '../../lib/timeMath.ts';
import { useEdit } from '../editStore.ts';
import { EditToolbar } from '../EditToolbar.tsx';
import { ToolButton } from '../../ui/ToolButton.tsx';

interface LaneHeaderProps {
  job: Job | undefined;
  rangeCount: number;
  markIn: number | null;
  single: boolean;
  ready: boolean;
  view: TimeView;
  fps: number;
  setView: (v: TimeView) => void;
  fit: () => void;
}

/** The bar above the track: the edit toolbar, the range count, the mark-in time and the zoom buttons. */
export function LaneHeader({ job, rangeCount, markIn, single, ready, view, fps, setView, fit }: LaneHeaderProps) {
  return (
    <div className="flex h-8 items-center gap-2 px-2">
      <EditToolbar job={job} />
      <div className="ml-auto flex shrink-0 items-center gap-1.5">
        {rangeCount > 0 && (
          <span className="flex items-center gap-1 rounded bg-accent/15 px-1.5 py-0.5 text-[11px] text-accent" data-testid="range-count">
            {rangeCount} range{rangeCount === 1 ? '' : 's'}
            <button
              type="button"
              aria-label="Clear ranges (Esc)"
              title="Clear ranges (Esc)"
              className="text-accent/70 hover:text-fg"
              onClick={() => useEdit.getState().clearRanges()}
            >
              ×
            </button>
          </span>
        )}
        {!single && <span className="text-[11px] text-faint">Ranges and trims are set in the Take view.</span>}
        {markIn !== null && <span className="font-mono text-[10px] text-accent">in {markIn.toFixed(2)} s</span>}
        <span className="font-mono text-[10px] text-faint tabular-nums" title="Zoom (Ctrl+wheel, = and -)">
          {view.zoom.toFixed(1)}×
        </span>
        <LaneButton label="Zoom out (-)" testId="lane-zoom-out" disabled={!ready} onClick={() => setView(zoomAt(view, 1 / 1.5, view.width / 2, fps))}>
          −
        </LaneButton>
        <LaneButton
          label="Zoom in (=)"
          testId="lane-zoom-in"
          disabled={!ready}
          onClick={() => setView(zoomAt(view, 1.5, Math.min(Math.max(viewTimeToX(playhead.time, view), 0), view.width), fps))}
        >
          +
        </LaneButton>
        <LaneButton label="Fit the whole take" testId="lane-zoom-fit" disabled={!ready} onClick={fit}>
          Fit
        </LaneButton>
      </div>
    </div>
  );
}

function LaneButton(p: { label: string; testId: string; disabled: boolean; onClick: () => void; children: string }) {
  return <ToolButton {...p} className="h-6 min-w-6 rounded px-1.5 text-[12px] text-muted hover:bg-white/8 hover:text-fg disabled:opacity-35" />;
}
