/**
 * The edit lane under the viewport: a zoomable, scrollable, frame-accurate view of the selected take where
 * edits are set up. Drag across it to add an inpaint range (several allowed), drag range edges to adjust, click
 * (or drag the ruler) to move the playhead. With the merge dialog open it shows the trim handles, the new part
 * and the blend overlap; with the loop dialog, the repetitions and their seams.
 *
 * Time ↔ pixels comes from lib/timeMath.ts (TimeView). The playhead line moves through a ref from
 * playhead.subscribe (no React at 60 Hz); React renders when the view, the clip or the edit changes.
 * Its pieces are in lane/: the view (useLaneView), the pointer gestures (useLaneDrag), the header, the ruler and
 * the body (the take, the loop and merge sketches, the ranges).
 */
import { useShallow } from 'zustand/react/shallow';
import { useStore } from 'zustand';
import { useStageView } from '../state/stageView.ts';
import { useSelectedJob, useSelectedVariant } from '../state/useSelectedJob.ts';
import { transport } from '../state/playhead.ts';
import { viewTimeToX } from '../lib/timeMath.ts';
import { useEdit } from './editStore.ts';
import { LaneBody } from './lane/LaneBody.tsx';
import { LaneHeader } from './lane/LaneHeader.tsx';
import { laneGeometry } from './lane/laneGeometry.ts';
import { LaneRuler } from './lane/LaneRuler.tsx';
import { useLaneDrag } from './lane/useLaneDrag.ts';
import { useLaneView } from './lane/useLaneView.ts';

export function EditLane() {
  const { job } = useSelectedJob();
  const variant = useSelectedVariant(job);
  const { duration, fps, status } = useStore(
    transport,
    useShallow((s) => ({ duration: s.duration, fps: s.fps, status: s.status })),
  );
  // In the grid and A/B views the transport spans several takes; ranges belong to one, so the lane waits.
  const single = useStageView((s) => s.view === 'single');
  const ready = single && status === 'ready' && duration > 0 && job?.status === 'succeeded';
  const { tool, ranges, markIn, merge, loop } = useEdit(useShallow((s) => ({ tool: s.tool, ranges: s.ranges, markIn: s.markIn, merge: s.forms.merge, loop: s.forms.loop })));
  const geometry = laneGeometry(tool, duration, fps, merge, loop);
  const clipKey = job && variant ? `${job.id}#${variant.index}` : '';
  const { trackRef, headRef, view, viewRef, setView, fit } = useLaneView(geometry.extent, fps, ready, clipKey);
  const { draft, ...pointer } = useLaneDrag({ ready, duration, fps, newStart: geometry.newStart, trackRef, viewRef });

  const x = (t: number) => viewTimeToX(t, view);
  const span = (a: number, b: number) => ({ left: x(a), width: Math.max(0, x(b) - x(a)) });
  const mergeRows = tool === 'merge';

  return (
    <div data-testid="edit-lane" className="shrink-0 border-t border-line bg-panel">
      <LaneHeader job={job} rangeCount={ranges.length} markIn={markIn} single={single} ready={ready} view={view} fps={fps} setView={setView} fit={fit} />

      {/* In the grid and A/B views the stage needs the room; the track stays mounted (hidden) so its size is known. */}
      <div className={single ? 'px-2 pb-2' : 'hidden'}>
        <div
          ref={trackRef}
          data-testid="edit-lane-track"
          data-zoom={view.zoom.toFixed(3)}
          data-scroll={view.scroll.toFixed(4)}
          data-extent={view.extent.toFixed(4)}
          aria-label="Edit lane: drag to add an inpaint range, click to move the playhead"
          {...pointer}
          className={`relative touch-none overflow-hidden rounded-md border border-line bg-sunken select-none ${mergeRows ? 'h-[68px]' : 'h-[52px]'} ${
            ready ? 'cursor-crosshair' : 'opacity-60'
          }`}
        >
          <LaneRuler ready={ready} view={view} x={x} />

          {!ready || !job ? (
            <p className="absolute inset-x-0 bottom-2 text-center text-[11px] text-faint">
              {job && job.status !== 'succeeded' ? 'The lane opens when the take is ready.' : 'Select a finished take to edit it here.'}
            </p>
          ) : (
            <LaneBody
              job={job}
              variant={variant}
              tool={tool}
              duration={duration}
              fps={fps}
              view={view}
              geometry={geometry}
              merge={merge}
              loop={loop}
              ranges={ranges}
              draft={draft}
              markIn={markIn}
              x={x}
              span={span}
            />
          )}

          <div ref={headRef} aria-hidden className="pointer-events-none absolute inset-y-0 left-0 w-0.5 -translate-x-px bg-playhead shadow-[0_0_6px_rgba(255,122,69,0.6)]" />
        </div>
      </div>
    </div>
  );
}
