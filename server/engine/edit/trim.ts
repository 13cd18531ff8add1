/**
 * Trim: keep the part of a clip between two times. Frames are taken as they are (no resampling), so the
 * first kept frame is the one at or after `startSec` and the last the one at or before `endSec`.
 */
import { sliceMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';

export function trimMotion(m: Motion, startSec: number, endSec: number): Motion {
  const duration = (m.frames - 1) / m.fps;
  if (!(startSec >= 0) || !(endSec > startSec)) throw new RangeError(`trim needs 0 ≤ start < end (got ${startSec}…${endSec} s)`);
  if (startSec >= duration) throw new RangeError(`trim start ${startSec} s is at or past the clip's end (${duration.toFixed(3)} s)`);
  // A hair of tolerance so "0.5 s" at 30 fps lands on frame 15, not 16, after float rounding.
  const first = Math.ceil(startSec * m.fps - 1e-6);
  const last = Math.min(m.frames - 1, Math.floor(endSec * m.fps + 1e-6));
  if (last <= first) throw new RangeError(`trim ${startSec}…${endSec} s keeps fewer than two frames at ${m.fps} fps`);
  return sliceMotion(m, first, last - first + 1);
}
