/**
 * Tiling a short cycle: a shiver, a foot tap or a hula-hoop circle lasts a fraction of a second, so a
 * cycle of one beat would give a one-second idle when the engine picks the length. Tiling the beat
 * `n` times into one cycle (with the definition's `dur` multiplied by `n`) keeps the rhythm and makes
 * the natural length a few seconds. Only for actions nobody counts by the beat.
 */
import type { KeyPose } from '../format.ts';

export function tileKeys(keys: readonly KeyPose[], n: number): KeyPose[] {
  const out: KeyPose[] = [];
  for (let r = 0; r < n; r++) {
    for (const k of keys) {
      if (r > 0 && k.t === 0) continue; // the previous tile's last key already sits there
      out.push({ ...k, t: (r + k.t) / n });
    }
  }
  return out;
}
