/**
 * `window.__kinema`: a small handle for end-to-end tests to check readiness and drive playback.
 * It is installed the first time a clip is ready, then stays with live getters (ready turns false while the next
 * clip loads). Tests still operate the timeline through the UI; this is for waiting and reading back.
 */
import { playhead, transport } from './playhead.ts';

export interface KinemaTestHandle {
  getTime(): number;
  setTime(t: number): void;
  play(): void;
  pause(): void;
  duration(): number;
  readonly ready: boolean;
  readonly clipName: string | null;
  readonly playing: boolean;
  readonly fps: number;
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
};

export function installTestHandle(): () => void {
  const install = () => {
    if (transport.getState().status === 'ready' && !window.__kinema) window.__kinema = handle;
  };
  install();
  return transport.subscribe(install);
}
