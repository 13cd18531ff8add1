/**
 * Root motion for game engines. A clip's travel lives in the hips' position, which also carries the body's
 * sway (side-to-side and up-down bob of every step). Engines want the travel on its own:
 *  - splitRootMotion: the travel goes onto a root bone on the floor under the hips; the hips keep the sway
 *    relative to it (Unreal's and Unity's "root motion" import).
 *  - inPlaceKeepSway: the travel is removed and the sway kept, so the character walks on the spot but still
 *    moves like a walker (Mixamo's "in place" drops the sway too, which looks stiff).
 * The travel is the hips' floor position averaged over a centred window of about one stride, which cancels
 * the periodic sway; the window shrinks at the ends so the travel starts and ends exactly under the hips.
 */
import type { Motion } from '../core/motion.ts';

export type Axis = 'x' | 'y' | 'z';

/** Travel of the hips on the floor (y = 0) per frame: [x, 0, z] × frames. */
function floorTravel(m: Motion, windowSec = 1): Float32Array {
  const half = Math.max(0, Math.round((windowSec * m.fps) / 2));
  const out = new Float32Array(m.frames * 3);
  // Prefix sums make the moving average O(frames) whatever the window.
  const sx = new Float64Array(m.frames + 1),
    sz = new Float64Array(m.frames + 1);
  for (let f = 0; f < m.frames; f++) {
    sx[f + 1] = sx[f]! + m.rootPos[f * 3]!;
    sz[f + 1] = sz[f]! + m.rootPos[f * 3 + 2]!;
  }
  for (let f = 0; f < m.frames; f++) {
    const h = Math.min(half, f, m.frames - 1 - f);
    const a = f - h,
      b = f + h + 1;
    out[f * 3] = (sx[b]! - sx[a]!) / (b - a);
    out[f * 3 + 2] = (sz[b]! - sz[a]!) / (b - a);
  }
  return out;
}

export interface SplitRoot {
  /** The root bone's position per frame (on the floor), metres: [x, 0, z] × frames. */
  root: Float32Array;
  /** The clip with the hips' position relative to the root bone. */
  motion: Motion;
}

export function splitRootMotion(m: Motion, windowSec = 1): SplitRoot {
  const root = floorTravel(m, windowSec);
  const rootPos = m.rootPos.slice();
  for (let i = 0; i < rootPos.length; i += 3) {
    rootPos[i] = rootPos[i]! - root[i]!;
    rootPos[i + 2] = rootPos[i + 2]! - root[i + 2]!;
  }
  return { root, motion: { ...m, rootPos } };
}

export function inPlaceKeepSway(m: Motion, windowSec = 1): Motion {
  return splitRootMotion(m, windowSec).motion;
}

/** Holds the chosen axes of a [x, y, z] × frames track at their first-frame value (a new array). */
export function lockAxes(track: Float32Array, axes: readonly Axis[]): Float32Array {
  const out = track.slice();
  for (const a of axes) {
    const k = a === 'x' ? 0 : a === 'y' ? 1 : 2;
    for (let i = k; i < out.length; i += 3) out[i] = out[k]!;
  }
  return out;
}
