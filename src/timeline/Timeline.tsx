/**
 * Transport bar under the viewport: play/pause, frame stepping, time/frame readout, scrub track with in/out range
 * and foot-contact lanes, play mode (loop / once / ping-pong), speed 0.1–2×.
 */
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { usePlayerOptions, subjectInfo } from '../player/index.ts';
import { playhead, transport } from '../state/playhead.ts';
import { Kbd } from '../ui/Kbd.tsx';
import { LoopIcon, PauseIcon, PlayIcon, StepBackIcon, StepForwardIcon, ToStartIcon } from '../ui/icons.tsx';
import { OnceIcon, PingPongIcon } from '../ui/icons.tsx';
import type { PlayMode } from '../state/playback.ts';
import { formatTimecode, lastFrame } from '../lib/timeMath.ts';
import { TimelineTrack } from './TimelineTrack.tsx';
import { ToolButton } from '../ui/ToolButton.tsx';

const SPEEDS = [0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;

const MODE_LABEL: Record<PlayMode, string> = { loop: 'Loop', once: 'Play once', pingpong: 'Ping-pong' };
const MODE_ICON: Record<PlayMode, () => ReactNode> = { loop: () => <LoopIcon />, once: () => <OnceIcon />, pingpong: () => <PingPongIcon /> };

function IconButton(props: { label: string; onClick: () => void; disabled: boolean; children: ReactNode; testId: string; active?: boolean }) {
  return (
    <ToolButton
      {...props}
      className={`grid size-7 place-items-center rounded-md transition-colors disabled:cursor-not-allowed disabled:opacity-35 ${
        props.active ? 'bg-accent/20 text-accent' : 'text-muted hover:bg-white/8 hover:text-fg'
      }`}
    />
  );
}

/** Time and frame readout, written straight to the DOM on every playhead change. */
function Readout({ fps }: { fps: number }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const write = (t: number) => {
      if (ref.current) ref.current.textContent = formatTimecode(t, fps);
    };
    write(playhead.time);
    return playhead.subscribe(write);
  }, [fps]);
  return (
    <span ref={ref} data-testid="time-readout" className="inline-block w-[118px] font-mono text-[12px] text-fg tabular-nums" aria-live="off">
      {formatTimecode(0, fps)}
    </span>
  );
}

export function Timeline() {
  const { playing, duration, fps, status, mode, speed, range } = useStore(
    transport,
    useShallow((s) => ({ playing: s.playing, duration: s.duration, fps: s.fps, status: s.status, mode: s.mode, speed: s.speed, range: s.range })),
  );
  const contacts = useStore(subjectInfo, (s) => s.contacts);
  const showContacts = usePlayerOptions((s) => s.showContacts);
  const ready = status === 'ready' && duration > 0;

  return (
    // A narrow stage (below 42rem) puts the scrub track on a row of its own, so it never shrinks to nothing.
    <div data-testid="timeline" className="flex min-h-14 flex-wrap items-center gap-x-2 gap-y-1 px-2 py-1.5 @2xl:flex-nowrap">
      <div className="flex items-center">
        <IconButton label="Go to start (Home)" testId="to-start" disabled={!ready} onClick={() => playhead.seek(0)}>
          <ToStartIcon />
        </IconButton>
        <IconButton label="Previous frame (←)" testId="step-back" disabled={!ready} onClick={() => playhead.step(-1)}>
          <StepBackIcon />
        </IconButton>
        <button
          type="button"
          data-testid="play-toggle"
          aria-label={playing ? 'Pause (Space)' : 'Play (Space)'}
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
          data-playing={playing}
          disabled={!ready}
          onClick={() => playhead.toggle()}
          onMouseDown={(e) => e.preventDefault()}
          className="mx-0.5 grid size-8 place-items-center rounded-full bg-fg text-canvas transition-colors hover:bg-white disabled:cursor-not-allowed disabled:bg-line-strong disabled:text-faint"
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
        </button>
        <IconButton label="Next frame (→)" testId="step-forward" disabled={!ready} onClick={() => playhead.step(1)}>
          <StepForwardIcon />
        </IconButton>
      </div>

      <div className="flex w-[150px] shrink-0 flex-col leading-tight">
        <Readout fps={fps} />
        <span className="font-mono text-[10px] text-faint tabular-nums">
          {ready ? `${duration.toFixed(2)} s · ${lastFrame(duration, fps) + 1} frames @ ${fps}` : status === 'loading' ? 'loading clip…' : 'no clip'}
        </span>
      </div>

      <div data-testid="scrub-track" className="order-last h-10 min-w-0 basis-full @2xl:order-none @2xl:basis-auto @2xl:flex-1">
        <TimelineTrack duration={duration} fps={fps} enabled={ready} range={range} contacts={showContacts ? contacts : null} />
      </div>

      <div className="ml-auto flex items-center gap-1">
        <div className="flex items-center rounded-md border border-line" role="group" aria-label="Play range">
          <button
            type="button"
            data-testid="mark-in"
            disabled={!ready}
            title="Play range: in point at the playhead ([)"
            onClick={() => playhead.markIn()}
            onMouseDown={(e) => e.preventDefault()}
            className="h-6 px-1.5 font-mono text-[11px] text-muted hover:text-fg disabled:opacity-35"
          >
            [
          </button>
          <button
            type="button"
            data-testid="mark-out"
            disabled={!ready}
            title="Play range: out point at the playhead (])"
            onClick={() => playhead.markOut()}
            onMouseDown={(e) => e.preventDefault()}
            className="h-6 border-l border-line px-1.5 font-mono text-[11px] text-muted hover:text-fg disabled:opacity-35"
          >
            ]
          </button>
          {range && (
            <button
              type="button"
              data-testid="clear-range"
              title="Clear the play range (play the whole clip)"
              onClick={() => playhead.setRange(null)}
              onMouseDown={(e) => e.preventDefault()}
              className="h-6 border-l border-line px-1.5 font-mono text-[11px] text-accent hover:text-fg"
            >
              {range.start.toFixed(2)}–{range.end.toFixed(2)} ✕
            </button>
          )}
        </div>
        <IconButton
          label={`${MODE_LABEL[mode]} (Shift+L: loop → once → ping-pong)`}
          testId="play-mode"
          disabled={false}
          active={mode !== 'once'}
          onClick={() => playhead.cycleMode()}
        >
          {MODE_ICON[mode]()}
        </IconButton>
        <label className="sr-only" htmlFor="speed-select">
          Playback speed
        </label>
        <select
          id="speed-select"
          data-testid="speed-select"
          value={speed}
          onChange={(e) => playhead.setSpeed(Number(e.target.value))}
          className="h-7 rounded-md border border-line bg-sunken px-1.5 font-mono text-[11px] text-muted outline-none hover:border-line-strong focus:border-accent"
        >
          {(SPEEDS.includes(speed as (typeof SPEEDS)[number]) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b)).map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
        <span className="hidden items-center gap-0.5 pl-1 text-[10px] text-faint 2xl:flex">
          <Kbd>Space</Kbd>
          <Kbd>←</Kbd>
          <Kbd>→</Kbd>
        </span>
      </div>
    </div>
  );
}
