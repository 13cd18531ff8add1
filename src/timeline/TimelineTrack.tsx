/**
 * The scrub track: ruler, progress fill and playhead. Dragging anywhere on it sets the time (pausing playback).
 * The playhead and fill move through refs from `playhead.subscribe`; React renders this only when the clip
 * (duration, fps) or the track width changes.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { Span } from '../player/index.ts';
import { playhead } from '../state/playhead.ts';
import type { PlayRange } from '../state/playback.ts';
import { formatTimecode, rulerStep, rulerTicks, timeToFraction, xToTime } from '../lib/timeMath.ts';
import { TrackRangeMarks } from '../edit/index.ts';

interface Props {
  duration: number;
  fps: number;
  enabled: boolean;
  /** In/out play range: the outside is dimmed and bracketed. */
  range?: PlayRange | null;
  /** Foot contacts, drawn as two lanes (left above right) along the bottom. */
  contacts?: { left: Span[]; right: Span[] } | null;
}

const pct = (t: number, duration: number) => `${(timeToFraction(t, duration) * 100).toFixed(4)}%`;

function ContactLane({ spans, duration, side }: { spans: Span[]; duration: number; side: 'left' | 'right' }) {
  return (
    <div aria-hidden data-testid={`contacts-${side}`} className={`absolute inset-x-0 h-[3px] ${side === 'left' ? 'bottom-[6px]' : 'bottom-[2px]'}`}>
      {spans.map((s, i) => (
        <div
          key={i}
          className={`absolute inset-y-0 rounded-full ${side === 'left' ? 'bg-[#5aa9ff]/80' : 'bg-[#ff8a4c]/80'}`}
          style={{ left: pct(s.start, duration), width: `${Math.max(0.3, (timeToFraction(s.end, duration) - timeToFraction(s.start, duration)) * 100)}%` }}
        />
      ))}
    </div>
  );
}

export function TimelineTrack({ duration, fps, enabled, range = null, contacts = null }: Props) {
  const trackRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const fillRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useLayoutEffect(() => {
    const el = trackRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Per-frame DOM writes: translate the playhead by a fraction of the track (percent of its own full width).
  useEffect(() => {
    const draw = (t: number) => {
      const f = timeToFraction(t, duration);
      if (headRef.current) headRef.current.style.transform = `translateX(${(f * 100).toFixed(4)}%)`;
      if (fillRef.current) fillRef.current.style.transform = `scaleX(${f})`;
      const track = trackRef.current;
      if (track) {
        track.setAttribute('aria-valuenow', t.toFixed(3));
        track.setAttribute('aria-valuetext', formatTimecode(t, fps));
      }
    };
    draw(playhead.time);
    return playhead.subscribe(draw);
  }, [duration, fps]);

  const scrub = (e: ReactPointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    playhead.scrubTo(xToTime(e.clientX, rect.left, rect.width, duration));
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!enabled || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    scrub(e);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (enabled && e.currentTarget.hasPointerCapture(e.pointerId)) scrub(e);
  };

  const step = rulerStep(duration, width);
  const ticks = enabled ? rulerTicks(duration, step) : [];
  const minor = enabled && fps > 0 && width / Math.max(duration * fps, 1) >= 6 ? Math.round(duration * fps) : 0;

  return (
    <div
      ref={trackRef}
      data-testid="timeline-track"
      role="slider"
      tabIndex={-1}
      aria-label="Timeline"
      aria-valuemin={0}
      aria-valuemax={duration}
      aria-disabled={!enabled}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      className={`relative h-full min-w-0 flex-1 touch-none overflow-hidden rounded-md border border-line bg-sunken select-none ${
        enabled ? 'cursor-ew-resize' : 'cursor-default opacity-60'
      }`}
    >
      {/* progress fill behind everything */}
      <div ref={fillRef} className="absolute inset-y-0 left-0 w-full origin-left bg-accent/[0.08]" style={{ transform: 'scaleX(0)' }} />

      {/* frame ticks when zoomed in enough to see them */}
      {minor > 0 && (
        <div
          aria-hidden
          className="absolute inset-x-0 bottom-0 h-1.5"
          style={{
            backgroundImage: 'linear-gradient(to right, rgba(255,255,255,0.10) 1px, transparent 1px)',
            backgroundSize: `${width / (duration * fps)}px 100%`,
          }}
        />
      )}

      {ticks.map((t) => {
        const left = `${timeToFraction(t, duration) * 100}%`;
        return (
          <div key={t} aria-hidden className="absolute inset-y-0" style={{ left }}>
            <div className="h-full w-px bg-white/8" />
            <span className="absolute top-0.5 left-1 font-mono text-[10px] text-faint tabular-nums">{`${Number.isInteger(t) ? t : t.toFixed(step < 0.1 ? 2 : 1)}s`}</span>
          </div>
        );
      })}

      {enabled && range && (
        <>
          <div aria-hidden className="absolute inset-y-0 left-0 bg-black/45" style={{ width: pct(range.start, duration) }} />
          <div aria-hidden className="absolute inset-y-0 right-0 bg-black/45" style={{ left: pct(range.end, duration) }} />
          <div
            aria-hidden
            data-testid="range-in"
            className="absolute inset-y-0 w-1.5 rounded-l-sm border-y-2 border-l-2 border-accent"
            style={{ left: pct(range.start, duration) }}
          />
          <div
            aria-hidden
            data-testid="range-out"
            className="absolute inset-y-0 w-1.5 -translate-x-full rounded-r-sm border-y-2 border-r-2 border-accent"
            style={{ left: pct(range.end, duration) }}
          />
        </>
      )}

      {/* inpaint ranges from the edit lane */}
      {enabled && <TrackRangeMarks duration={duration} />}

      {enabled && contacts && (
        <>
          <ContactLane spans={contacts.left} duration={duration} side="left" />
          <ContactLane spans={contacts.right} duration={duration} side="right" />
        </>
      )}

      {/* playhead: a full-width layer translated by fraction·100%, so no width math per frame */}
      <div ref={headRef} aria-hidden className="pointer-events-none absolute inset-0" style={{ transform: 'translateX(0%)' }}>
        <div className="absolute inset-y-0 left-0 w-0.5 -translate-x-1/2 bg-playhead shadow-[0_0_6px_rgba(255,122,69,0.6)]" />
        <div className="absolute top-0 left-0 size-2.5 -translate-x-1/2 rotate-45 rounded-[2px] bg-playhead" style={{ marginTop: -5 }} />
      </div>
    </div>
  );
}
