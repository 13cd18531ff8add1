/**
 * The playhead: the one clock the viewport and the timeline share.
 *
 * Two lifetimes live here on purpose:
 * - `transport` is a zustand *vanilla* store for things that change a few times per session (playing, duration,
 *   fps, loop, load status). React reads it with `useStore(transport, selector)`; the render loop with getState().
 * - the current time changes every frame, so it is a plain mutable number. Nothing renders from it: the viewport
 *   reads `playhead.time` inside useFrame, and the timeline writes its DOM (playhead line, readout) from
 *   `playhead.subscribe` callbacks. This keeps React out of the 60 Hz path (racing-game's "mutation" idea).
 *
 * No three.js here: this module is part of the first chunk, the 3D code is lazy-loaded.
 */
import { createStore } from 'zustand/vanilla';
import { advancePlayback, clampSpeed, effectiveRange, withInPoint, withOutPoint } from './playback.ts';
import type { PlayMode, PlayRange } from './playback.ts';
import { DEFAULT_FPS, clampTime, snapToFrame, stepFrames } from '../lib/timeMath.ts';

type ClipStatus = 'empty' | 'loading' | 'ready' | 'error';

export interface TransportState {
  playing: boolean;
  /** Loop, play once, or ping-pong (back and forth, for checking a cycle's seam from both sides). */
  mode: PlayMode;
  /** `mode !== 'once'`, kept for readers that only care whether playback wraps. */
  loop: boolean;
  /** In/out points: playback stays inside them; null = the whole clip. */
  range: PlayRange | null;
  /** Playback rate, 0.1–2×; animators want slow motion and > 1× to check timing. */
  speed: number;
  duration: number;
  fps: number;
  clipName: string | null;
  status: ClipStatus;
  /** What went wrong loading the clip, worded for the user. */
  error: string | null;
}

const INITIAL: TransportState = {
  playing: false,
  mode: 'loop',
  loop: true,
  range: null,
  speed: 1,
  duration: 0,
  fps: DEFAULT_FPS,
  clipName: null,
  status: 'empty',
  error: null,
};

export const transport = createStore<TransportState>()(() => ({ ...INITIAL }));

type TimeListener = (time: number) => void;

const clock = {
  time: 0,
  /** Ping-pong's current leg. */
  direction: 1 as 1 | -1,
  /** Where to continue after the clip being loaded arrives (A/B-ing variants keeps the moment); null = start. */
  resume: null as { time: number; playing: boolean; range: PlayRange | null } | null,
  /** performance.now() of the previous tick while playing; null right after play() so the first tick adds 0. */
  lastTick: null as number | null,
};
const listeners = new Set<TimeListener>();
let requestRender: (() => void) | null = null;

function emit(): void {
  for (const fn of listeners) fn(clock.time);
}

/** Longest wall-clock gap one tick may advance: a backgrounded tab should not jump half the clip. */
const MAX_TICK_SEC = 0.25;

export const playhead = {
  get time(): number {
    return clock.time;
  },

  /** Called by the viewport so that seeks while paused still draw a frame (the canvas renders on demand). */
  setRenderRequest(fn: (() => void) | null): void {
    requestRender = fn;
  },

  /** Listen to time changes (every frame while playing, and on every seek). Returns the unsubscribe function. */
  subscribe(fn: TimeListener): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },

  seek(t: number): void {
    clock.time = clampTime(t, transport.getState().duration);
    emit();
    requestRender?.();
  },

  play(): void {
    const s = transport.getState();
    if (s.status !== 'ready' || s.duration <= 0) return;
    const r = effectiveRange(s.range, s.duration);
    // Pressing play on the last frame of a one-shot (or outside the in/out range) starts again, as every NLE does.
    if ((s.mode === 'once' && clock.time >= r.end) || clock.time < r.start || clock.time > r.end) clock.time = r.start;
    clock.direction = 1;
    clock.lastTick = null;
    transport.setState({ playing: true });
    requestRender?.();
  },

  pause(): void {
    if (transport.getState().playing) transport.setState({ playing: false });
  },

  toggle(): void {
    if (transport.getState().playing) playhead.pause();
    else playhead.play();
  },

  /** Pause and move by whole frames (negative = back). */
  step(frames: number): void {
    const { fps, duration } = transport.getState();
    playhead.pause();
    playhead.seek(stepFrames(clock.time, frames, fps, duration));
  },

  /** Pause and jump to a frame-aligned time (used by scrubbing). */
  scrubTo(t: number): void {
    const { fps, duration } = transport.getState();
    playhead.pause();
    playhead.seek(snapToFrame(t, fps, duration));
  },

  /**
   * Advance by wall-clock time. The 3D chunk calls this once per animation frame (before any canvas renders, so
   * every view of one frame shows the same time). Returns true while playing, so the caller keeps the on-demand
   * render loop going. A second call with the same timestamp adds nothing.
   */
  tick(now: number = performance.now()): boolean {
    const s = transport.getState();
    if (!s.playing) return false;
    const dt = clock.lastTick === null ? 0 : Math.min(Math.max(0, now - clock.lastTick) / 1000, MAX_TICK_SEC);
    clock.lastTick = now;
    const next = advancePlayback({ time: clock.time, direction: clock.direction }, dt * s.speed, effectiveRange(s.range, s.duration), s.mode);
    clock.time = next.time;
    clock.direction = next.direction;
    if (!next.playing) transport.setState({ playing: false });
    emit();
    return next.playing;
  },

  /**
   * A new clip is about to load: stop, and tell everyone nothing is playable yet. With `keepTime`, the next
   * clip continues at the current time and play state (switching between variants of one job to compare them).
   */
  beginLoad(opts: { keepTime?: boolean } = {}): void {
    const s = transport.getState();
    clock.resume = opts.keepTime && s.status === 'ready' ? { time: clock.time, playing: s.playing, range: s.range } : null;
    transport.setState({ playing: false, status: 'loading', error: null, clipName: null, duration: 0, range: null });
    clock.time = 0;
    emit();
  },

  /**
   * The clip is in the scene; start from frame 0 (or where beginLoad asked to resume). A fresh clip plays at
   * once when `autoplay` is set: the first thing anyone wants after generating is to see it move.
   */
  loaded(clip: { duration: number; fps: number; clipName: string | null; autoplay?: boolean }): void {
    const duration = Math.max(0, clip.duration);
    const resume = clock.resume;
    clock.resume = null;
    clock.time = resume ? clampTime(resume.time, duration) : 0;
    clock.lastTick = null;
    clock.direction = 1;
    // A compared take keeps the in/out range when it still fits inside it.
    const range = resume?.range && resume.range.end <= duration ? resume.range : null;
    transport.setState({
      status: 'ready',
      error: null,
      duration,
      range,
      fps: clip.fps > 0 ? clip.fps : DEFAULT_FPS,
      clipName: clip.clipName,
      playing: (resume ? resume.playing : clip.autoplay === true) && duration > 0,
    });
    emit();
    requestRender?.();
  },

  failed(message: string): void {
    clock.resume = null;
    transport.setState({ status: 'error', error: message, playing: false, duration: 0, clipName: null });
    clock.time = 0;
    emit();
  },

  /** Nothing to show (no job selected, or the job has no variants yet). */
  clear(): void {
    clock.resume = null;
    transport.setState({ status: 'empty', error: null, playing: false, duration: 0, clipName: null });
    clock.time = 0;
    emit();
  },

  setLoop(loop: boolean): void {
    playhead.setMode(loop ? 'loop' : 'once');
  },

  setMode(mode: PlayMode): void {
    clock.direction = 1;
    transport.setState({ mode, loop: mode !== 'once' });
  },

  /** Loop → once → ping-pong → loop (the L key). */
  cycleMode(): void {
    const order: PlayMode[] = ['loop', 'once', 'pingpong'];
    const i = order.indexOf(transport.getState().mode);
    playhead.setMode(order[(i + 1) % order.length]!);
  },

  setSpeed(speed: number): void {
    if (speed > 0 && Number.isFinite(speed)) transport.setState({ speed: clampSpeed(speed) });
  },

  /** Mark the in point at the current frame (I). */
  markIn(): void {
    const s = transport.getState();
    if (s.status === 'ready') transport.setState({ range: withInPoint(s.range, clock.time, s.duration) });
  },

  /** Mark the out point at the current frame (O). */
  markOut(): void {
    const s = transport.getState();
    if (s.status === 'ready') transport.setState({ range: withOutPoint(s.range, clock.time, s.duration) });
  },

  setRange(range: PlayRange | null): void {
    const { duration } = transport.getState();
    if (!range) return transport.setState({ range: null });
    const start = clampTime(Math.min(range.start, range.end), duration);
    const end = clampTime(Math.max(range.start, range.end), duration);
    transport.setState({ range: end > start ? { start, end } : null });
  },

  /** Test helper: back to the initial state. */
  reset(): void {
    transport.setState({ ...INITIAL });
    clock.time = 0;
    clock.direction = 1;
    clock.lastTick = null;
    clock.resume = null;
    listeners.clear();
    requestRender = null;
  },
};
