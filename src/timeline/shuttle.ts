/**
 * J/K/L shuttle, as in every NLE: L plays forward (each press faster: 1×, 2×, 4×, 8×), J the same backwards,
 * K stops. Forward shuttle is ordinary playback at a higher speed; backward shuttle drives the paused playhead
 * from a rAF loop, because the playhead clock only runs forwards. The state machine and the backward time
 * step are pure and tested; `shuttle` wires them to the playhead.
 */
import { playhead, transport } from '../state/playhead.ts';

const SHUTTLE_RATES = [1, 2, 4, 8] as const;

export interface ShuttleState {
  /** −1 backwards, 0 stopped, 1 forwards. */
  dir: -1 | 0 | 1;
  rate: number;
}

export const SHUTTLE_STOPPED: ShuttleState = { dir: 0, rate: 1 };

function faster(rate: number): number {
  return SHUTTLE_RATES.find((r) => r > rate) ?? SHUTTLE_RATES[SHUTTLE_RATES.length - 1]!;
}

export function nextShuttle(s: ShuttleState, key: 'j' | 'k' | 'l'): ShuttleState {
  if (key === 'k') return SHUTTLE_STOPPED;
  const dir = key === 'l' ? 1 : -1;
  return s.dir === dir ? { dir, rate: faster(s.rate) } : { dir, rate: 1 };
}

/** The mirror of advanceTime: step back by `dt`, wrapping to the end when looping, else stopping at 0. */
export function reverseTime(t: number, dt: number, duration: number, loop: boolean): { time: number; playing: boolean } {
  if (duration <= 0) return { time: 0, playing: false };
  const next = t - Math.max(0, dt);
  if (next > 0) return { time: next, playing: true };
  if (!loop) return { time: 0, playing: false };
  return { time: ((next % duration) + duration) % duration, playing: true };
}

let state: ShuttleState = SHUTTLE_STOPPED;
let raf = 0;
let last: number | null = null;
/** The speed the user had chosen before L sped things up; restored when shuttling stops. */
let userSpeed = 1;

function stopReverse(): void {
  if (raf) cancelAnimationFrame(raf);
  raf = 0;
  last = null;
}

function reverseFrame(now: number): void {
  const { duration, loop } = transport.getState();
  const dt = last === null ? 0 : Math.min((now - last) / 1000, 0.25);
  last = now;
  const r = reverseTime(playhead.time, dt * state.rate, duration, loop);
  playhead.seek(r.time);
  if (r.playing && state.dir === -1) raf = requestAnimationFrame(reverseFrame);
  else {
    raf = 0;
    state = SHUTTLE_STOPPED;
  }
}

// Space, a click on play, or a new clip ends a shuttle the same way K does.
transport.subscribe((s, prev) => {
  if (state.dir === -1 && s.playing && !prev.playing) {
    stopReverse();
    state = SHUTTLE_STOPPED;
  }
  if (state.dir === 1 && !s.playing && prev.playing) {
    state = SHUTTLE_STOPPED;
    playhead.setSpeed(userSpeed);
  }
  if (s.status !== 'ready' && state.dir === -1) {
    stopReverse();
    state = SHUTTLE_STOPPED;
  }
});

export const shuttle = {
  press(key: 'j' | 'k' | 'l'): void {
    const next = nextShuttle(state, key);
    if (state.dir === 0 && next.dir !== 0) userSpeed = transport.getState().speed;
    stopReverse();
    const prev = state;
    state = next;
    if (next.dir === 1) {
      playhead.setSpeed(userSpeed * next.rate);
      if (!transport.getState().playing) playhead.play();
    } else if (next.dir === -1) {
      if (prev.dir === 1) playhead.setSpeed(userSpeed);
      // Pausing first: the transport subscription above must not see this as the user pressing play.
      playhead.pause();
      raf = requestAnimationFrame(reverseFrame);
    } else {
      playhead.pause();
      playhead.setSpeed(userSpeed);
    }
  },
  get state(): ShuttleState {
    return state;
  },
};
