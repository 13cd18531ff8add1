/**
 * A tiny keyframe sampler for one-shot actions (jump, sit, bow...): values at key times with
 * Catmull-Rom tangents, so a pose sequence passes through every key with continuous velocity.
 */
import { hermite } from '../core/hermite.ts';

export interface Key {
  t: number;
  v: readonly number[];
}

/** Writes the interpolated channel values at time t into out. Keys must be sorted by time. */
export function sampleKeys(keys: readonly Key[], t: number, out: number[] | Float64Array): void {
  const n = keys.length;
  const k0 = keys[0]!,
    kl = keys[n - 1]!;
  if (t <= k0.t) {
    for (let c = 0; c < k0.v.length; c++) out[c] = k0.v[c]!;
    return;
  }
  if (t >= kl.t) {
    for (let c = 0; c < kl.v.length; c++) out[c] = kl.v[c]!;
    return;
  }
  let i = 0;
  while (i < n - 2 && keys[i + 1]!.t <= t) i++;
  const a = keys[i]!,
    b = keys[i + 1]!;
  const pa = keys[Math.max(0, i - 1)]!,
    pb = keys[Math.min(n - 1, i + 2)]!;
  const h = b.t - a.t;
  // Coincident keys (an action squeezed into almost no time): jump straight to the later one.
  if (!(h > 1e-9)) {
    for (let c = 0; c < b.v.length; c++) out[c] = b.v[c]!;
    return;
  }
  const u = (t - a.t) / h;
  for (let c = 0; c < a.v.length; c++) {
    // Tangents scaled to this interval; the ends use zero slope so actions start and finish at rest.
    const ma = i === 0 ? 0 : ((b.v[c]! - pa.v[c]!) / (b.t - pa.t)) * h;
    const mb = i + 1 === n - 1 ? 0 : ((pb.v[c]! - a.v[c]!) / (pb.t - a.t)) * h;
    out[c] = hermite(u, a.v[c]!, ma, b.v[c]!, mb);
  }
}
