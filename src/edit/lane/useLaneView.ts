import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { playhead, transport } from '../../state/playhead.ts';
import { clampView, revealTime, scrollByPx, viewTimeToX, zoomAt } from '../../lib/timeMath.ts';
import type { TimeView } from '../../lib/timeMath.ts';
import { laneCommands } from '../laneCommands.ts';

export interface LaneView {
  trackRef: RefObject<HTMLDivElement | null>;
  headRef: RefObject<HTMLDivElement | null>;
  view: TimeView;
  /** The view as of the latest render, for handlers that outlive it (pointer drags, the playhead subscription). */
  viewRef: RefObject<TimeView>;
  setView: (v: TimeView) => void;
  /** Back to the whole take. */
  fit: () => void;
}

/**
 * The lane's zoom and scroll over `extent` seconds: measured from the track's width, reset for a new take
 * (`clipKey`), zoomed by the keyboard (= / -) and the wheel, and paged along while playing. The playhead line is
 * written to the DOM per frame (no React at 60 Hz).
 */
export function useLaneView(extent: number, fps: number, ready: boolean, clipKey: string): LaneView {
  const trackRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [lane, setLane] = useState({ zoom: 1, scroll: 0 });
  const view: TimeView = clampView({ extent, width, ...lane }, fps);
  const viewRef = useRef(view);
  viewRef.current = view;

  useLayoutEffect(() => {
    const el = trackRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(e?.contentRect.width ?? 0));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A new take starts fully zoomed out.
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

  return { trackRef, headRef, view, viewRef, setView, fit: () => setLane({ zoom: 1, scroll: 0 }) };
}
