/**
 * `window.__kinema`: a small handle for end-to-end tests to check readiness and drive playback.
 * It is installed the first time a clip is ready, then stays with live getters (ready turns false while the next
 * clip loads). Tests still operate the timeline through the UI; this is for waiting and reading back.
 */
import { viewportProbe } from '../player/index.ts';
import type { ShownProxy } from '../player/index.ts';
import { timeToFrame } from '../lib/timeMath.ts';
import { playhead, transport } from '../state/playhead.ts';

interface KinemaTestHandle {
  getTime(): number;
  setTime(t: number): void;
  play(): void;
  pause(): void;
  duration(): number;
  readonly ready: boolean;
  readonly clipName: string | null;
  readonly playing: boolean;
  readonly fps: number;
  /** The frame number the readout shows. */
  frame(): number;
  /** World position of the shown subject's root bone (hips), or null when nothing is shown. */
  rootPosition(): [number, number, number] | null;
  /** Scene proxies the viewport draws for the shown variant (empty when none). */
  sceneProxies(): ShownProxy[];
  /** Frames drawn since load (frame-rate measurements divide its change by elapsed time). */
  readonly framesDrawn: number;
  /** performance.now() when the current subject's first animated frame was drawn, and that subject's key (URL). */
  readonly firstFrame: { at: number; key: string | null };
}

declare global {
  interface Window {
    __kinema?: KinemaTestHandle;
  }
}

const handle: KinemaTestHandle = {
  getTime: () => playhead.time,
  setTime: (t: number) => playhead.seek(t),
  play: () => playhead.play(),
  pause: () => playhead.pause(),
  duration: () => transport.getState().duration,
  get ready() {
    return transport.getState().status === 'ready';
  },
  get clipName() {
    return transport.getState().clipName;
  },
  get playing() {
    return transport.getState().playing;
  },
  get fps() {
    return transport.getState().fps;
  },
  frame: () => timeToFrame(playhead.time, transport.getState().fps),
  rootPosition: () => viewportProbe.rootPosition?.() ?? null,
  sceneProxies: () => viewportProbe.sceneProxies?.() ?? [],
  get framesDrawn() {
    return viewportProbe.framesDrawn;
  },
  get firstFrame() {
    return { at: viewportProbe.firstFrameAt, key: viewportProbe.firstFrameKey };
  },
};

export function installTestHandle(): () => void {
  const install = () => {
    if (transport.getState().status === 'ready' && !window.__kinema) window.__kinema = handle;
  };
  install();
  return transport.subscribe(install);
}
