/**
 * The one place the shared playhead advances: a global R3F effect that runs once per animation frame before any
 * canvas renders. With one canvas for the main viewport and another for the variant grid (or an A/B compare),
 * every view of a frame shows the same time and the clock is never advanced twice in one frame.
 *
 * Keeping the on-demand loop alive is a separate job (`usePlayheadPump`, one per canvas): an invalidate() from a
 * global before-effect only covers the frame being drawn, so R3F would stop after it; one from inside useFrame
 * asks for the next frame too.
 */
import { addAfterEffect, addEffect, invalidate, useFrame } from '@react-three/fiber';
import { viewportProbe } from '../player/index.ts';
import { playhead, transport } from '../state/playhead.ts';

let installed = false;

export function installPlayheadDriver(): void {
  if (installed) return;
  installed = true;
  playhead.setRenderRequest(() => invalidate());
  addEffect((timestamp) => {
    if (playhead.tick(timestamp)) invalidate();
  });
  addAfterEffect(() => {
    viewportProbe.framesDrawn++;
  });
}

/** Call once inside each Canvas: keeps that canvas rendering every frame while the playhead plays. */
export function usePlayheadPump(): void {
  useFrame((state) => {
    if (transport.getState().playing) state.invalidate();
  });
}
