/**
 * The one place the shared playhead advances: a global R3F effect that runs once per animation frame before any
 * canvas renders. With one canvas for the main viewport and another for the variant grid (or an A/B compare),
 * every view of a frame shows the same time and the clock is never advanced twice in one frame.
 * Installed when the 3D chunk loads; `invalidate()` with no argument asks every canvas for a frame.
 */
import { addAfterEffect, addEffect, invalidate } from '@react-three/fiber';
import { viewportProbe } from '../player/viewportProbe.ts';
import { playhead } from '../state/playhead.ts';

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
