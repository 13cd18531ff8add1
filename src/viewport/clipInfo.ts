/** Facts about an animation clip the timeline needs, derived from its keyframes (GLB has no fps field). */
import { DEFAULT_FPS } from '../lib/timeMath.ts';

interface TrackLike {
  times: ArrayLike<number>;
}

const COMMON_RATES = [24, 25, 30, 48, 50, 60, 120];

/**
 * Sampling rate of a baked clip: the densest track's key spacing. Snaps to a common rate when within 2%
 * (float rounding in exporters), else rounds. Clips with < 2 keys per track fall back to 30 fps.
 */
export function detectFps(tracks: readonly TrackLike[]): number {
  let best: TrackLike | null = null;
  for (const t of tracks) if (!best || t.times.length > best.times.length) best = t;
  if (!best || best.times.length < 3) return DEFAULT_FPS;
  const n = best.times.length;
  const span = best.times[n - 1]! - best.times[0]!;
  if (!(span > 0)) return DEFAULT_FPS;
  const rate = (n - 1) / span;
  const common = COMMON_RATES.find((r) => Math.abs(r - rate) / r < 0.02);
  if (common) return common;
  return Math.max(1, Math.round(rate));
}
