/**
 * The edit lane under the viewport: a zoomable, scrollable, frame-accurate view of the selected take where
 * edits are set up. Drag across it to add an inpaint range (several allowed), drag range edges to adjust, click
 * (or drag the ruler) to move the playhead. With the merge dialog open it shows the trim handles, the new part
 * and the blend overlap; with the loop dialog, the repetitions and their seams.
 *
 * Time ↔ pixels comes from timeline/timeMath.ts (TimeView). The playhead line moves through a ref from
 * playhead.subscribe (no React at 60 Hz); React renders when the view, the clip or the edit changes.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useStageView } from '../state/stageView.ts';
import { useSelectedJob, useSelectedVariant } from '../state/useSelectedJob.ts';
import { playhead, transport } from '../state/playhead.ts';
import {
  clampTime,
  clampView,
  pxPerSecond,
  revealTime,
  scrollByPx,
  timeToFrame,
  viewTimeToX,
  viewXToTime,
  visibleTicks,
  zoomAt,
} from '../lib/timeMath.ts';
import type { TimeView } from '../lib/timeMath.ts';
import { loopedLength } from './editForms.ts';
import { ConstraintMarks } from '../constraints/index.ts';
import { useEdit } from './editStore.ts';
import { EditToolbar } from './EditToolbar.tsx';
import { laneCommands } from './laneCommands.ts';
import { normalizeRange } from './ranges.ts';
import type { TimeRange } from './ranges.ts';

/** Merge: the new part's length is decided by the engine; the lane draws this much of it as a sketch. */
const NEW_PART_SKETCH_SEC = 3;
/** Pointer travel that turns a click into a drag. */
const DRAG_PX = 4;

type Drag =
  | { kind: 'pending'; x0: number; t0: number }
  | { kind: 'range'; t0: number }
  | { kind: 'scrub' }
  | { kind: 'edge'; index: number; edge: 'start' | 'end' }
  | { kind: 'trimLeft' }
  | { kind: 'trimRight' };

export function EditLane() {
  const { job } = useSelectedJob();
  const variant = useSelectedVariant(job);
  const { duration, fps, status } = useStore(transport, useShallow((s) => ({ duration: s.duration, fps: s.fps, status: s.status })));
  // In the grid and A/B views the transport spans several takes; ranges belong to one, so the lane waits.
  const single = useStageView((s) => s.view === 'single');
  const ready = single && status === 'ready' && duration > 0 && job?.status === 'succeeded';
  const { tool, ranges, markIn, merge, loop } = useEdit(
    useShallow((s) => ({ tool: s.tool, ranges: s.ranges, markIn: s.markIn, merge: s.forms.merge, loop: s.forms.loop })),
  );

  const cut = Math.max(0, duration - Math.max(0, merge.trimLeftFrames) / fps);
  const newStart = Math.max(0, cut - Math.max(0, merge.blendSec));
  const extent =
    tool === 'loop'
      ? loopedLength(duration, loop.reps)
      : tool === 'merge'
        ? Math.max(duration, newStart + NEW_PART_SKETCH_SEC)
        : duration;

  const trackRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [lane, setLane] = useState({ zoom: 1, scroll: 0 });
  const view: TimeView = clampView({ extent, width, ...lane }, fps);
  const viewRef = useRef(view);
  viewRef.current = view;
  const drag = useRef<Drag | null>(null);
  const [draft, setDraft] = useState<TimeRange | null>(null);

  useLayoutEffect(() => {
    const el = trackRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(e?.contentRect.width ?? 0));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A new take starts fully zoomed out.
  const clipKey = job && variant ? `${job.id}#${variant.index}` : '';
  useEffect(() => setLane({ zoom: 1, scroll: 0 }), [clipKey]);

  const setView = (v: TimeView) => setLane({ zoom: v.zoom, scroll: v.scroll });

  // Playhead line: DOM writes per frame; pages the view along while playing.
  useEffect(() => {
    const draw = (t: number) => {
      const v = viewRef.current;
      const x = viewTimeToX(t, v);
      if (headRef.current) {
        headRef.current.style.transform = `translateX(${x.toFixed(2)}px)`;
        headRef.current.style.visibility = x < -1 || x > v.width + 1 || !ready ? 'hidden' : 'visible';
      }
      if (transport.getState().playing && v.zoom > 1 && (x < 0 || x > v.width)) {
        const next = revealTime({ ...v, scroll: t }, t, 24, fps);
        setLane({ zoom: next.zoom, scroll: next.scroll });
      }
    };
    draw(playhead.time);
    return playhead.subscribe(draw);
  }, [ready, fps, view.zoom, view.scroll, view.width, view.extent]);

  // Keyboard zoom (= / -) around the playhead.
  useEffect(
    () =>
      laneCommands.onZoom((factor) => {
        const v = viewRef.current;
        setView(zoomAt(v, factor, Math.min(Math.max(viewTimeToX(playhead.time, v), 0), v.width), fps));
      }),
    [fps],
  );

  // Wheel: Ctrl/⌘ zooms around the pointer, otherwise scrolls (needs a non-passive listener to keep the page still).
  useEffect(() => {
    const el = trackRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const v = viewRef.current;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        const x = e.clientX - el.getBoundingClientRect().left;
        setView(zoomAt(v, Math.exp(-e.deltaY * 0.002), x, fps));
      } else if (v.zoom > 1) {
        e.preventDefault();
        setView(scrollByPx(v, Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.deltaY, fps));
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [fps]);

  const timeAt = (e: ReactPointerEvent) => {
    const rect = trackRef.current!.getBoundingClientRect();
    return viewXToTime(e.clientX - rect.left, viewRef.current);
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!ready || e.button !== 0) return;
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-drag]');
    const kind = target?.dataset.drag;
    if (kind === 'none') return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const t = timeAt(e);
    if (kind === 'ruler') {
      drag.current = { kind: 'scrub' };
      playhead.scrubTo(clampTime(t, duration));
    } else if (kind === 'edge') {
      drag.current = { kind: 'edge', index: Number(target!.dataset.index), edge: target!.dataset.edge === 'start' ? 'start' : 'end' };
    } else if (kind === 'trim-left') drag.current = { kind: 'trimLeft' };
    else if (kind === 'trim-right') drag.current = { kind: 'trimRight' };
    else drag.current = { kind: 'pending', x0: e.clientX, t0: clampTime(t, duration) };
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
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

  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
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

  const x = (t: number) => viewTimeToX(t, view);
  const span = (a: number, b: number) => ({ left: x(a), width: Math.max(0, x(b) - x(a)) });
  const { ticks, step } = visibleTicks(view);
  const framePx = pxPerSecond(view) / Math.max(fps, 1);
  const bodyTop = 16;
  const mergeRows = tool === 'merge';

  return (
    <div data-testid="edit-lane" className="shrink-0 border-t border-line bg-panel">
      <div className="flex h-8 items-center gap-2 px-2">
        <EditToolbar job={job} />
        <div className="ml-auto flex shrink-0 items-center gap-1.5">
          {ranges.length > 0 && (
            <span className="flex items-center gap-1 rounded bg-accent/15 px-1.5 py-0.5 text-[11px] text-accent" data-testid="range-count">
              {ranges.length} range{ranges.length === 1 ? '' : 's'}
              <button type="button" aria-label="Clear ranges (Esc)" title="Clear ranges (Esc)" className="text-accent/70 hover:text-fg" onClick={() => useEdit.getState().clearRanges()}>
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
          <LaneButton label="Zoom in (=)" testId="lane-zoom-in" disabled={!ready} onClick={() => setView(zoomAt(view, 1.5, Math.min(Math.max(x(playhead.time), 0), view.width), fps))}>
            +
          </LaneButton>
          <LaneButton label="Fit the whole take" testId="lane-zoom-fit" disabled={!ready} onClick={() => setLane({ zoom: 1, scroll: 0 })}>
            Fit
          </LaneButton>
        </div>
      </div>

      {/* In the grid and A/B views the stage needs the room; the track stays mounted (hidden) so its size is known. */}
      <div className={single ? 'px-2 pb-2' : 'hidden'}>
        <div
          ref={trackRef}
          data-testid="edit-lane-track"
          data-zoom={view.zoom.toFixed(3)}
          data-scroll={view.scroll.toFixed(4)}
          data-extent={view.extent.toFixed(4)}
          aria-label="Edit lane: drag to add an inpaint range, click to move the playhead"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            drag.current = null;
            setDraft(null);
          }}
          className={`relative touch-none overflow-hidden rounded-md border border-line bg-sunken select-none ${mergeRows ? 'h-[68px]' : 'h-[52px]'} ${
            ready ? 'cursor-crosshair' : 'opacity-60'
          }`}
        >
          {/* ruler: drag here to scrub */}
          <div data-drag="ruler" data-testid="lane-ruler" className="absolute inset-x-0 top-0 h-4 cursor-ew-resize border-b border-line/70 bg-panel/60">
            {ready &&
              ticks.map((t) => (
                <span key={t} className="pointer-events-none absolute top-0 h-full border-l border-white/10 pl-1 font-mono text-[9px] leading-4 text-faint" style={{ left: x(t) }}>
                  {Number.isInteger(t) ? `${t}s` : `${t.toFixed(step < 0.1 ? 2 : 1)}s`}
                </span>
              ))}
          </div>

          {!ready ? (
            <p className="absolute inset-x-0 bottom-2 text-center text-[11px] text-faint">
              {job && job.status !== 'succeeded'
                  ? 'The lane opens when the take is ready.'
                  : 'Select a finished take to edit it here.'}
            </p>
          ) : (
            <div className="absolute inset-x-0 bottom-0" style={{ top: bodyTop }}>
              <ConstraintMarks job={job} x={x} />
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
                style={span(0, tool === 'merge' ? cut : duration)}
              >
                <span className="absolute top-0.5 left-1 truncate text-[9px] text-faint">
                  variant {variant?.index} · {duration.toFixed(2)} s
                </span>
              </div>

              {tool === 'loop' && <LoopSketch duration={duration} reps={loop.reps} blend={loop.blendSec} span={span} x={x} />}
              {tool === 'merge' && (
                <MergeSketch duration={duration} cut={cut} newStart={newStart} trimRightSec={Math.max(0, merge.trimRightFrames) / fps} prompt={merge.prompt} span={span} x={x} />
              )}

              {/* inpaint ranges */}
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
              {draft && <div data-testid="range-draft" className="pointer-events-none absolute top-1 bottom-1 rounded-sm bg-accent/20 ring-1 ring-accent/70 ring-dashed" style={span(draft.start, draft.end)} />}
              {markIn !== null && (
                <div className="pointer-events-none absolute inset-y-0 border-l border-dashed border-accent" style={{ left: x(markIn) }}>
                  <span className="absolute top-0 left-0.5 font-mono text-[9px] text-accent">I</span>
                </div>
              )}
            </div>
          )}

          <div ref={headRef} aria-hidden className="pointer-events-none absolute inset-y-0 left-0 w-0.5 -translate-x-px bg-playhead shadow-[0_0_6px_rgba(255,122,69,0.6)]" />
        </div>
      </div>
    </div>
  );
}

function LaneButton(p: { label: string; testId: string; disabled: boolean; onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      title={p.label}
      aria-label={p.label}
      data-testid={p.testId}
      disabled={p.disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={p.onClick}
      className="h-6 min-w-6 rounded px-1.5 text-[12px] text-muted hover:bg-white/8 hover:text-fg disabled:opacity-35"
    >
      {p.children}
    </button>
  );
}

type SpanFn = (a: number, b: number) => { left: number; width: number };

/** Loop preview: the repetitions after the first, ghosted, with an orange seam and its blend at each join. */
function LoopSketch({ duration, reps, blend, span, x }: { duration: number; reps: number; blend: number; span: SpanFn; x: (t: number) => number }) {
  const n = Math.max(1, Math.min(50, Math.round(reps)));
  return (
    <>
      {Array.from({ length: n - 1 }, (_, k) => {
        const s = (k + 1) * duration;
        return (
          <div key={k} data-testid="loop-rep" className="pointer-events-none absolute top-1.5 bottom-1.5 rounded-sm border border-dashed border-line-strong bg-raised/40" style={span(s, s + duration)}>
            <span className="absolute top-0.5 left-1 text-[9px] text-faint">×{k + 2}</span>
          </div>
        );
      })}
      {Array.from({ length: n - 1 }, (_, k) => {
        const s = (k + 1) * duration;
        return (
          <div key={`seam-${k}`} data-testid="loop-seam" className="pointer-events-none absolute inset-y-0" style={{ left: x(s - blend / 2), width: Math.max(2, x(s + blend / 2) - x(s - blend / 2)) }}>
            <div className="h-full w-full bg-playhead/15" />
            <div className="absolute inset-y-0 left-1/2 border-l border-dashed border-playhead" />
          </div>
        );
      })}
    </>
  );
}

/** Merge preview: this take up to the cut (the trimmed tail hatched), the new part after it, the blend between. */
function MergeSketch(p: { duration: number; cut: number; newStart: number; trimRightSec: number; prompt: string; span: SpanFn; x: (t: number) => number }) {
  const hatch = { backgroundImage: 'repeating-linear-gradient(135deg, rgba(255,255,255,0.08) 0 4px, transparent 4px 8px)' };
  const headStart = p.newStart - p.trimRightSec;
  return (
    <>
      {/* trimmed end of this take */}
      {p.cut < p.duration && (
        <div data-testid="merge-trim-left-region" className="pointer-events-none absolute top-1.5 h-[22px] rounded-sm ring-1 ring-line ring-inset" style={{ ...p.span(p.cut, p.duration), ...hatch }} />
      )}
      <div data-drag="trim-left" data-testid="merge-trim-left" title="Drag to trim the end of this take" className="absolute top-0 h-[32px] w-2.5 -translate-x-1/2 cursor-ew-resize" style={{ left: p.x(p.cut) }}>
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
      <div data-drag="trim-right" data-testid="merge-trim-right" title="Drag left to trim the start of the new part" className="absolute top-[28px] h-[30px] w-2.5 -translate-x-1/2 cursor-ew-resize" style={{ left: p.x(headStart) }}>
        <div className="mx-auto h-full w-1 rounded-full bg-violet-300" />
      </div>
    </>
  );
}
